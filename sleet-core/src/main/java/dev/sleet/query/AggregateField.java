package dev.sleet.query;

/**
 * An aggregate function call ({@code count(*)}, {@code sum(x)}, {@code avg(x)}, {@code min(x)}, {@code max(x)}):
 * an expression that can also be filtered ({@code count(*) filter (where ...)}) or turned into a window
 * function ({@code sum(x) over (partition by ...)}).
 *
 * <pre>{@code
 * db.select(POSTS.authorId,
 *           count().as("posts"),
 *           count().filter(isNotNull(POSTS.publishedAt)).as("published"))
 *   .from(POSTS).groupBy(POSTS.authorId).fetch();
 *
 * db.select(POSTS.id, sum(POSTS.views).over(partitionBy(POSTS.authorId).orderBy(POSTS.id)).as("running"))
 *   .from(POSTS).fetch();
 * }</pre>
 *
 * @param <T> the Java type of the aggregate's value
 */
public interface AggregateField<T> extends Field<T> {

    /**
     * Restricts the rows the aggregate sees: {@code agg(...) filter (where condition)}. Calling it again
     * combines both conditions with {@code and}.
     *
     * @param condition the rows to aggregate
     * @return the filtered aggregate
     */
    AggregateField<T> filter(Condition condition);

    /**
     * Evaluates the aggregate over a window of rows instead of a group: {@code agg(...) over (window)}.
     *
     * @param window the window, e.g. {@code partitionBy(POSTS.authorId).orderBy(POSTS.id)}
     * @return the window function expression
     */
    Field<T> over(Window window);

    /**
     * Evaluates the aggregate over all rows of the result: {@code agg(...) over ()}, e.g. a grand total on
     * every row.
     *
     * @return the window function expression
     */
    default Field<T> over() {
        return over(Window.empty());
    }
}
