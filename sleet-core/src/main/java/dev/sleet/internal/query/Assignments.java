package dev.sleet.internal.query;

import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.Column;

import java.util.Map;

/** Renders {@code "a" = ?, "b" = expr} for update and upsert set clauses. */
final class Assignments {

    private Assignments() {
    }

    static void render(RenderContext ctx, Map<Column<?>, QueryPart> assignments) {
        boolean first = true;
        for (Map.Entry<Column<?>, QueryPart> e : assignments.entrySet()) {
            if (!first) {
                ctx.sql(", ");
            }
            first = false;
            ctx.withQualification(false, e.getKey()).sql(" = ").visit(e.getValue());
        }
    }
}
