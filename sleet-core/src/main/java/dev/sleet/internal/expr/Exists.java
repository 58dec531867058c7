package dev.sleet.internal.expr;

import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;

/** {@code exists (subquery)} / {@code not exists (subquery)}. */
public final class Exists extends BooleanCondition {

    private final QueryPart subquery;
    private final boolean negated;

    /**
     * Creates the test.
     *
     * @param subquery the subquery
     * @param negated  {@code true} for {@code not exists}
     */
    public Exists(QueryPart subquery, boolean negated) {
        this.subquery = subquery;
        this.negated = negated;
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.sql(negated ? "not exists (" : "exists (").visit(subquery).sql(')');
    }
}
