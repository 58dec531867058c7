package dev.sleet.ddl;

import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;

/**
 * {@code create schema if not exists ...}.
 *
 * @param name the schema name
 */
public record CreateSchema(String name) implements QueryPart {

    @Override
    public void render(RenderContext ctx) {
        ctx.sql("create schema if not exists ").identifier(name);
    }
}
