package dev.sleet.ddl;

import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.PgEnum;

/**
 * {@code create type ... as enum (...)}.
 *
 * @param pgEnum the enum
 */
public record CreateEnum(PgEnum<?> pgEnum) implements QueryPart {

    @Override
    public void render(RenderContext ctx) {
        ctx.sql("create type ").visit(pgEnum).sql(" as enum (");
        for (int i = 0; i < pgEnum.labels().size(); i++) {
            if (i > 0) {
                ctx.sql(", ");
            }
            ctx.stringLiteral(pgEnum.labels().get(i));
        }
        ctx.sql(')');
    }
}
