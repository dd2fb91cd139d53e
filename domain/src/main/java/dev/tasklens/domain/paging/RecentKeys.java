package dev.tasklens.domain.paging;

import java.util.HashSet;
import java.util.Set;

/**
 * The identities of the items a listing delivered last, bounded: two generations of at most
 * {@code capacity / 2} hashes each, the older dropped when the newer fills. A 64-bit hash per key
 * keeps it small; a collision could only hold back an item as already delivered, at odds of about
 * one in 10^14 for a full window.
 */
final class RecentKeys {

    private final int generation;
    private Set<Long> older = new HashSet<>();
    private Set<Long> newer = new HashSet<>();

    RecentKeys(int capacity) {
        this.generation = Math.max(1, capacity / 2);
    }

    /** Records a key; true if it was not among the recent ones. */
    boolean add(String key) {
        long hash = hash(key);
        if (older.contains(hash) || newer.contains(hash)) {
            return false;
        }
        if (newer.size() == generation) {
            older = newer;
            newer = new HashSet<>();
        }
        newer.add(hash);
        return true;
    }

    /** FNV-1a over the key's characters, then mixed (SplitMix64's finalizer) so near keys spread. */
    private static long hash(String key) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash ^= key.charAt(i);
            hash *= 0x100000001b3L;
        }
        hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
        hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
        return hash ^ (hash >>> 31);
    }
}
