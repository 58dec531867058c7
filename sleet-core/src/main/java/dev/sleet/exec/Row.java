package dev.sleet.exec;

import dev.sleet.internal.exec.NestedType;
import dev.sleet.internal.exec.RecordMapper;
import dev.sleet.query.Field;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One result row. Values are read by the column or expression that was selected, with its Java type:
 *
 * <pre>{@code
 * String email = row.get(USERS.email);
 * Long total = row.get(0, Long.class);
 * }</pre>
 */
public final class Row {

    private final RowShape shape;
    private final Object[] values;

    /**
     * Creates a row; rows are made by Sleet while reading results.
     *
     * @param shape  what each value is
     * @param values the values, in shape order
     */
    public Row(RowShape shape, Object[] values) {
        this.shape = shape;
        this.values = values;
    }

    /**
     * Returns the value of a selected column or expression.
     *
     * @param field the column or expression, as passed to {@code select(...)} or {@code returning(...)}
     * @param <T>   its Java type
     * @return the value, possibly {@code null}
     * @throws IllegalArgumentException when the field is not part of this result
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Field<T> field) {
        int i = shape.indexOf(field);
        if (i < 0) {
            throw new IllegalArgumentException(field + " (" + field.name() + ") is not part of this result; it has "
                    + names() + ". Select it, or join its table");
        }
        return (T) values[i];
    }

    /**
     * Returns the value of the result column with this name or alias.
     *
     * @param name the name
     * @return the value, possibly {@code null}
     * @throws IllegalArgumentException when no single column has that name
     */
    public Object get(String name) {
        int i = shape.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no single column named \"" + name + "\" in this result; it has "
                    + names());
        }
        return values[i];
    }

    /**
     * Returns the rows of a list relation loaded by a relational query ({@code with("posts")}).
     *
     * @param relation the relation's name
     * @return the related rows, empty when there are none
     * @throws IllegalArgumentException when the row holds no list relation of that name
     */
    @SuppressWarnings("unchecked")
    public List<Row> rows(String relation) {
        Object value = get(relation);
        if (!(value instanceof List<?> list) || !(shape.fields().get(shape.indexOf(relation)).type()
                instanceof NestedType)) {
            throw new IllegalArgumentException("\"" + relation + "\" is not a list relation of this row");
        }
        return (List<Row>) list;
    }

    /**
     * Returns the row of a single relation loaded by a relational query ({@code with("author")}).
     *
     * @param relation the relation's name
     * @return the related row, or {@code null} when there is none
     * @throws IllegalArgumentException when the row holds no single relation of that name
     */
    public Row row(String relation) {
        Object value = get(relation);
        if (value != null && !(value instanceof Row) || shape.fields().get(shape.indexOf(relation)).type()
                != NestedType.ONE) {
            throw new IllegalArgumentException("\"" + relation + "\" is not a single relation of this row");
        }
        return (Row) value;
    }

    /**
     * Returns the value at a position, checked against a type.
     *
     * @param index the 0-based position
     * @param type  the expected Java type
     * @param <T>   the type
     * @return the value, possibly {@code null}
     * @throws ClassCastException when the value has another type
     */
    public <T> T get(int index, Class<T> type) {
        Object v = get(index);
        if (v != null && !type.isInstance(v)) {
            throw new ClassCastException("column " + index + " (" + shape.fields().get(index).name() + ") holds a "
                    + v.getClass().getName() + ", not a " + type.getName());
        }
        return type.cast(v);
    }

    /**
     * Returns the value at a position.
     *
     * @param index the 0-based position
     * @return the value, possibly {@code null}
     */
    public Object get(int index) {
        if (index < 0 || index >= values.length) {
            throw new IndexOutOfBoundsException("column " + index + " of a row with " + values.length + " columns");
        }
        return values[index];
    }

    /**
     * Returns the number of columns.
     *
     * @return the size
     */
    public int size() {
        return values.length;
    }

    /**
     * Returns the values by column name, in result order (a later column with the same name wins).
     *
     * @return the map
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(shape.fields().get(i).name(), values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * Maps this row into a record, by name.
     *
     * @param type the record class
     * @param <R>  the record type
     * @return the record
     */
    public <R> R into(Class<R> type) {
        return RecordMapper.of(shape, type).fromValues(values);
    }

    private String names() {
        return toMap().keySet().toString();
    }

    @Override
    public String toString() {
        return toMap().toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row r && Arrays.deepEquals(values, r.values) && shape.fields().equals(r.shape.fields());
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }
}
