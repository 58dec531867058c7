package dev.sleet.query;

import dev.sleet.exec.Row;
import dev.sleet.render.RenderedSql;

import java.util.List;
import java.util.Optional;

/**
 * A query that loads rows of a table together with related rows, to any depth, in one SQL statement:
 *
 * <pre>{@code
 * record PostRow(Long id, String title, OffsetDateTime createdAt) {}
 * record UserWithPosts(Long id, String name, List<PostRow> posts) {}
 *
 * List<UserWithPosts> users = db.query(USERS)
 *         .where(eq(USERS.isActive, true))
 *         .with("posts", posts -> posts.orderBy(desc(POSTS.createdAt)).limit(5))
 *         .findMany(UserWithPosts.class);
 * }</pre>
 *
 * <p>Each related level is a {@code LEFT JOIN LATERAL} subquery that aggregates its rows as JSON, with every
 * value in PostgreSQL's text form, so that it comes back as the Java type of its column (bigint, numeric,
 * timestamptz, uuid, bytea, enums, arrays, jsonb), exactly as a plain select returns it. Relations come from
 * {@link dev.sleet.schema.Relations} given to the database with {@code SleetOptions.relations(...)}.
 *
 * <p>Results are {@link Row}s, whose relation values are a {@code List<Row>} (many) or a {@code Row} or
 * {@code null} (one), or records: a {@code List<X>} component for a list relation, an {@code X} or
 * {@code Optional<X>} for a single one, where {@code X} is a record, {@code Row} or {@code Map<String, Object>}.
 * Every mismatch between the query and the record is reported before the statement is sent.
 */
public interface RelationalQuery extends RelationalLevel<RelationalQuery> {

    /**
     * Runs the query.
     *
     * @return the rows, with their relations
     */
    List<Row> findMany();

    /**
     * Runs the query and maps each row, with its relations, into a record.
     *
     * @param type the record (or class with a canonical constructor)
     * @param <R>  the result type
     * @return the records
     * @throws dev.sleet.exec.MappingException before anything is sent, when the record does not fit the query
     */
    <R> List<R> findMany(Class<R> type);

    /**
     * Runs the query for its first row ({@code limit 1}).
     *
     * @return the row, or empty
     */
    Optional<Row> findFirst();

    /**
     * Runs the query for its first row, mapped into a record.
     *
     * @param type the record
     * @param <R>  the result type
     * @return the record, or empty
     */
    <R> Optional<R> findFirst(Class<R> type);

    /**
     * Renders the statement {@link #findMany()} sends, with {@code $n} placeholders, for logs and tests.
     *
     * @return SQL and binds
     */
    RenderedSql toSql();

    /** The related rows of a {@code with(...)}: the same steps as the root, without running. */
    interface Nested extends RelationalLevel<Nested> {
    }
}
