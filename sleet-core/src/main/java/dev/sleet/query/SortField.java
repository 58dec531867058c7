package dev.sleet.query;

import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;

import java.util.Objects;

/**
 * An {@code order by} element: {@code asc(USERS.name)}, {@code desc(USERS.createdAt).nullsLast()}. Immutable.
 */
public final class SortField implements QueryPart {

    private enum Nulls { DEFAULT, FIRST, LAST }

    private final Field<?> field;
    private final boolean descending;
    private final Nulls nulls;

    private SortField(Field<?> field, boolean descending, Nulls nulls) {
        this.field = Objects.requireNonNull(field, "field");
        this.descending = descending;
        this.nulls = nulls;
    }

    /**
     * Sorts by an expression.
     *
     * @param field      the expression
     * @param descending {@code true} for descending
     * @return the sort element
     */
    public static SortField of(Field<?> field, boolean descending) {
        return new SortField(field, descending, Nulls.DEFAULT);
    }

    /**
     * Puts nulls before other values.
     *
     * @return a new sort element
     */
    public SortField nullsFirst() {
        return new SortField(field, descending, Nulls.FIRST);
    }

    /**
     * Puts nulls after other values.
     *
     * @return a new sort element
     */
    public SortField nullsLast() {
        return new SortField(field, descending, Nulls.LAST);
    }

    /**
     * Returns the sorted expression.
     *
     * @return the expression
     */
    public Field<?> field() {
        return field;
    }

    /**
     * Returns this sort element over another expression, with the same direction and null placement.
     *
     * @param other the expression
     * @return the sort element
     */
    public SortField withField(Field<?> other) {
        return new SortField(other, descending, nulls);
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.visit(field).sql(descending ? " desc" : " asc");
        if (nulls != Nulls.DEFAULT) {
            ctx.sql(nulls == Nulls.FIRST ? " nulls first" : " nulls last");
        }
    }
}
