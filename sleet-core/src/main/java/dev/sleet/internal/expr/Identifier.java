package dev.sleet.internal.expr;

import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;

import java.util.List;

/**
 * A name chosen at run time, quoted part by part: {@code "app"."users"}.
 *
 * @param parts the name's parts
 */
public record Identifier(List<String> parts) implements QueryPart {

    /**
     * Checks the parts.
     *
     * @param parts the name's parts
     */
    public Identifier {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("identifier(...) needs at least one name");
        }
        for (String p : parts) {
            RenderContext.quoteIdentifier(p);   // fails on empty names and NUL
        }
        parts = List.copyOf(parts);
    }

    @Override
    public void render(RenderContext ctx) {
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                ctx.sql('.');
            }
            ctx.identifier(parts.get(i));
        }
    }
}
