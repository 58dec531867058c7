package dev.sleet.internal.expr;

import dev.sleet.query.Field;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.column.ColumnType;

/**
 * A column of a raw statement's result, known only by the name and type the driver reports.
 *
 * @param name the column label
 * @param type the type that reads it
 * @param <T>  the Java type
 */
public record ResultColumn<T>(String name, ColumnType<T> type) implements Field<T> {

    @Override
    public void render(RenderContext ctx) {
        ctx.identifier(name);
    }
}
