package dev.sleet.internal.expr;

import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;

/**
 * A string literal whose text was checked against a whitelist or an identifier pattern before it got here
 * (a {@code date_trunc} unit, a text search configuration), written inline so that the expression is a
 * constant PostgreSQL can match against an index expression. Quoted and escaped like any literal.
 *
 * @param text the checked text
 * @param cast the type to cast to, e.g. {@code regconfig}, or {@code null}
 */
public record CheckedLiteral(String text, String cast) implements QueryPart {

    @Override
    public void render(RenderContext ctx) {
        ctx.stringLiteral(text);
        if (cast != null) {
            ctx.sql("::").sql(cast);
        }
    }
}
