package dev.sleet.render;

import dev.sleet.schema.column.ColumnType;

/**
 * One bind value of a rendered statement, with the column type that binds it to JDBC.
 *
 * @param value the value, possibly {@code null}
 * @param type  the type that binds and casts the value
 */
public record Bind(Object value, ColumnType<?> type) {

    /** Hides the value: bind values can be secrets and must not reach logs by accident. */
    @Override
    public String toString() {
        return "Bind[" + type.sqlName() + "]";
    }
}
