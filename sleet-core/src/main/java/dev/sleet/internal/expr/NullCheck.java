package dev.sleet.internal.expr;

import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;

/** {@code x is null} / {@code x is not null}. */
public final class NullCheck extends BooleanCondition {

    private final QueryPart operand;
    private final boolean negated;

    /**
     * Creates the check.
     *
     * @param operand the expression
     * @param negated {@code true} for {@code is not null}
     */
    public NullCheck(QueryPart operand, boolean negated) {
        this.operand = operand;
        this.negated = negated;
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.visit(operand).sql(negated ? " is not null" : " is null");
    }
}
