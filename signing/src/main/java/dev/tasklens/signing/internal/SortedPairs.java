package dev.tasklens.signing.internal;

import java.util.Arrays;

/**
 * A small list of key/value pairs kept sorted by key (natural {@link String} order), for the
 * handful of headers and query parameters a canonical request sorts: cheaper than a
 * {@link java.util.TreeMap} at these sizes. Not thread-safe.
 *
 * @param <V> the value type
 */
public final class SortedPairs<V> {

    private String[] keys = new String[8];
    private Object[] values = new Object[8];
    private int size;

    /**
     * Inserts a pair unless the key is present.
     *
     * @param key the key
     * @param value the value
     * @return false, inserting nothing, if the key was already present
     */
    public boolean putIfAbsent(String key, V value) {
        int at = size;
        while (at > 0) {
            int order = keys[at - 1].compareTo(key);
            if (order == 0) {
                return false;
            }
            if (order < 0) {
                break;
            }
            at--;
        }
        insert(at, key, value);
        return true;
    }

    /**
     * Inserts a pair, or replaces the value of a present key.
     *
     * @param key the key
     * @param value the value
     */
    public void put(String key, V value) {
        int index = indexOf(key);
        if (index >= 0) {
            values[index] = value;
        } else {
            putIfAbsent(key, value);
        }
    }

    /**
     * Inserts a pair after every pair with the same key (values of one key keep their order).
     *
     * @param key the key
     * @param value the value
     */
    public void add(String key, V value) {
        int at = size;
        while (at > 0 && keys[at - 1].compareTo(key) > 0) {
            at--;
        }
        insert(at, key, value);
    }

    private void insert(int at, String key, V value) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        System.arraycopy(keys, at, keys, at + 1, size - at);
        System.arraycopy(values, at, values, at + 1, size - at);
        keys[at] = key;
        values[at] = value;
        size++;
    }

    /**
     * Where a key is.
     *
     * @param key the key
     * @return its index, or -1
     */
    public int indexOf(String key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The number of pairs.
     *
     * @return the size
     */
    public int size() {
        return size;
    }

    /**
     * A key.
     *
     * @param index from 0
     * @return the key
     */
    public String key(int index) {
        return keys[index];
    }

    /**
     * A value.
     *
     * @param index from 0
     * @return the value
     */
    @SuppressWarnings("unchecked")
    public V value(int index) {
        return (V) values[index];
    }
}
