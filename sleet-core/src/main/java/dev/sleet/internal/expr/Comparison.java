package dev.sleet.internal.expr;

import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;

/**
 * A binary operator: {@code a = b}, {@code a like b}, {@code a @> b}. The operator text comes from Sleet's own
 * code, never from user input.
 */
public final class Comparison extends BooleanCondition {

    private final QueryPart left;
    private final String operator;
    private final QueryPart right;

    /**
     * Creates a comparison.
     *
     * @param left     the left operand
     * @param operator the operator, e.g. {@code =}, {@code <>}, {@code like}
     * @param right    the right operand
     */
    public Comparison(QueryPart left, String operator, QueryPart right) {
        this.left = left;
        this.operator = operator;
        this.right = right;
    }

    @Override
    public void render(RenderContext ctx) {
        operand(ctx, left);
        ctx.sql(' ').sql(operator).sql(' ');
        operand(ctx, right);
    }

    /** A condition as an operand ({@code eq(isNull(a), true)}) needs parentheses: {@code =} does not nest. */
    private static void operand(RenderContext ctx, QueryPart part) {
        if (part instanceof dev.sleet.query.Condition) {
            ctx.sql('(').visit(part).sql(')');
        } else {
            ctx.visit(part);
        }
    }
}
