package dev.sleet.query;

/**
 * A combined select ({@code union}, {@code intersect}, {@code except}) that can be combined further, then
 * ordered and limited as a whole. A chain combines left to right: {@code a.union(b).intersect(c)} is
 * {@code (a union b) intersect c}, whatever SQL's own precedence. Order-by expressions must be among the first select's columns; they are
 * rendered as output positions, the only form PostgreSQL accepts after a set operation for any expression.
 */
public interface SetOperationStep extends Select {

    /**
     * Orders the combined rows.
     *
     * @param fields sort elements over the first select's columns
     * @return this step
     */
    SetOperationStep orderBy(SortField... fields);

    /**
     * Limits the combined rows.
     *
     * @param count the maximum, at least 0
     * @return this step
     */
    SetOperationStep limit(long count);

    /**
     * Skips combined rows.
     *
     * @param count the rows to skip, at least 0
     * @return this step
     */
    SetOperationStep offset(long count);
}
