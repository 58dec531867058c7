package dev.sleet.internal.query;

import dev.sleet.internal.expr.AliasedField;
import dev.sleet.query.Field;
import dev.sleet.render.RenderContext;

import java.util.List;

/** Renders a select or returning list: expressions with their aliases declared. */
final class SelectList {

    private SelectList() {
    }

    static void render(RenderContext ctx, List<Field<?>> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                ctx.sql(", ");
            }
            Field<?> f = fields.get(i);
            if (f instanceof AliasedField<?> a) {
                a.renderDeclaration(ctx);
            } else {
                ctx.visit(f);
            }
        }
    }
}
