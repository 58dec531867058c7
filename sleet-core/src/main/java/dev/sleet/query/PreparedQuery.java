package dev.sleet.query;

import dev.sleet.render.RenderedSql;

/**
 * An insert, update or delete rendered once, run many times with values for its placeholders:
 *
 * <pre>{@code
 * PreparedQuery rename = db.update(USERS).set(USERS.name, placeholder("name"))
 *         .where(eq(USERS.id, placeholder("id"))).prepare();
 * rename.bind("id", 1L).bind("name", "Ann").execute();
 * }</pre>
 *
 * Immutable: {@link #bind} returns a new instance, so one prepared statement can be shared by threads.
 */
public interface PreparedQuery {

    /**
     * Returns this statement with a value for a placeholder.
     *
     * @param name  the placeholder's name
     * @param value the value, of the placeholder's type; {@code null} binds SQL null
     * @return the statement with the value
     * @throws IllegalArgumentException when there is no such placeholder or the value has the wrong type
     */
    PreparedQuery bind(String name, Object value);

    /**
     * Runs the statement.
     *
     * @return the number of rows affected
     * @throws IllegalStateException when a placeholder has no value (before any SQL is sent)
     */
    int execute();

    /**
     * Returns the rendered SQL, with JDBC placeholders, and its binds (placeholders as
     * {@link Placeholder.Slot}s).
     *
     * @return the SQL
     */
    RenderedSql sql();
}
