package dev.tasklens.domain.paging;

import java.util.HashSet;
import java.util.Set;

/**
 * The last keys added, bounded: two generations of at most {@code capacity / 2} keys each, the
 * older dropped when the newer fills. Keys are compared exactly (by {@code equals}), so a key is
 * reported as seen only when an equal one was added among the last {@code capacity / 2} to
 * {@code capacity} keys: never because of a hash collision.
 *
 * @param <K> the key type
 */
final class RecentSet<K> {

    private final int generation;
    private Set<K> older = new HashSet<>();
    private Set<K> newer = new HashSet<>();

    RecentSet(int capacity) {
        this.generation = Math.max(1, capacity / 2);
    }

    /** Records a key; true if no equal key is among the recent ones. */
    boolean add(K key) {
        if (older.contains(key) || newer.contains(key)) {
            return false;
        }
        if (newer.size() == generation) {
            older = newer;
            newer = new HashSet<>();
        }
        newer.add(key);
        return true;
    }

    /** Whether an equal key is among the recent ones. */
    boolean contains(K key) {
        return older.contains(key) || newer.contains(key);
    }

    /** How many keys are held (at most the capacity). */
    int size() {
        return older.size() + newer.size();
    }
}
