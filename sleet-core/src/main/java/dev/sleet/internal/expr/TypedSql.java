package dev.sleet.internal.expr;

import dev.sleet.query.Field;
import dev.sleet.query.RawSql;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.column.ColumnType;

/**
 * A raw SQL fragment given a result type: {@code sql(Integer.class, "char_length({0})", USERS.name)}.
 *
 * @param sql  the fragment
 * @param type the result type
 * @param <T>  the Java type
 */
public record TypedSql<T>(RawSql sql, ColumnType<T> type) implements Field<T> {

    @Override
    public String name() {
        return "sql";
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.visit(sql);
    }
}
