package dev.sleet.ddl;

import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.Index;
import dev.sleet.schema.Table;

/**
 * {@code create [unique] index [concurrently] ... on ... using ... (...) [nulls not distinct] [where ...]}.
 *
 * @param table the table
 * @param index the index
 */
public record CreateIndex(Table table, Index index) implements QueryPart {

    @Override
    public void render(RenderContext ctx) {
        ctx.sql(index.unique() ? "create unique index " : "create index ");
        if (index.concurrently()) {
            ctx.sql("concurrently ");
        }
        ctx.identifier(index.name()).sql(" on ").visit(table).sql(" using ").sql(index.method()).sql(" (")
                .withQualification(false, c -> c.visitAll(index.elements())).sql(')');
        if (index.nullsNotDistinct()) {
            ctx.sql(" nulls not distinct");
        }
        if (index.where() != null) {
            ctx.sql(" where ").rawSql(index.where());
        }
    }
}
