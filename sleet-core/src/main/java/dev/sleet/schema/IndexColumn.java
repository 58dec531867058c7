package dev.sleet.schema;

import dev.sleet.render.RenderContext;

/**
 * An index column with ordering, null placement, collation or operator class. Immutable: each method returns a
 * new element.
 *
 * @param column     the column
 * @param descending {@code DESC}
 * @param nulls      {@code NULLS FIRST}/{@code NULLS LAST}, or {@code null} for PostgreSQL's default
 * @param opclass    the operator class, or {@code null}
 * @param collation  the collation, or {@code null} for the column's
 */
public record IndexColumn(Column<?> column, boolean descending, Nulls nulls, String opclass, String collation)
        implements IndexElement {

    /** Where nulls sort. */
    public enum Nulls {
        /** {@code NULLS FIRST} */
        FIRST,
        /** {@code NULLS LAST} */
        LAST
    }

    /**
     * An element without a collation of its own.
     *
     * @param column     the column
     * @param descending {@code DESC}
     * @param nulls      where nulls sort, or {@code null}
     * @param opclass    the operator class, or {@code null}
     */
    public IndexColumn(Column<?> column, boolean descending, Nulls nulls, String opclass) {
        this(column, descending, nulls, opclass, null);
    }

    /**
     * Returns this element with {@code NULLS FIRST}.
     *
     * @return the element
     */
    public IndexColumn nullsFirst() {
        return new IndexColumn(column, descending, Nulls.FIRST, opclass, collation);
    }

    /**
     * Returns this element with {@code NULLS LAST}.
     *
     * @return the element
     */
    public IndexColumn nullsLast() {
        return new IndexColumn(column, descending, Nulls.LAST, opclass, collation);
    }

    /**
     * Returns this element with an operator class, e.g. {@code text_pattern_ops} or {@code gin_trgm_ops}.
     *
     * @param name the operator class
     * @return the element
     */
    public IndexColumn opclass(String name) {
        return new IndexColumn(column, descending, nulls, checkedOpclass(name, "index on " + column), collation);
    }

    /**
     * Returns this element with a collation, e.g. {@code "C"} for byte order whatever the column's collation.
     *
     * @param name the collation, as {@code pg_collation} names it ({@code C}, {@code en-US-x-icu}); a name of
     *             another schema as {@code schema.name}
     * @return the element
     */
    public IndexColumn collate(String name) {
        return new IndexColumn(column, descending, nulls, opclass, checkedCollation(name, "index on " + column));
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.identifier(column.name());
        renderOptions(ctx, collation, opclass, descending, nulls);
    }

    /** {@code [COLLATE c] [opclass] [DESC] [NULLS ...]}, in the order PostgreSQL's grammar has them. */
    static void renderOptions(RenderContext ctx, String collation, String opclass, boolean descending,
                              Nulls nulls) {
        if (collation != null) {
            int dot = collation.indexOf('.');
            ctx.sql(" collate ");
            if (dot < 0) {
                ctx.identifier(collation);
            } else {
                ctx.qualified(collation.substring(0, dot), collation.substring(dot + 1));
            }
        }
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

    static String checkedOpclass(String name, String what) {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?")) {
            throw new SchemaDefinitionException(what + ": operator class '" + name + "' is not a valid name");
        }
        return name;
    }

    static String checkedCollation(String name, String what) {
        if (name == null || name.isEmpty() || name.startsWith(".") || name.endsWith(".")) {
            throw new SchemaDefinitionException(what + ": collation '" + name + "' is not a valid name");
        }
        return name;
    }
}
