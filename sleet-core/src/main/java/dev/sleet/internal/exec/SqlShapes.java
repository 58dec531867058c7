package dev.sleet.internal.exec;

import dev.sleet.render.QueryPart;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SQL texts by statement shape, for statements whose text depends on their shape alone (which columns, how
 * many rows, which conflict clause) and whose values are all bound. A statement of a shape seen before takes
 * the text rendered then and binds its own values, without rendering; the text is one {@code String}, so
 * pgjdbc's statement cache finds it without hashing it again.
 *
 * <p>One per executor, shared with the executors of its transactions, which render alike. Bounded by the
 * characters kept: past {@link #MAX_CHARS} it empties and starts again, so a program inserting many row counts
 * keeps the recent ones. Thread-safe: lookups do not lock.
 */
public final class SqlShapes {

    /**
     * A statement that may take its SQL from its shape; {@link JdbcExecutor#render(QueryPart)} asks it, so every
     * way of running it (executed, in a batch, prepared, through {@code db.execute}) does.
     */
    public interface Shaped {
        /**
         * Returns the statement for {@code executor}: its shape's SQL text and its own values when the executor
         * has rendered that shape before, else rendered with {@link JdbcExecutor#renderFresh(QueryPart)}.
         *
         * @param executor the executor it runs on
         * @return SQL with JDBC placeholders, and the values to bind
         */
        BoundStatement boundFor(JdbcExecutor executor);
    }

    /** What one shape renders to. */
    public interface Entry {
        /** @return the SQL text, with JDBC placeholders */
        String sql();
    }

    /** Characters of SQL kept at most, summed over entries: 4 to 8 MB of strings. */
    static final long MAX_CHARS = 4_000_000;

    private final Map<Object, Entry> entries = new ConcurrentHashMap<>();
    private long chars;   // guarded by this

    /**
     * Returns the entry of a shape.
     *
     * @param key the shape's key
     * @return the entry, or {@code null} when none is kept
     */
    public Entry get(Object key) {
        return entries.get(key);
    }

    /**
     * Keeps an entry for a shape, in place of the one it had.
     *
     * @param key   the shape's key
     * @param entry what it renders to
     */
    public synchronized void put(Object key, Entry entry) {
        // puts come only when a shape is new or changed, so a lock here costs the steady state nothing
        int length = entry.sql().length();
        if (length > MAX_CHARS) {
            return;
        }
        Entry old = entries.remove(key);
        if (old != null) {
            chars -= old.sql().length();
        }
        if (chars + length > MAX_CHARS) {
            entries.clear();
            chars = 0;
        }
        entries.put(key, entry);
        chars += length;
    }

    /** @return how many shapes are kept */
    public int size() {
        return entries.size();
    }
}
