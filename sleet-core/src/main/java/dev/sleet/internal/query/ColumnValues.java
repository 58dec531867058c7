package dev.sleet.internal.query;

import dev.sleet.internal.expr.Val;
import dev.sleet.query.Placeholder;
import dev.sleet.render.Bind;
import dev.sleet.render.QueryPart;
import dev.sleet.schema.Column;
import dev.sleet.schema.Table;
import dev.sleet.schema.column.ColumnType;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * Columns and a value for each, as two arrays: an insert row (its columns in the table's order) or the
 * assignments of {@code on conflict do update} (in the order they were given). Rows read from records of one
 * class share the column array, so a batch of them costs one small array per row instead of a hash map with an
 * entry per column, and rows of one shape are recognised by that array, by identity or by its elements. Lookups
 * scan the columns by identity, which for a table's handful of columns is as fast as hashing.
 *
 * <p>A row whose every value is plain (bound with its column's type) keeps the bare values, so that reading a
 * record makes no object per value and an insert whose SQL is known (see {@code InsertImpl.boundFor}) binds them
 * straight from the array with its columns' types. A row with an expression or a placeholder keeps each value
 * as an entry: a {@link Bind} for a plain one, the {@link QueryPart} for the rest. As a map, a row shows a plain
 * value as the {@link Val} it renders as. Immutable.
 */
final class ColumnValues extends AbstractMap<Column<?>, QueryPart> {

    /** No columns: the row of {@code default values}. */
    static final ColumnValues NONE = new ColumnValues(new Column<?>[0], new Object[0]);

    private final Column<?>[] columns;
    private final Object[] values;   // plain: the bare values; else an entry each (see entry(QueryPart))
    private final boolean plain;     // every value bound with its column's type

    /**
     * A row from entries; when every entry is plain, the row keeps their bare values in the same array.
     *
     * @param columns the columns; shared, never changed
     * @param entries the entry of each column (see {@link #entry(QueryPart)}), owned by this row
     */
    ColumnValues(Column<?>[] columns, Object[] entries) {
        this.columns = columns;
        this.values = entries;
        this.plain = plain(columns, entries);
        if (plain) {
            for (int i = 0; i < entries.length; i++) {
                entries[i] = ((Bind) entries[i]).value();
            }
        }
    }

    /**
     * A row of plain values, as the caller checked: each a value its column's type binds.
     *
     * @param columns the columns; shared, never changed
     * @param values  the bare values, owned by this row
     * @return the row
     */
    static ColumnValues ofPlain(Column<?>[] columns, Object[] values) {
        return new ColumnValues(columns, values, true);
    }

    private ColumnValues(Column<?>[] columns, Object[] values, boolean plain) {
        this.columns = columns;
        this.values = values;
        this.plain = plain;
    }

    private static boolean plain(Column<?>[] columns, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!isPlain(values[i], columns[i].type())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether an entry is a plain value of a column of type {@code type}: a {@link Bind} of that type holding a
     * value, not the slot of a placeholder, which only a prepared statement fills.
     */
    static boolean isPlain(Object entry, ColumnType<?> type) {
        return entry instanceof Bind b && b.type() == type && !(b.value() instanceof Placeholder.Slot);
    }

    /**
     * Whether every value is a plain value bound with its column's type (see {@link #isPlain(Object, ColumnType)}):
     * then the row binds its {@link #plainValues()}, in column order, with its columns' types.
     */
    boolean isPlain() {
        return plain;
    }

    /** How a value is kept: a plain value as its {@link Bind}, anything else as it is. */
    static Object entry(QueryPart value) {
        return value instanceof Val<?> v ? new Bind(v.value(), v.type()) : value;
    }

    /** What the value at {@code i} renders as. */
    @SuppressWarnings("unchecked")
    private QueryPart part(int i) {
        if (plain) {
            return new Val<>(values[i], (ColumnType<Object>) columns[i].type());
        }
        return values[i] instanceof Bind b ? new Val<>(b.value(), (ColumnType<Object>) b.type())
                : (QueryPart) values[i];
    }

    /** The entry of the value at {@code i} (see {@link #entry(QueryPart)}). */
    private Object entryAt(int i) {
        return plain ? new Bind(values[i], columns[i].type()) : values[i];
    }

    /**
     * This row with {@code column} set to {@code value}, the columns kept in the table's order.
     *
     * @param table  the table, whose column {@code column} is
     * @param column the column
     * @param value  its value
     * @return the row
     */
    ColumnValues with(Table table, Column<?> column, QueryPart value) {
        Object entry = entry(value);
        int at = indexOf(column);
        if (at >= 0) {
            Object[] changed = new Object[values.length];
            for (int i = 0; i < changed.length; i++) {
                changed[i] = i == at ? entry : entryAt(i);
            }
            return new ColumnValues(columns, changed);
        }
        Column<?>[] wider = new Column<?>[columns.length + 1];
        Object[] widerValues = new Object[wider.length];
        int k = 0;
        for (Column<?> c : table.columns()) {
            int i = c == column ? -1 : indexOf(c);
            if (c == column || i >= 0) {
                wider[k] = c;
                widerValues[k++] = i < 0 ? entry : entryAt(i);
            }
        }
        return new ColumnValues(wider, widerValues);
    }

    /** Whether {@code other} has the same columns in the same order (read from records of one class, say). */
    boolean hasColumnsOf(ColumnValues other) {
        return hasColumns(other.columns);
    }

    /** Whether these are the columns, in this order. */
    boolean hasColumns(Column<?>[] others) {
        return columns == others || Arrays.equals(columns, others);
    }

    /** The columns; the caller must not change them. */
    Column<?>[] columnArray() {
        return columns;
    }

    /**
     * The bare values of a {@link #isPlain() plain} row, in column order; the caller must not change them.
     */
    Object[] plainValues() {
        if (!plain) {
            throw new IllegalStateException("not a row of plain values");
        }
        return values;
    }

    /** How many values this row binds when every value is a plain value (one bind each), else -1. */
    int bindsIfAllValues() {
        if (plain) {
            return values.length;
        }
        for (Object v : values) {
            if (!(v instanceof Bind)) {
                return -1;
            }
        }
        return values.length;
    }

    private int indexOf(Object column) {
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] == column) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public QueryPart get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : part(i);
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return columns.length;
    }

    @Override
    public Collection<QueryPart> values() {
        return new AbstractList<>() {
            @Override
            public QueryPart get(int index) {
                Objects.checkIndex(index, values.length);
                return part(index);
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }

    /** Equal maps; between two of these, without lookups when the columns come in the same order. */
    @Override
    public boolean equals(Object o) {
        if (o instanceof ColumnValues other && hasColumnsOf(other)) {
            // a plain row and one with an expression or placeholder never hold the same values
            return plain == other.plain && Arrays.equals(values, other.values);
        }
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    @Override
    public Set<Map.Entry<Column<?>, QueryPart>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<Column<?>, QueryPart>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < columns.length;
                    }

                    @Override
                    public Map.Entry<Column<?>, QueryPart> next() {
                        if (next >= columns.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(columns[i], part(i));
                    }
                };
            }

            @Override
            public int size() {
                return columns.length;
            }
        };
    }
}
