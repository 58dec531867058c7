package dev.sleet.internal.expr;

import dev.sleet.query.Field;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.Column;
import dev.sleet.schema.column.ColumnType;

/**
 * {@code excluded."column"}: the value an upsert tried to insert, for {@code on conflict do update}.
 *
 * @param column the column
 * @param <T>    the value type
 */
public record Excluded<T>(Column<T> column) implements Field<T> {

    @Override
    public ColumnType<T> type() {
        return column.type();
    }

    @Override
    public String name() {
        return column.name();
    }

    // written out: an upsert's shape is compared with its cached SQL's on every statement, and columns are equal
    // only to themselves
    @Override
    public boolean equals(Object o) {
        return o instanceof Excluded<?> other && column == other.column;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(column);
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.sql("excluded.").identifier(column.name());
    }
}
