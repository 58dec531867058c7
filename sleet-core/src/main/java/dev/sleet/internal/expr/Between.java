package dev.sleet.internal.expr;

import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;

/** {@code x between a and b} / {@code x not between a and b}. */
public final class Between extends BooleanCondition {

    private final QueryPart operand;
    private final QueryPart low;
    private final QueryPart high;
    private final boolean negated;

    /**
     * Creates the range check.
     *
     * @param operand the expression
     * @param low     the lower bound, inclusive
     * @param high    the upper bound, inclusive
     * @param negated {@code true} for {@code not between}
     */
    public Between(QueryPart operand, QueryPart low, QueryPart high, boolean negated) {
        this.operand = operand;
        this.low = low;
        this.high = high;
        this.negated = negated;
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.visit(operand).sql(negated ? " not between " : " between ").visit(low).sql(" and ").visit(high);
    }
}
