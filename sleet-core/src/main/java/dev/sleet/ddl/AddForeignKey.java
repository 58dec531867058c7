package dev.sleet.ddl;

import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.ForeignKey;
import dev.sleet.schema.OnDelete;
import dev.sleet.schema.OnUpdate;
import dev.sleet.schema.Table;

/**
 * {@code alter table ... add constraint ... foreign key ... references ...}.
 *
 * @param table the referencing table
 * @param key   the foreign key
 */
public record AddForeignKey(Table table, ForeignKey key) implements QueryPart {

    @Override
    public void render(RenderContext ctx) {
        ctx.sql("alter table ").visit(table).sql(" add constraint ").identifier(key.name()).sql(" foreign key (");
        CreateTable.names(ctx, key.columns());
        ctx.sql(") references ").visit(key.targetTable()).sql(" (");
        CreateTable.names(ctx, key.targets());
        ctx.sql(')');
        if (key.onDelete() != OnDelete.NO_ACTION) {
            ctx.sql(" on delete ").sql(key.onDelete().sql());
        }
        if (key.onUpdate() != OnUpdate.NO_ACTION) {
            ctx.sql(" on update ").sql(key.onUpdate().sql());
        }
    }
}
