package dev.sleet.internal.expr;

import dev.sleet.query.Field;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.column.ColumnType;

import java.util.Objects;
import java.util.Set;

/**
 * {@code cast(x as type)}. The type name comes from a {@link ColumnType}, never from user text.
 *
 * @param <T> the target Java type
 */
public final class Cast<T> implements Field<T> {

    /** Pseudo-types of DDL that PostgreSQL does not accept in a cast. */
    private static final Set<String> NOT_CASTABLE = Set.of("serial", "bigserial", "smallserial");

    private final Field<?> field;
    private final ColumnType<T> type;

    /**
     * Creates a cast.
     *
     * @param field the expression
     * @param type  the target type
     * @throws IllegalArgumentException for {@code serial} types, which exist only in {@code create table}
     */
    public Cast(Field<?> field, ColumnType<T> type) {
        this.field = Objects.requireNonNull(field, "field");
        this.type = Objects.requireNonNull(type, "type");
        if (NOT_CASTABLE.contains(type.sqlName())) {
            throw new IllegalArgumentException("cannot cast " + field.name() + " to " + type.sqlName() + ": it is "
                    + "a create-table shorthand, not a type; cast to integer or bigint instead");
        }
    }

    @Override
    public ColumnType<T> type() {
        return type;
    }

    @Override
    public String name() {
        return field.name();
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.sql("cast(").visit(field).sql(" as ");
        type.renderTypeName(ctx);
        ctx.sql(')');
    }
}
