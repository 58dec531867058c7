package dev.sleet.internal.expr;

import dev.sleet.query.Condition;
import dev.sleet.render.RenderContext;

/** {@code not (condition)}. */
public final class Not extends BooleanCondition {

    private final Condition condition;

    /**
     * Negates a condition.
     *
     * @param condition the condition
     */
    public Not(Condition condition) {
        this.condition = condition;
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.sql("not (").visit(condition).sql(')');
    }
}
