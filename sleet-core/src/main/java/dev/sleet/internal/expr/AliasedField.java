package dev.sleet.internal.expr;

import dev.sleet.query.Field;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.column.ColumnType;

import java.util.Objects;

/**
 * An expression under an alias. In a select list it declares the alias ({@link #renderDeclaration});
 * elsewhere (where, group by, having, order by, set) it renders the expression itself, because PostgreSQL
 * resolves output aliases only in order by, and in group by would prefer an input column of the same name.
 *
 * @param field the expression
 * @param alias the alias
 * @param <T>   the value type
 */
public record AliasedField<T>(Field<T> field, String alias) implements Field<T> {

    /**
     * Validates the alias.
     *
     * @param field the expression
     * @param alias the alias
     */
    public AliasedField {
        Objects.requireNonNull(field, "field");
        RenderContext.quoteIdentifier(alias);
    }

    @Override
    public ColumnType<T> type() {
        return field.type();
    }

    @Override
    public String name() {
        return alias;
    }

    @Override
    public Field<T> as(String newAlias) {
        return new AliasedField<>(field, newAlias);
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.visit(field);
    }

    /**
     * Returns a reference to the alias itself ({@code "alias"}), for order by, where PostgreSQL resolves output
     * column names first.
     *
     * @return the reference
     */
    public Field<T> reference() {
        AliasedField<T> self = this;
        return new Field<>() {
            @Override
            public ColumnType<T> type() {
                return self.type();
            }

            @Override
            public String name() {
                return alias;
            }

            @Override
            public void render(RenderContext ctx) {
                ctx.identifier(alias);
            }
        };
    }

    /**
     * Renders {@code expr as "alias"} for a select list.
     *
     * @param ctx the context
     */
    public void renderDeclaration(RenderContext ctx) {
        ctx.visit(field).sql(" as ").identifier(alias);
    }
}
