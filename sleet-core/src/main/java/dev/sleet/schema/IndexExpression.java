package dev.sleet.schema;

import dev.sleet.render.RenderContext;

/**
 * An index element that is an SQL expression, e.g. {@code lower(email)}, with ordering, null placement,
 * collation or operator class like a column element. The text is schema code written by the developer and goes
 * into DDL as given. Immutable: each method returns a new element.
 *
 * @param sql        the expression
 * @param descending {@code DESC}
 * @param nulls      {@code NULLS FIRST}/{@code NULLS LAST}, or {@code null} for PostgreSQL's default
 * @param opclass    the operator class, or {@code null}
 * @param collation  the collation, or {@code null} for the expression's
 */
public record IndexExpression(String sql, boolean descending, IndexColumn.Nulls nulls, String opclass,
                              String collation) implements IndexElement {

    /**
     * An ascending expression element.
     *
     * @param sql the expression
     */
    public IndexExpression(String sql) {
        this(sql, false, null, null, null);
    }

    /**
     * Returns this element sorted descending.
     *
     * @return the element
     */
    public IndexExpression desc() {
        return new IndexExpression(sql, true, nulls, opclass, collation);
    }

    /**
     * Returns this element with {@code NULLS FIRST}.
     *
     * @return the element
     */
    public IndexExpression nullsFirst() {
        return new IndexExpression(sql, descending, IndexColumn.Nulls.FIRST, opclass, collation);
    }

    /**
     * Returns this element with {@code NULLS LAST}.
     *
     * @return the element
     */
    public IndexExpression nullsLast() {
        return new IndexExpression(sql, descending, IndexColumn.Nulls.LAST, opclass, collation);
    }

    /**
     * Returns this element with an operator class, e.g. {@code text_pattern_ops}.
     *
     * @param name the operator class
     * @return the element
     */
    public IndexExpression opclass(String name) {
        return new IndexExpression(sql, descending, nulls, IndexColumn.checkedOpclass(name, "index on (" + sql + ")"),
                collation);
    }

    /**
     * Returns this element with a collation.
     *
     * @param name the collation, e.g. {@code C}; a name of another schema as {@code schema.name}
     * @return the element
     */
    public IndexExpression collate(String name) {
        return new IndexExpression(sql, descending, nulls, opclass,
                IndexColumn.checkedCollation(name, "index on (" + sql + ")"));
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.sql('(').rawSql(sql).sql(')');
        IndexColumn.renderOptions(ctx, collation, opclass, descending, nulls);
    }
}
