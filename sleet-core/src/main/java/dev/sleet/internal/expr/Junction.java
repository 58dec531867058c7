package dev.sleet.internal.expr;

import dev.sleet.query.Condition;
import dev.sleet.render.RenderContext;

import java.util.List;

/** {@code and} / {@code or} over conditions, parenthesised; an empty junction is its identity element. */
public final class Junction extends BooleanCondition {

    private final boolean and;
    private final List<Condition> conditions;

    /**
     * Creates a junction.
     *
     * @param and        {@code true} for {@code and}, {@code false} for {@code or}
     * @param conditions the operands
     */
    public Junction(boolean and, List<Condition> conditions) {
        this.and = and;
        this.conditions = List.copyOf(conditions);
    }

    /**
     * Tells whether this is an {@code and} of nothing, which renders {@code true}.
     *
     * @return {@code true} for {@code and()} with no conditions
     */
    public boolean isEmptyAnd() {
        return and && conditions.isEmpty();
    }

    @Override
    public void render(RenderContext ctx) {
        if (conditions.isEmpty()) {
            ctx.sql(and ? "true" : "false");
            return;
        }
        if (conditions.size() == 1) {
            ctx.visit(conditions.get(0));
            return;
        }
        ctx.sql('(').visitAll(conditions, and ? " and " : " or ").sql(')');
    }
}
