package dev.sleet.query;

/**
 * A {@code case when ... then ... end} expression being built. It is already an expression (rows no branch
 * matches get {@code null}); {@link #otherwise} gives them a value instead.
 *
 * <pre>{@code
 * Field<String> size = caseWhen(gt(POSTS.views, 1000), val("hot", TextType.INSTANCE))
 *         .when(gt(POSTS.views, 10), "warm")
 *         .otherwise("cold");
 * }</pre>
 *
 * <p>Values given to {@code when} and {@code otherwise} are bound with the type of the first branch's
 * expression.
 *
 * @param <T> the Java type of the branches' values
 */
public interface CaseWhenStep<T> extends Field<T> {

    /**
     * Adds a branch with a value: {@code when condition then value}.
     *
     * @param condition the condition
     * @param value     the value, bound as a parameter; may be {@code null}
     * @return the case expression with the branch added
     */
    CaseWhenStep<T> when(Condition condition, T value);

    /**
     * Adds a branch with an expression: {@code when condition then expression}.
     *
     * @param condition the condition
     * @param value     the expression
     * @return the case expression with the branch added
     */
    CaseWhenStep<T> when(Condition condition, Field<T> value);

    /**
     * Gives rows that no branch matched a value: {@code else value end}.
     *
     * @param value the value, bound as a parameter
     * @return the complete expression
     */
    Field<T> otherwise(T value);

    /**
     * Gives rows that no branch matched an expression: {@code else expression end}.
     *
     * @param value the expression
     * @return the complete expression
     */
    Field<T> otherwise(Field<T> value);
}
