package dev.sleet.internal.query;

import dev.sleet.internal.expr.Val;
import dev.sleet.render.QueryPart;
import dev.sleet.schema.Column;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One insert row read from a record: its columns in the table's order and a value for each, as two arrays.
 * Rows read from records of one class share the column array, so a batch of them costs one small array per
 * row instead of a hash map with an entry per column, and rows of one shape are recognised by that array's
 * identity. Lookups scan the columns by identity, which for a table's handful of columns is as fast as hashing.
 * Immutable.
 */
final class ColumnValues extends AbstractMap<Column<?>, QueryPart> {

    private final Column<?>[] columns;
    private final QueryPart[] values;

    /**
     * @param columns the columns, in the table's order; shared, never changed
     * @param values  the value of each column, owned by this row
     */
    ColumnValues(Column<?>[] columns, QueryPart[] values) {
        this.columns = columns;
        this.values = values;
    }

    /** Whether {@code other} has the same columns: read from records of one class, leaving out the same ones. */
    boolean hasColumnsOf(ColumnValues other) {
        return columns == other.columns;
    }

    /** The values in column order; the caller must not change them. */
    QueryPart[] valueArray() {
        return values;
    }

    /** How many values this row binds when every value is a plain value (one bind each), else -1. */
    int bindsIfAllValues() {
        for (QueryPart v : values) {
            if (!(v instanceof Val<?>)) {
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
        return i < 0 ? null : values[i];
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
        return Collections.unmodifiableList(Arrays.asList(values));
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
                        return new SimpleImmutableEntry<>(columns[i], values[i]);
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
