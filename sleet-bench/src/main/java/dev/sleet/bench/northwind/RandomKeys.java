package dev.sleet.bench.northwind;

import java.util.SplittableRandom;

/**
 * A repeating, seeded sequence of keys in {@code [1, bound]}: every contender of a benchmark draws the same
 * keys in the same order, and drawing one costs an array read, not a random number. Not thread-safe; the
 * benchmarks run one thread.
 */
public final class RandomKeys {

    private final long[] keys;
    private int next;

    /**
     * A sequence of 4,096 keys.
     *
     * @param seed  the seed
     * @param bound the largest key
     */
    public RandomKeys(long seed, int bound) {
        this(seed, 1, bound, 1);
    }

    /**
     * A sequence of 4,096 values {@code first + step * k}, {@code k} uniform in {@code [0, count)}: page offsets
     * ({@code first = 0, step = 50}), starting ids, and the like.
     *
     * @param seed  the seed
     * @param first the smallest value
     * @param count how many distinct values
     * @param step  the distance between two values
     */
    public RandomKeys(long seed, long first, int count, long step) {
        SplittableRandom random = new SplittableRandom(seed);
        keys = new long[4_096];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = first + step * random.nextInt(count);
        }
    }

    /**
     * Returns the next key; after the last, the first again.
     *
     * @return the key
     */
    public long next() {
        long key = keys[next];
        next = (next + 1) & (keys.length - 1);
        return key;
    }

    /** Starts the sequence again, so that a self-check and the measurement see the same keys. */
    public void reset() {
        next = 0;
    }
}
