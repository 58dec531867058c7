package dev.sleet.internal.expr;

import dev.sleet.query.Field;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.column.ColumnType;

/**
 * A value bound as a parameter, typed by the column or expression it meets.
 *
 * @param value the value, possibly {@code null}
 * @param type  the type that binds it
 * @param <T>   the value type
 */
public record Val<T>(T value, ColumnType<T> type) implements Field<T> {

    /**
     * Binds a value with the type of the field it is compared with or assigned to.
     *
     * @param value the value
     * @param like  the field that supplies the type
     * @param <T>   the value type
     * @return the bound value
     */
    public static <T> Val<T> of(T value, Field<T> like) {
        return new Val<>(value, like.type());
    }

    @Override
    public String name() {
        return "?column?";
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.bind(value, type);
    }

    @Override
    public String toString() {
        return "Val[" + type.sqlName() + "]";
    }
}
