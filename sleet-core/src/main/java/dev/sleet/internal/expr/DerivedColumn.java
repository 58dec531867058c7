package dev.sleet.internal.expr;

import dev.sleet.query.Field;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.column.ColumnType;

/**
 * A column of a derived table or common table expression: {@code "alias"."name"}.
 *
 * @param source the derived table's or CTE's name
 * @param name   the column name
 * @param type   the column type
 * @param <T>    the Java type
 */
public record DerivedColumn<T>(String source, String name, ColumnType<T> type) implements Field<T> {

    @Override
    public void render(RenderContext ctx) {
        if (ctx.qualifyColumns()) {
            ctx.identifier(source).sql('.');
        }
        ctx.identifier(name);
    }
}
