package dev.sleet.internal.query;

import dev.sleet.query.Field;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.column.ColumnType;

/**
 * An output column by its 1-based position ({@code order by 2}): how a selected expression is referred to
 * where writing it again would give it new bind parameters, and after a set operation.
 *
 * @param position the 1-based position
 * @param type     the column's type
 * @param <T>      the Java type
 */
record OutputPosition<T>(int position, ColumnType<T> type) implements Field<T> {

    @Override
    public String name() {
        return Integer.toString(position);
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.sql(Integer.toString(position));
    }
}
