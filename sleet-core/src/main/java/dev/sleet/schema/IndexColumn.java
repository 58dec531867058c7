package dev.sleet.schema;

import dev.sleet.render.RenderContext;

/**
 * An index column with ordering, null placement or operator class. Immutable: each method returns a new
 * element.
 *
 * @param column     the column
 * @param descending {@code DESC}
 * @param nulls      {@code NULLS FIRST}/{@code NULLS LAST}, or {@code null} for PostgreSQL's default
 * @param opclass    the operator class, or {@code null}
 */
public record IndexColumn(Column<?> column, boolean descending, Nulls nulls, String opclass) implements IndexElement {

    /** Where nulls sort. */
    public enum Nulls {
        /** {@code NULLS FIRST} */
        FIRST,
        /** {@code NULLS LAST} */
        LAST
    }

    /**
     * Returns this element with {@code NULLS FIRST}.
     *
     * @return the element
     */
    public IndexColumn nullsFirst() {
        return new IndexColumn(column, descending, Nulls.FIRST, opclass);
    }

    /**
     * Returns this element with {@code NULLS LAST}.
     *
     * @return the element
     */
    public IndexColumn nullsLast() {
        return new IndexColumn(column, descending, Nulls.LAST, opclass);
    }

    /**
     * Returns this element with an operator class, e.g. {@code text_pattern_ops} or {@code gin_trgm_ops}.
     *
     * @param name the operator class
     * @return the element
     */
    public IndexColumn opclass(String name) {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            throw new SchemaDefinitionException("index on " + column + ": operator class '" + name
                    + "' is not a valid name");
        }
        return new IndexColumn(column, descending, nulls, name);
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.identifier(column.name());
        if (opclass != null) {
            ctx.sql(' ').sql(opclass);
        }
        if (descending) {
            ctx.sql(" desc");
        }
        if (nulls != null) {
            ctx.sql(nulls == Nulls.FIRST ? " nulls first" : " nulls last");
        }
    }
}
