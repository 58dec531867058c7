package dev.sleet.exec;

import dev.sleet.query.Field;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The selected expressions of a statement, in result order: what each result column is and how to read it.
 * Shared by the rows of one result; lookups by field and by name are built lazily, on first use by
 * {@link Row}.
 */
public final class RowShape {

    private final List<Field<?>> fields;
    private volatile Map<Field<?>, Integer> byField;
    private volatile Map<String, Integer> byName;

    /**
     * Creates a shape.
     *
     * @param fields the selected expressions, in order
     */
    public RowShape(List<Field<?>> fields) {
        this.fields = List.copyOf(fields);
    }

    /**
     * Returns the expressions.
     *
     * @return the fields
     */
    public List<Field<?>> fields() {
        return fields;
    }

    /**
     * Returns the number of result columns.
     *
     * @return the column count
     */
    public int size() {
        return fields.size();
    }

    /**
     * Returns the index of a field, or -1. An expression that is not selected as such (a new {@code count()})
     * is found by name when exactly one selected expression carries that name; a column is found only as
     * itself, so that asking for {@code POSTS.id} never returns {@code USERS.id}.
     *
     * @param field the field
     * @return the 0-based index, or -1
     */
    public int indexOf(Field<?> field) {
        Map<Field<?>, Integer> map = byField;
        if (map == null) {
            map = new HashMap<>();
            for (int i = fields.size() - 1; i >= 0; i--) {
                map.put(fields.get(i), i);
            }
            byField = map;
        }
        Integer i = map.get(field);
        if (i != null) {
            return i;
        }
        return field instanceof dev.sleet.schema.Column<?> ? -1 : indexOf(field.name());
    }

    /**
     * Returns the index of the only result column with this name, or -1 when none or several have it.
     *
     * @param name the column name or alias
     * @return the 0-based index, or -1
     */
    public int indexOf(String name) {
        Map<String, Integer> map = byName;
        if (map == null) {
            map = new HashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                String n = fields.get(i).name();
                map.put(n, map.containsKey(n) ? -1 : i);
            }
            byName = map;
        }
        return map.getOrDefault(name, -1);
    }
}
