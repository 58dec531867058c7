package dev.sleet.render;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The SQL text of a statement and its bind values, as produced by {@code toSql()}.
 *
 * <p>{@link #toString()} shows the SQL only: the values can be secrets, so they are shown only when asked
 * for through {@link #bindValues()}.
 *
 * @param sql   the SQL text with placeholders
 * @param binds the bind values, in placeholder order
 */
public record RenderedSql(String sql, List<Bind> binds) {

    /**
     * Keeps an unmodifiable copy of the bind list so the record stays immutable.
     *
     * @param sql   the SQL text with placeholders
     * @param binds the bind values, in placeholder order
     */
    public RenderedSql {
        binds = List.copyOf(binds);   // no copy when it is already an unmodifiable list
    }

    /**
     * Returns the bare bind values in placeholder order.
     *
     * @return the values, {@code null}s included
     */
    public List<Object> bindValues() {
        List<Object> values = new ArrayList<>(binds.size());
        for (Bind b : binds) {
            values.add(b.value());
        }
        return Collections.unmodifiableList(values);
    }

    @Override
    public String toString() {
        return sql;
    }
}
