package dev.sleet.query;


/**
 * The {@code order by} step of a select.
 */
public interface SelectOrderByStep extends SelectLimitStep {

    /**
     * Orders rows, e.g. {@code orderBy(desc(USERS.createdAt), asc(USERS.id))}.
     *
     * @param fields the sort elements
     * @return the next step: limit, offset
     */
    SelectLimitStep orderBy(SortField... fields);

    /**
     * Orders rows by expressions, ascending.
     *
     * @param fields the expressions
     * @return the next step: limit, offset
     */
    SelectLimitStep orderBy(Field<?>... fields);
}
