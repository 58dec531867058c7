package dev.sleet.internal.query;

import dev.sleet.internal.expr.AliasedField;
import dev.sleet.query.Condition;
import dev.sleet.query.Field;
import dev.sleet.query.RelationalQuery;
import dev.sleet.query.SortField;
import dev.sleet.schema.Column;
import dev.sleet.schema.Relation;
import dev.sleet.schema.Relations;
import dev.sleet.schema.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One level of a relational query: a table's rows, which columns and extras to load, filter, order, limit and
 * offset, and the relations loaded beneath. Immutable; each step returns a copy.
 */
final class LevelSpec implements RelationalQuery.Nested {

    final Relations relations;
    final Table table;
    /** The relation this level loads, or {@code null} at the root. */
    final Relation relation;
    final List<Column<?>> columns;
    final List<Column<?>> excluded;
    final List<Field<?>> extras;
    final List<Condition> where;
    final List<SortField> orderBy;
    final int limit;
    final int offset;
    final Map<String, LevelSpec> with;

    LevelSpec(Relations relations, Table table, Relation relation) {
        this(relations, table, relation, null, List.of(), List.of(), List.of(), List.of(), -1, 0, Map.of());
    }

    private LevelSpec(Relations relations, Table table, Relation relation, List<Column<?>> columns,
                      List<Column<?>> excluded, List<Field<?>> extras, List<Condition> where, List<SortField> orderBy,
                      int limit, int offset, Map<String, LevelSpec> with) {
        this.relations = relations;
        this.table = table;
        this.relation = relation;
        this.columns = columns;
        this.excluded = excluded;
        this.extras = extras;
        this.where = where;
        this.orderBy = orderBy;
        this.limit = limit;
        this.offset = offset;
        this.with = with;
    }

    @Override
    public LevelSpec columns(Column<?>... cols) {
        List<Column<?>> list = own(cols, "columns");
        return new LevelSpec(relations, table, relation, list, excluded, extras, where, orderBy, limit, offset, with);
    }

    @Override
    public LevelSpec exclude(Column<?>... cols) {
        List<Column<?>> list = new ArrayList<>(excluded);
        list.addAll(own(cols, "exclude"));
        return new LevelSpec(relations, table, relation, columns, List.copyOf(list), extras, where, orderBy, limit,
                offset, with);
    }

    @Override
    public LevelSpec extras(Field<?>... fields) {
        List<Field<?>> list = new ArrayList<>(extras);
        for (Field<?> f : fields) {
            list.add(Objects.requireNonNull(f, "extra"));
        }
        return new LevelSpec(relations, table, relation, columns, excluded, List.copyOf(list), where, orderBy, limit,
                offset, with);
    }

    @Override
    public LevelSpec where(Condition condition) {
        List<Condition> list = new ArrayList<>(where);
        list.add(Objects.requireNonNull(condition, "condition"));
        return new LevelSpec(relations, table, relation, columns, excluded, extras, List.copyOf(list), orderBy, limit,
                offset, with);
    }

    @Override
    public LevelSpec orderBy(SortField... order) {
        return new LevelSpec(relations, table, relation, columns, excluded, extras, where, List.of(order), limit,
                offset, with);
    }

    @Override
    public LevelSpec orderBy(Field<?>... fields) {
        SortField[] order = new SortField[fields.length];
        for (int i = 0; i < fields.length; i++) {
            order[i] = SortField.of(fields[i], false);
        }
        return orderBy(order);
    }

    @Override
    public LevelSpec limit(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("limit must be at least 0, was " + n);
        }
        return new LevelSpec(relations, table, relation, columns, excluded, extras, where, orderBy, n, offset, with);
    }

    @Override
    public LevelSpec offset(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("offset must be at least 0, was " + n);
        }
        return new LevelSpec(relations, table, relation, columns, excluded, extras, where, orderBy, limit, n, with);
    }

    @Override
    public LevelSpec with(String name) {
        return with(name, UnaryOperator.identity());
    }

    @Override
    public LevelSpec with(String name, UnaryOperator<RelationalQuery.Nested> spec) {
        Relation r = relations.relation(table, name);
        RelationalQuery.Nested nested = spec.apply(new LevelSpec(relations, r.target(), r));
        if (!(nested instanceof LevelSpec child) || child.relation != r) {
            throw new IllegalArgumentException("the spec of with(\"" + name + "\") must return the query it is given, "
                    + "with its steps applied");
        }
        Map<String, LevelSpec> map = new LinkedHashMap<>(with);
        map.put(name, child);
        return new LevelSpec(relations, table, relation, columns, excluded, extras, where, orderBy, limit, offset,
                java.util.Collections.unmodifiableMap(map));
    }

    /** The columns loaded, in order. */
    List<Column<?>> selectedColumns() {
        List<Column<?>> list = new ArrayList<>(columns != null ? columns : table.columns());
        list.removeAll(excluded);
        return list;
    }

    /** The name of each extra in results: its alias, or the expression's own name. */
    static String extraName(Field<?> extra) {
        return extra instanceof AliasedField<?> a ? a.alias() : extra.name();
    }

    /** The expression of an extra, without its alias. */
    static Field<?> extraExpression(Field<?> extra) {
        return extra instanceof AliasedField<?> a ? a.field() : extra;
    }

    /**
     * Checks that each result name (column, extra, relation) is used once at this level and below.
     *
     * @throws IllegalArgumentException naming the clash
     */
    void checkNames() {
        Map<String, String> seen = new LinkedHashMap<>();
        for (Column<?> c : selectedColumns()) {
            seen.put(c.name(), "column " + c);
        }
        for (Field<?> e : extras) {
            String n = extraName(e);
            String before = seen.put(n, "extra " + n);
            if (before != null) {
                throw new IllegalArgumentException("extra " + n + " of the " + describe() + " has the name of its "
                        + before + "; give it another alias with as(...)");
            }
        }
        for (LevelSpec child : with.values()) {
            String before = seen.put(child.relation.name(), "relation");
            if (before != null) {
                throw new IllegalArgumentException("relation " + child.relation.name() + " of the " + describe()
                        + " has the name of its " + before);
            }
            child.checkNames();
        }
    }

    String describe() {
        return relation == null ? table.name() + " rows" : "relation " + relation;
    }

    private List<Column<?>> own(Column<?>[] cols, String step) {
        List<Column<?>> list = new ArrayList<>(cols.length);
        for (Column<?> c : cols) {
            if (c.table() != table) {
                throw new IllegalArgumentException(step + "(...) of the " + describe() + ": " + c
                        + " is not a column of " + table.name());
            }
            list.add(c);
        }
        return List.copyOf(list);
    }
}
