package dev.sleet.internal.query;

import dev.sleet.internal.expr.Val;
import dev.sleet.query.Field;
import dev.sleet.render.Bind;
import dev.sleet.render.QueryPart;
import dev.sleet.schema.Column;
import dev.sleet.schema.Table;
import dev.sleet.schema.column.ColumnType;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns an insert's input rows (records or {@code Map<Column, ?>}) into column → value maps, checking that
 * every value belongs to a column of the table and fits its type. Record accessors are resolved once per
 * (table, record class); a record's row is a {@link ColumnValues} in the table's column order.
 */
final class RowValues {

    /**
     * One component: its column and name, and what is known of the column before any value (its type, whether it
     * has a default or is generated), so that reading a row asks the column nothing.
     */
    private record Accessor(Column<?> column, String component, ColumnType<?> type, boolean defaulted,
                            boolean generated) {

        Accessor(Column<?> column, String component) {
            this(column, component, column.type(), column.hasGeneratedOrDefaultValue(),
                    column.generatedExpression() != null);
        }
    }

    /**
     * How rows of one record class are read for one table: the components' columns in the table's order, shared
     * by every row read in full, an accessor for each in that order, and a reader of their values in that order.
     */
    private record Shape(Column<?>[] columns, Accessor[] accessors, RecordGetters.Reader reader) {
    }

    // per record class, per table: looked up for every row, so without building a key
    private static final ClassValue<Map<Table, Shape>> SHAPES = new ClassValue<>() {
        @Override
        protected Map<Table, Shape> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private RowValues() {
    }

    static ColumnValues of(Table table, Object row) {
        if (row instanceof Record record) {
            return ofRecord(table, record, shape(table, record.getClass()));
        }
        if (row instanceof Map<?, ?> map) {
            return ofMap(table, map);
        }
        throw new IllegalArgumentException("insert into " + table + ": a row must be a record or a Map<Column, ?>, "
                + "not " + (row == null ? "null" : row.getClass().getName()));
    }

    /** A map's row, its columns put in the table's order. */
    private static ColumnValues ofMap(Table table, Map<?, ?> map) {
        Column<?>[] columns = new Column<?>[map.size()];
        Object[] values = new Object[columns.length];
        int k = 0;
        for (Column<?> c : table.columns()) {
            if (k == columns.length) {
                break;
            }
            Object v = map.get(c);
            if (v != null || map.containsKey(c)) {
                columns[k] = c;
                values[k++] = entry(table, c, v);
            }
        }
        if (k < columns.length) {
            // a key that is not a column of this table: name it
            for (Object key : map.keySet()) {
                if (!(key instanceof Column<?> column)) {
                    throw new IllegalArgumentException("insert into " + table + ": map keys must be columns, not "
                            + key);
                }
                value(table, column, null);
            }
            throw new IllegalArgumentException("insert into " + table + ": the row's keys " + map.keySet()
                    + " are not all columns of " + table);
        }
        return new ColumnValues(columns, values);
    }

    /**
     * The rows of an insert of many: as {@link #of} row by row, with the shape of a record class looked up once
     * for a run of records of that class.
     */
    static List<ColumnValues> ofAll(Table table, Collection<?> rows) {
        List<ColumnValues> out = new ArrayList<>(rows.size());
        Class<?> last = null;
        Shape shape = null;
        for (Object row : rows) {
            if (row instanceof Record record) {
                if (record.getClass() != last) {
                    last = record.getClass();
                    shape = shape(table, last);
                }
                out.add(ofRecord(table, record, shape));
            } else {
                out.add(of(table, row));
            }
        }
        return out;
    }

    private static Shape shape(Table table, Class<?> type) {
        Map<Table, Shape> shapes = SHAPES.get(type);
        Shape shape = shapes.get(table);   // a plain lookup first: computeIfAbsent's function captures the class
        return shape != null ? shape : shapes.computeIfAbsent(table, t -> newShape(t, type));
    }

    /** Marks a component left to its column's default while a row is read. */
    private static final Object SKIPPED = new Object();

    private static ColumnValues ofRecord(Table table, Record record, Shape shape) {
        // the values in the columns' order; the array becomes the row's
        Object[] values = shape.reader().read(record);
        Accessor[] accessors = shape.accessors();
        boolean[] entries = null;   // which values are entries (Bind or QueryPart) rather than bare, once one is
        int skipped = 0;
        for (int i = 0; i < values.length; i++) {
            Accessor a = accessors[i];
            Object v = values[i];
            if (v == null && a.defaulted()) {
                values[i] = SKIPPED;   // null for a column with a default means "let PostgreSQL fill it"
                skipped++;
                continue;
            }
            // A value for a generated-always identity goes through: overridingSystemValue() may follow, and
            // without it PostgreSQL's error names the column and the fix.
            if (a.generated()) {
                throw new IllegalArgumentException("insert into " + table + ": " + record.getClass().getSimpleName()
                        + "." + a.component() + " has a value, but column " + a.column().name() + " is generated "
                        + "by PostgreSQL; leave it null or drop the component");
            }
            if (v == null || v.getClass() == a.type().javaType() && a.type().accepts(v)) {
                continue;   // the common case: a bare value its column binds
            }
            Object entry = entry(table, a.column(), a.type(), v);
            if (ColumnValues.isPlain(entry, a.type())) {
                values[i] = ((Bind) entry).value();   // a value its column's type takes, of another class
            } else {
                if (entries == null) {
                    entries = new boolean[values.length];
                }
                entries[i] = true;
                values[i] = entry;
            }
        }
        if (entries != null) {
            // an expression or a placeholder: every value becomes an entry
            for (int i = 0; i < values.length; i++) {
                if (!entries[i] && values[i] != SKIPPED) {
                    values[i] = new Bind(values[i], accessors[i].type());
                }
            }
        }
        Column<?>[] columns = shape.columns();
        if (skipped > 0) {
            // a row that leaves some columns to their defaults: its own, shorter column array
            Column<?>[] kept = new Column<?>[columns.length - skipped];
            Object[] keptValues = new Object[kept.length];
            int k = 0;
            for (int i = 0; i < columns.length; i++) {
                if (values[i] != SKIPPED) {
                    kept[k] = columns[i];
                    keptValues[k++] = values[i];
                }
            }
            columns = kept;
            values = keptValues;
        }
        return entries == null ? ColumnValues.ofPlain(columns, values) : new ColumnValues(columns, values);
    }

    private static Shape newShape(Table table, Class<?> type) {
        Map<String, Column<?>> byName = new LinkedHashMap<>();
        for (Column<?> c : table.columns()) {
            byName.put(normalise(c.name()), c);
        }
        RecordComponent[] components = type.getRecordComponents();
        Column<?>[] matched = new Column<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent rc = components[i];
            Column<?> c = byName.get(normalise(rc.getName()));
            if (c == null) {
                throw new IllegalArgumentException("insert into " + table + ": " + type.getSimpleName() + "."
                        + rc.getName() + " matches no column of " + table + "; columns are "
                        + table.columns().stream().map(Column::name).toList());
            }
            for (int j = 0; j < i; j++) {
                if (matched[j] == c) {
                    throw new IllegalArgumentException("insert into " + table + ": " + type.getSimpleName() + "."
                            + components[j].getName() + " and " + rc.getName() + " both match column " + c.name());
                }
            }
            Class<?> javaType = c.type().javaType();
            if (!javaType.isAssignableFrom(RecordGetters.boxedType(rc))) {
                throw new IllegalArgumentException("insert into " + table + ": " + type.getSimpleName() + "."
                        + rc.getName() + " is " + rc.getType().getName() + ", but column " + c.name() + " is "
                        + c.type().sqlName() + " (" + javaType.getName() + ")");
            }
            matched[i] = c;
        }
        // the matched columns in the table's order, and which component each one's value comes from
        List<Column<?>> ordered = new ArrayList<>(components.length);
        List<Integer> from = new ArrayList<>(components.length);
        for (Column<?> c : table.columns()) {
            for (int i = 0; i < matched.length; i++) {
                if (matched[i] == c) {
                    ordered.add(c);
                    from.add(i);
                    break;
                }
            }
        }
        Accessor[] accessors = new Accessor[components.length];
        int[] order = new int[components.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = from.get(k);
            accessors[k] = new Accessor(ordered.get(k), components[order[k]].getName());
        }
        return new Shape(ordered.toArray(new Column<?>[0]), accessors, RecordGetters.reader(type, order));
    }

