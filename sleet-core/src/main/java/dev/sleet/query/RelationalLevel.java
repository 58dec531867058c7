package dev.sleet.query;

import dev.sleet.schema.Column;

import java.util.function.UnaryOperator;

/**
 * What a relational query says about the rows of one level: the root table's rows, or the related rows of a
 * {@code with(...)}. Each level has its own columns, extras, filter, order, limit and offset, and can load
 * further relations to any depth. Immutable: every method returns a new query.
 *
 * <p>Columns and conditions name the level's table by its usual constants ({@code POSTS.createdAt}); when the
 * same table appears at several levels (an employee and their manager), a reference means the table of the
 * level it is written in.
 *
 * @param <S> the level's own type, returned by each step
 */
public interface RelationalLevel<S extends RelationalLevel<S>> {

    /**
     * Loads only these columns of the level's table (by default, all of them), in this order.
     *
     * @param columns columns of the level's table
     * @return the query
     * @throws IllegalArgumentException when a column belongs to another table
     */
    S columns(Column<?>... columns);

    /**
     * Leaves these columns of the level's table out.
     *
     * @param columns columns of the level's table
     * @return the query
     * @throws IllegalArgumentException when a column belongs to another table
     */
    S exclude(Column<?>... columns);

    /**
     * Adds computed fields to each row, named by their alias: {@code extras(lower(USERS.name).as("lowerName"))},
     * or a correlated subquery such as {@code scalar(db.select(count()).from(COMMENTS).where(eq(COMMENTS.postId,
     * POSTS.id))).as("commentCount")}. Their values come back typed as the expressions are.
     *
     * @param extras the expressions
     * @return the query
     */
    S extras(Field<?>... extras);

    /**
     * Keeps the rows that meet a condition; several calls are combined with {@code and}. Conditions can look at
     * related rows with {@link dev.sleet.Sql#related(String, Condition)}: {@code where(related("posts",
     * eq(POSTS.published, true)))} keeps users with at least one published post.
     *
     * @param condition the condition
     * @return the query
     */
    S where(Condition condition);

    /**
     * Orders the level's rows (replacing an earlier order).
     *
     * @param order sort keys, e.g. {@code desc(POSTS.createdAt)}
     * @return the query
     */
    S orderBy(SortField... order);

    /**
     * Orders the level's rows ascending by these expressions (replacing an earlier order).
     *
     * @param fields the expressions
     * @return the query
     */
    S orderBy(Field<?>... fields);

    /**
     * Loads at most {@code limit} rows at this level (for a relation, per parent row).
     *
     * @param limit the maximum, at least 0
     * @return the query
     */
    S limit(int limit);

    /**
     * Skips the first {@code offset} rows at this level (for a relation, per parent row).
     *
     * @param offset how many to skip, at least 0
     * @return the query
     */
    S offset(int offset);

    /**
     * Loads a relation of the level's table with all its columns.
     *
     * @param relation the relation's name
     * @return the query
     * @throws IllegalArgumentException when the level's table has no such relation
     */
    S with(String relation);

    /**
     * Loads a relation of the level's table, shaped by {@code spec}:
     * {@code with("posts", posts -> posts.orderBy(desc(POSTS.createdAt)).limit(5).with("comments"))}.
     *
     * @param relation the relation's name
     * @param spec     what to load of the related rows
     * @return the query
     * @throws IllegalArgumentException when the level's table has no such relation
     */
    S with(String relation, UnaryOperator<RelationalQuery.Nested> spec);
}
