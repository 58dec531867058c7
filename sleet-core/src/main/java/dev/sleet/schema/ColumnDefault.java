package dev.sleet.schema;

import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.column.ColumnType;

/** A column's default, as declared in the schema. */
public sealed interface ColumnDefault extends QueryPart {

    /**
     * A constant, written as a literal of the column's type ({@code defaultValue(true)}).
     *
     * @param value the value
     * @param type  the column type
     */
    record Value(Object value, ColumnType<?> type) implements ColumnDefault {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public void render(RenderContext ctx) {
            ctx.literal(value, (ColumnType) type);
        }
    }

    /**
     * An SQL expression written into DDL as given ({@code defaultSql("gen_random_uuid()")}); schema code only,
     * never user input.
     *
     * @param sql the expression
     */
    record Sql(String sql) implements ColumnDefault {
        @Override
        public void render(RenderContext ctx) {
            ctx.rawSql(sql);
        }
    }

    /** The transaction's start time: {@code now()}. */
    record Now() implements ColumnDefault {
        @Override
        public void render(RenderContext ctx) {
            ctx.sql("now()");
        }
    }

    /** A random UUID: {@code gen_random_uuid()} (built in since PostgreSQL 13). */
    record RandomUuid() implements ColumnDefault {
        @Override
        public void render(RenderContext ctx) {
            ctx.sql("gen_random_uuid()");
        }
    }
}
