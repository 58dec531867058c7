package dev.sleet.query;


/**
 * The step after a join: the join condition.
 */
public interface SelectOnStep {

    /**
     * Sets the join condition, e.g. {@code eq(POSTS.authorId, USERS.id)}.
     *
     * @param condition the condition
     * @return the join step, for more joins, where, order by...
     */
    SelectJoinStep on(Condition condition);
}
