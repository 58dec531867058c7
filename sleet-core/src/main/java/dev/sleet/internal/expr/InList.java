package dev.sleet.internal.expr;

import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;

import java.util.List;

/**
 * {@code x in (a, b, ...)} / {@code x not in (...)}. An empty list is {@code false} ({@code true} for
 * {@code not in}), since PostgreSQL rejects {@code in ()}.
 */
public final class InList extends BooleanCondition {

    private final QueryPart operand;
    private final List<? extends QueryPart> values;
    private final boolean negated;

    /**
     * Creates the membership test.
     *
     * @param operand the expression
     * @param values  the candidates
     * @param negated {@code true} for {@code not in}
     */
    public InList(QueryPart operand, List<? extends QueryPart> values, boolean negated) {
        this.operand = operand;
        this.values = List.copyOf(values);
        this.negated = negated;
    }

    @Override
    public void render(RenderContext ctx) {
        if (values.isEmpty()) {
            ctx.sql(negated ? "true" : "false");
            return;
        }
        ctx.visit(operand).sql(negated ? " not in (" : " in (").visitAll(values).sql(')');
    }
}
