package dev.sleet.schema;

import dev.sleet.render.RenderContext;

/**
 * An index element that is an SQL expression, e.g. {@code lower(email)}. The text is schema code written by
 * the developer and goes into DDL as given.
 *
 * @param sql the expression
 */
public record IndexExpression(String sql) implements IndexElement {

    @Override
    public void render(RenderContext ctx) {
        ctx.sql('(').rawSql(sql).sql(')');
    }
}
