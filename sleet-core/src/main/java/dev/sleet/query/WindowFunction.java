package dev.sleet.query;

/**
 * A function that only exists over a window ({@code row_number()}, {@code rank()}, {@code lag(x)}...). It is
 * not an expression until {@link #over(Window)} gives it its window, so forgetting the {@code over} clause is a
 * compile error rather than a PostgreSQL error.
 *
 * <pre>{@code
 * db.select(POSTS.title, rowNumber().over(partitionBy(POSTS.authorId).orderBy(desc(POSTS.views))).as("rank"))
 *   .from(POSTS).fetch();
 * }</pre>
 *
 * @param <T> the Java type of the function's value
 */
public interface WindowFunction<T> {

    /**
     * Evaluates the function over a window: {@code fn(...) over (window)}.
     *
     * @param window the window
     * @return the expression
     */
    Field<T> over(Window window);

    /**
     * Evaluates the function over all rows of the result in their natural order: {@code fn(...) over ()}.
     *
     * @return the expression
     */
    default Field<T> over() {
        return over(Window.empty());
    }
}
