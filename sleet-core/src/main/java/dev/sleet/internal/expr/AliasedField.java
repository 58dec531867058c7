package dev.sleet.internal.expr;

import dev.sleet.query.Field;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.column.ColumnType;

import java.util.Objects;

/**
 * An expression under an alias. In a select list it declares the alias ({@link #renderDeclaration}); elsewhere
 * (order by, having) it refers to it.
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
        ctx.identifier(alias);
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
