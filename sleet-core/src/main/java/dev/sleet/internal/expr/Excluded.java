package dev.sleet.internal.expr;

import dev.sleet.query.Field;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.Column;
import dev.sleet.schema.column.ColumnType;

/**
 * {@code excluded."column"}: the value an upsert tried to insert, for {@code on conflict do update}.
 *
 * @param column the column
 * @param <T>    the value type
 */
public record Excluded<T>(Column<T> column) implements Field<T> {

    // The excluded(...) of recent columns, so that upserts built one per row (a batch of them) share theirs,
    // and comparing one's conflict clause with its cached shape's finds them identical at once. Direct-mapped
    // by the column's identity hash and written without locks: an entry never changes, so a lost racing write
    // costs only an allocation. Holds at most this many columns.
    private static final Excluded<?>[] RECENT = new Excluded<?>[256];

    /**
     * {@code excluded."column"}, shared with the last caller for this column when it is still kept.
     *
     * @param column the column
     * @param <T>    the value type
     * @return the expression
     */
    @SuppressWarnings("unchecked")
    public static <T> Excluded<T> of(Column<T> column) {
        int slot = System.identityHashCode(column) & (RECENT.length - 1);
        Excluded<?> kept = RECENT[slot];
        if (kept != null && kept.column == column) {
            return (Excluded<T>) kept;
        }
        Excluded<T> fresh = new Excluded<>(column);
        RECENT[slot] = fresh;
        return fresh;
    }

    @Override
    public ColumnType<T> type() {
        return column.type();
    }

    @Override
    public String name() {
        return column.name();
    }

    // written out: an upsert's shape is compared with its cached SQL's on every statement, and columns are equal
    // only to themselves
    @Override
    public boolean equals(Object o) {
        return o instanceof Excluded<?> other && column == other.column;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(column);
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.sql("excluded.").identifier(column.name());
    }
}