    /**
     * A row's entry for a value (see {@link ColumnValues}): null or a value of exactly the column's Java type, the
     * common cases, straight to its {@link Bind}; anything else checked by {@link #value}.
     */
    static Object entry(Table table, Column<?> column, Object value) {
        if (column.table() != table) {
            return ColumnValues.entry(value(table, column, value));   // refused there, naming both
        }
        return entry(table, column, column.type(), value);
    }

    /** {@link #entry(Table, Column, Object)} for a column of the table, whose type the caller has at hand. */
    private static Object entry(Table table, Column<?> column, ColumnType<?> type, Object value) {
        if (value == null || value.getClass() == type.javaType() && type.accepts(value)) {
            return new Bind(value, type);
        }
        return ColumnValues.entry(value(table, column, value));
    }

    @SuppressWarnings("unchecked")
    static <T> QueryPart value(Table table, Column<T> column, Object value) {
        if (column.table() != table) {
            throw new IllegalArgumentException(column + " is not a column of " + table);
        }
        ColumnType<T> type = column.type();
        if (value != null && value.getClass() == type.javaType() && type.accepts(value)) {
            // a value of exactly the column's Java type, the common case: decided without the interface checks
            // below, which for a String cost a scan of its interfaces on every call
            return new Val<>((T) value, type);
        }
        if (value instanceof Field<?> f) {
            // an expression, or a placeholder, which takes the column's type when it has none
            return f instanceof dev.sleet.query.Placeholder<?> p ? ((dev.sleet.query.Placeholder<T>) p).typedLike(column)
                    : f;
        }
        if (value != null && !column.type().accepts(value)) {
            throw new IllegalArgumentException(column + " is " + column.type().sqlName() + " ("
                    + column.type().javaType().getName() + "); a " + value.getClass().getName() + " does not fit");
        }
        return new Val<>((T) value, column.type());
    }

    private static String normalise(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }
}
