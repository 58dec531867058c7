package dev.sleet.kit.migrate;

import dev.sleet.render.RenderContext;

import java.util.Optional;

/**
 * A {@code CREATE INDEX CONCURRENTLY} or {@code DROP INDEX CONCURRENTLY} statement, recognised so that a resumed
 * {@code -- sleet:no-transaction} migration can tell what an interrupted run of it left behind. These statements
 * cannot run in a transaction, so a migrator killed while one runs cannot know whether it finished; and an index
 * build that is interrupted leaves an INVALID index under the statement's name.
 *
 * <p>Only the forms that name their index are recognised: {@code CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT
 * EXISTS] name ON [ONLY] [schema.]table ...} and {@code DROP INDEX CONCURRENTLY [IF EXISTS] [schema.]name
 * [CASCADE | RESTRICT]}. An unnamed index gets a name from PostgreSQL that the statement does not show.
 */
sealed interface ConcurrentIndexStatement {

    /**
     * {@code CREATE INDEX CONCURRENTLY}.
     *
     * @param index the index name; the index lives in its table's schema
     * @param table the table
     */
    record Create(String index, Name table) implements ConcurrentIndexStatement {
    }

    /**
     * {@code DROP INDEX CONCURRENTLY}.
     *
     * @param index the index
     */
    record Drop(Name index) implements ConcurrentIndexStatement {
    }

    /**
     * A possibly schema-qualified name, as written in the statement (unquoted parts folded to lower case).
     *
     * @param schema the schema, or {@code null} to look the name up along the search path
     * @param name   the name
     */
    record Name(String schema, String name) {

        /** The name as text for {@code to_regclass} and DDL, quoted so that PostgreSQL reads it back as given. */
        String sql() {
            return (schema == null ? "" : RenderContext.quoteIdentifier(schema) + ".")
                    + RenderContext.quoteIdentifier(name);
        }
    }

    /**
     * Recognises a statement.
     *
     * @param sql the statement, comments included
     * @return the statement, or empty when it is not one of the recognised forms
     */
    static Optional<ConcurrentIndexStatement> parse(String sql) {
        WordCursor w = new WordCursor(SqlWord.of(sql));
        if (w.take("create")) {
            w.take("unique");
            if (!w.take("index") || !w.take("concurrently")) {
                return Optional.empty();
            }
            if (w.take("if") && !(w.take("not") && w.take("exists"))) {
                return Optional.empty();
            }
            if (!w.peekName() || w.peek("on")) {
                return Optional.empty();   // unnamed: PostgreSQL picks the name
            }
            String index = w.next().text();
            if (!w.take("on")) {
                return Optional.empty();
            }
            w.take("only");
            return w.name().map(table -> new Create(index, table));
        }
        if (w.take("drop")) {
            if (!w.take("index") || !w.take("concurrently")) {
                return Optional.empty();
            }
            if (w.take("if") && !w.take("exists")) {
                return Optional.empty();
            }
            Optional<Name> index = w.name();
            if (!w.take("cascade")) {
                w.take("restrict");
            }
            return w.atEnd() ? index.map(Drop::new) : Optional.empty();
        }
        return Optional.empty();
    }
}
