package dev.sleet.internal.query;

import dev.sleet.exec.RowShape;
import dev.sleet.internal.expr.AggregateFunction;
import dev.sleet.internal.expr.AliasedField;
import dev.sleet.internal.expr.WindowedField;
import dev.sleet.query.Condition;
import dev.sleet.query.Field;
import dev.sleet.query.Select;
import dev.sleet.query.SelectFromStep;
import dev.sleet.query.SelectHavingStep;
import dev.sleet.query.SelectJoinStep;
import dev.sleet.query.SelectLimitStep;
import dev.sleet.query.SelectLockOfStep;
import dev.sleet.query.SelectLockStep;
import dev.sleet.query.SelectLockWaitStep;
import dev.sleet.query.SelectOffsetStep;
import dev.sleet.query.SelectOnStep;
import dev.sleet.query.SelectOrderByStep;
import dev.sleet.query.SortField;
import dev.sleet.query.TableLike;
import dev.sleet.query.Derived;
import dev.sleet.query.SetOperationStep;
import dev.sleet.render.ParamStyle;
import dev.sleet.render.RenderContext;
import dev.sleet.render.RenderedSql;
import dev.sleet.schema.Column;
import dev.sleet.schema.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one implementation of every select step. Immutable: each step returns a new instance sharing the
 * unchanged parts.
 */
public final class SelectImpl extends ResultQueryBase
        implements SelectFromStep, SelectJoinStep, SelectOnStep, SelectHavingStep, SelectOffsetStep,
        SelectLockOfStep {

    private record Join(String keyword, TableLike table, Condition on) {
    }

    /**
     * The clauses of a select. A step copies it, changes what the step is about and wraps the copy, so a new
     * clause is one more field here rather than one more constructor argument everywhere.
     */
    private static final class Spec implements Cloneable {
        List<Field<?>> fields = List.of();
        TableLike from;
        List<Join> joins = List.of();
        List<Condition> where = List.of();
        List<Field<?>> groupBy = List.of();
        List<Condition> having = List.of();
        List<SortField> orderBy = List.of();
        Long limit;
        Long offset;
        boolean distinct;
        List<Field<?>> distinctOn = List.of();
        List<LockClause> locks = List.of();

        Spec copy() {
            try {
                return (Spec) clone();   // every field is immutable, so a shallow copy is a full one
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private final Spec spec;

    /**
     * Starts a select.
     *
     * @param execution where it runs
     * @param fields    the selected expressions; none means every column of the tables in {@code from}
     */
    public SelectImpl(Execution execution, List<Field<?>> fields) {
        super(execution);
        this.spec = new Spec();
        this.spec.fields = List.copyOf(fields);
    }

    private SelectImpl(Execution execution, Spec spec) {
        super(execution);
        this.spec = spec;
    }

    /** Returns a new select with one change applied to a copy of the clauses. */
    private SelectImpl with(java.util.function.Consumer<Spec> change) {
        Spec copy = spec.copy();
        change.accept(copy);
        return new SelectImpl(execution, copy);
    }

    @Override
    public SelectJoinStep from(TableLike table) {
        Objects.requireNonNull(table, "table");
        if (spec.from != null) {
            throw new IllegalStateException("from(...) is already " + spec.from + "; join other tables instead");
        }
        return with(s -> s.from = table);
    }

    @Override
    public SelectOnStep innerJoin(TableLike table) {
        return join("inner join", table);
    }

    @Override
    public SelectOnStep leftJoin(TableLike table) {
        return join("left join", table);
    }

    @Override
    public SelectOnStep rightJoin(TableLike table) {
        return join("right join", table);
    }

    @Override
    public SelectOnStep fullJoin(TableLike table) {
        return join("full join", table);
    }

    @Override
    public SelectJoinStep crossJoin(TableLike table) {
        return join("cross join", table);
    }

    @Override
    public SelectOnStep innerJoinLateral(Derived subquery) {
        return join("inner join lateral", subquery);
    }

    @Override
    public SelectOnStep leftJoinLateral(Derived subquery) {
        return join("left join lateral", subquery);
    }

    @Override
    public SelectJoinStep crossJoinLateral(Derived subquery) {
        return join("cross join lateral", subquery);
    }

    @Override
    public List<Field<?>> fields() {
        return selectedFields();
    }

    @Override
    public SetOperationStep union(Select other) {
        return SetOperationImpl.start(execution, this, "union", other);
    }

    @Override
    public SetOperationStep unionAll(Select other) {
        return SetOperationImpl.start(execution, this, "union all", other);
    }

    @Override
    public SetOperationStep intersect(Select other) {
        return SetOperationImpl.start(execution, this, "intersect", other);
    }

    @Override
    public SetOperationStep intersectAll(Select other) {
        return SetOperationImpl.start(execution, this, "intersect all", other);
    }

    @Override
    public SetOperationStep except(Select other) {
        return SetOperationImpl.start(execution, this, "except", other);
    }

    @Override
    public SetOperationStep exceptAll(Select other) {
        return SetOperationImpl.start(execution, this, "except all", other);
    }

    @Override
    public Derived as(String alias) {
        return new Derived(this, alias);
    }

    private SelectImpl join(String keyword, TableLike table) {
        Objects.requireNonNull(table, "table");
        return with(s -> s.joins = append(s.joins, new Join(keyword, table, null)));
    }

    @Override
    public SelectJoinStep on(Condition condition) {
        Objects.requireNonNull(condition, "condition");
        return with(s -> {
            List<Join> list = new ArrayList<>(s.joins);
            Join last = list.remove(list.size() - 1);
            list.add(new Join(last.keyword(), last.table(), condition));
            s.joins = List.copyOf(list);
        });
    }

    @Override
    public SelectImpl where(Condition... conditions) {
        return with(s -> s.where = append(s.where, conditions));
    }

    @Override
    public SelectHavingStep groupBy(Field<?>... expressions) {
        return with(s -> s.groupBy = append(s.groupBy, expressions));
    }

    @Override
    public SelectOrderByStep having(Condition... conditions) {
        return with(s -> s.having = append(s.having, conditions));
    }

    @Override
    public SelectLimitStep orderBy(SortField... sort) {
        return with(s -> s.orderBy = append(s.orderBy, sort));
    }

    @Override
    public SelectLimitStep orderBy(Field<?>... sort) {
        SortField[] asc = new SortField[sort.length];
        for (int i = 0; i < sort.length; i++) {
            asc[i] = SortField.of(sort[i], false);
        }
        return orderBy(asc);
    }

    @Override
    public SelectOffsetStep limit(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("limit must be 0 or more, got " + count);
        }
        return with(s -> s.limit = count);
    }

    @Override
    public SelectLockStep offset(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, got " + count);
        }
        return with(s -> s.offset = count);
    }

    /**
     * Makes this a {@code select distinct}: duplicate result rows are removed.
     *
     * @return the distinct select
     */
    public SelectImpl distinct() {
        return with(s -> s.distinct = true);
    }

    /**
     * Makes this a {@code select distinct on (expressions)}: one row (the first in the order by) per distinct
     * value of the expressions.
     *
     * @param on the expressions; at least one
     * @return the select
     * @throws IllegalArgumentException when no expression is given
     */
    public SelectImpl distinctOn(List<? extends Field<?>> on) {
        if (on.isEmpty()) {
            throw new IllegalArgumentException("selectDistinctOn needs at least one expression; use selectDistinct "
                    + "to remove duplicate rows over all selected columns");
        }
        List<Field<?>> copy = List.copyOf(on);   // also rejects nulls
        return with(s -> s.distinctOn = copy);
    }

    @Override
    public SelectLockOfStep forUpdate() {
        return lock("update");
    }

    @Override
    public SelectLockOfStep forNoKeyUpdate() {
        return lock("no key update");
    }

    @Override
    public SelectLockOfStep forShare() {
        return lock("share");
    }

    @Override
    public SelectLockOfStep forKeyShare() {
        return lock("key share");
    }

    private SelectImpl lock(String strength) {
        return with(s -> s.locks = append(s.locks, new LockClause(strength, List.of(), null)));
    }

    @Override
    public SelectLockWaitStep of(Table... tables) {
        if (tables.length == 0) {
            throw new IllegalArgumentException("of(...) needs at least one table; leave it out to lock the rows of "
                    + "every table in the query");
        }
        List<Table> list = List.of(tables);   // also rejects nulls
        return changeLastLock(l -> l.withOf(list));
    }

    @Override
    public SelectLockStep noWait() {
        return changeLastLock(l -> l.withWait("nowait"));
    }

    @Override
    public SelectLockStep skipLocked() {
        return changeLastLock(l -> l.withWait("skip locked"));
    }

    private SelectImpl changeLastLock(java.util.function.UnaryOperator<LockClause> change) {
        return with(s -> {
            List<LockClause> list = new ArrayList<>(s.locks);
            list.add(change.apply(list.remove(list.size() - 1)));
            s.locks = List.copyOf(list);
        });
    }

    @SafeVarargs
    @SuppressWarnings("varargs")   // the array is only read
    private static <T> List<T> append(List<T> list, T... more) {
        for (T t : more) {
            Objects.requireNonNull(t, "a null was passed where an expression was expected");
        }
        if (list.isEmpty()) {
            return List.of(more);
        }
        List<T> out = new ArrayList<>(list);
        out.addAll(Arrays.asList(more));
        return List.copyOf(out);
    }

    /** Returns the selected expressions, expanding {@code select()} to every column of the tables. */
    List<Field<?>> selectedFields() {
        if (!spec.fields.isEmpty()) {
            return spec.fields;
        }
        if (spec.from == null) {
            throw new IllegalStateException("select() without columns needs from(...): it selects every column "
                    + "of the tables in from and joins");
        }
        if (spec.joins.isEmpty()) {
            @SuppressWarnings("unchecked")   // read only: a table's columns are an unmodifiable list
            List<Field<?>> fields = (List<Field<?>>) spec.from.fields();
            return fields;
        }
        List<Field<?>> all = new ArrayList<>(spec.from.fields());
        for (Join j : spec.joins) {
            all.addAll(j.table().fields());
        }
        return all;
    }

    @Override
    RowShape shape() {
        return new RowShape(selectedFields());
    }

    @Override
    public void render(RenderContext ctx) {
        if (spec.from == null) {
            renderSelect(ctx);
            return;
        }
        // Inside this select, the tables it reads are its own: an alias an enclosing relational query gave the
        // same table does not apply to them.
        List<TableLike> read = new ArrayList<>(spec.joins.size() + 1);
        read.add(spec.from);
        for (Join j : spec.joins) {
            read.add(j.table());
        }
        Map<Table, String> aliases = ctx.shadowAliases(read);
        try {
            renderSelect(ctx);
        } finally {
            ctx.restoreAliases(aliases);
        }
    }

    private void renderSelect(RenderContext ctx) {
        execution.renderWith(ctx);
        List<Field<?>> selectedList = selectedFields();
        checkDistinctOn();
        checkLocks(selectedList);
        ctx.sql("select ");
        if (spec.distinct) {
            ctx.sql("distinct ");
        } else if (!spec.distinctOn.isEmpty()) {
            ctx.sql("distinct on (");
            for (int i = 0; i < spec.distinctOn.size(); i++) {
                if (i > 0) {
                    ctx.sql(", ");
                }
                reference(ctx, spec.distinctOn.get(i), selectedList);
            }
            ctx.sql(") ");
        }
        SelectList.render(ctx, selectedList);
        if (spec.from != null) {
            ctx.sql(" from ").fromItem(spec.from);
        }
        for (Join j : spec.joins) {
            ctx.sql(' ').sql(j.keyword()).sql(' ').fromItem(j.table());
            if (j.on() != null) {
                ctx.sql(" on ").visit(j.on());
            } else if (!j.keyword().startsWith("cross join")) {
                throw new IllegalStateException(j.keyword() + " " + j.table() + " has no on(...) condition");
            }
        }
        conditions(ctx, " where ", spec.where);
        List<Field<?>> selected = selectedFields();
        if (!spec.groupBy.isEmpty()) {
            ctx.sql(" group by ");
            for (int i = 0; i < spec.groupBy.size(); i++) {
                if (i > 0) {
                    ctx.sql(", ");
                }
                Field<?> f = spec.groupBy.get(i);
                int position = selected.indexOf(f);
                // A selected expression is grouped by its position: written out again it would carry its own
                // bind parameters, and PostgreSQL could not tell it is the same expression as the selected one.
                if (position >= 0 && !(f instanceof Column<?>)) {
                    ctx.sql(Integer.toString(position + 1));
                } else {
                    ctx.visit(f);
                }
            }
        }
        conditions(ctx, " having ", spec.having);
        if (!spec.orderBy.isEmpty()) {
            ctx.sql(" order by ");
            for (int i = 0; i < spec.orderBy.size(); i++) {
                if (i > 0) {
                    ctx.sql(", ");
                }
                SortField s = spec.orderBy.get(i);
                // A selected alias is ordered by its output name, a selected expression by its position: written
                // out again it would carry its own bind parameters (see group by), and distinct on or group by
                // would not recognise it.
                int position = selected.indexOf(s.field());
                if (s.field() instanceof AliasedField<?> a && position >= 0) {
                    ctx.visit(s.withField(a.reference()));
                } else if (position >= 0 && !(s.field() instanceof Column<?>)) {
                    ctx.visit(s.withField(new OutputPosition<>(position + 1, s.field().type())));
                } else {
                    ctx.visit(s);
                }
            }
        }
        limitOffset(ctx, spec.limit, spec.offset);
        for (LockClause lock : spec.locks) {
            ctx.sql(' ').visit(lock);
        }
    }

    /**
     * Renders an expression that may also be selected: a selected alias by its name, another selected
     * expression by its position, so that PostgreSQL sees the same expression (a repeated expression would
     * carry its own bind parameters and no longer match).
     */
    private static void reference(RenderContext ctx, Field<?> f, List<Field<?>> selected) {
        int position = selected.indexOf(f);
        if (f instanceof AliasedField<?> a && position >= 0) {
            ctx.visit(a.reference());
        } else if (position >= 0 && !(f instanceof Column<?>)) {
            ctx.sql(Integer.toString(position + 1));
        } else {
            ctx.visit(f);
        }
    }

    /**
     * PostgreSQL requires the distinct on expressions to lead the order by: an order by element that is not
     * one of them may only come after all of them.
     */
    private void checkDistinctOn() {
        if (spec.distinctOn.isEmpty() || spec.orderBy.isEmpty()) {
            return;
        }
        // Compared by what they render to: lower(email) built twice is two objects but one expression.
        List<List<Object>> on = new ArrayList<>();
        for (Field<?> f : spec.distinctOn) {
            on.add(rendered(unalias(f)));
        }
        int leading = new java.util.HashSet<>(on).size();
        java.util.Set<List<Object>> seen = new java.util.HashSet<>();
        for (SortField s : spec.orderBy) {
            Field<?> f = unalias(s.field());
            List<Object> key = rendered(f);
            if (on.contains(key)) {
                seen.add(key);
            } else if (seen.size() < leading) {
                throw new IllegalStateException("select distinct on (" + names(spec.distinctOn) + ") is ordered by ("
                        + sortNames() + "): PostgreSQL requires the distinct on expressions to lead the order by. "
                        + "Start the order by with " + names(spec.distinctOn) + ", then order by " + f.name()
                        + " to choose which row of each group is kept");
            }
        }
    }

    /** An expression's SQL and bind values, as the identity of the expression. */
    private static List<Object> rendered(Field<?> f) {
        RenderedSql r = RenderContext.render(f, ParamStyle.POSITIONAL);
        List<Object> key = new ArrayList<>();
        key.add(r.sql());
        for (Object v : r.bindValues()) {
            key.add(v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : v);
        }
        return key;
    }

    private static Field<?> unalias(Field<?> f) {
        return f instanceof AliasedField<?> a ? a.field() : f;
    }

    private static String names(List<? extends Field<?>> fields) {
        StringBuilder sb = new StringBuilder();
        for (Field<?> f : fields) {
            sb.append(sb.length() > 0 ? ", " : "").append(f.name());
        }
        return sb.toString();
    }

    private String sortNames() {
        List<Field<?>> sorted = new ArrayList<>();
        for (SortField s : spec.orderBy) {
            sorted.add(s.field());
        }
        return names(sorted);
    }

    /** Rejects, before anything is sent, the locking combinations PostgreSQL refuses. */
    private void checkLocks(List<Field<?>> selected) {
        if (spec.locks.isEmpty()) {
            return;
        }
        String lock = spec.locks.get(0).describe();
        String refusal = null;
        if (spec.distinct || !spec.distinctOn.isEmpty()) {
            refusal = "distinct";
        } else if (!spec.groupBy.isEmpty()) {
            refusal = "group by";
        } else if (!spec.having.isEmpty()) {
            refusal = "having";
        } else {
            for (Field<?> f : selected) {
                Field<?> e = unalias(f);
                if (e instanceof WindowedField<?>) {
                    refusal = "window functions (" + f.name() + ")";
                    break;
                }
                if (e instanceof AggregateFunction<?>) {
                    refusal = "aggregate functions (" + f.name() + ")";
                    break;
                }
            }
        }
        if (refusal != null) {
            throw new IllegalStateException(lock + " cannot be used with " + refusal + ": PostgreSQL locks rows of "
                    + "tables, and these results are not table rows. Lock in a subquery or a separate select of "
                    + "the rows, then aggregate");
        }
        if (spec.from == null) {
            throw new IllegalStateException(lock + " needs from(...): there are no table rows to lock");
        }
        List<TableLike> tables = new ArrayList<>();
        tables.add(spec.from);
        List<TableLike> nullable = new ArrayList<>();
        for (Join j : spec.joins) {
            switch (j.keyword().replace(" lateral", "")) {
                case "left join" -> nullable.add(j.table());
                case "right join" -> nullable.addAll(tables);
                case "full join" -> {
                    nullable.addAll(tables);
                    nullable.add(j.table());
                }
                default -> { }
            }
            tables.add(j.table());
        }
        for (LockClause l : spec.locks) {
            for (Table t : l.of()) {
                if (!tables.contains(t)) {
                    throw new IllegalStateException(l.describe() + ": table " + t + " is not in the query's "
                            + "from or joins; name one of " + tableNames(tables));
                }
            }
            for (TableLike t : l.of().isEmpty() ? tables : l.of()) {
                // A CTE's rows are not locked, so PostgreSQL accepts one on the nullable side.
                if (nullable.contains(t) && !(t instanceof dev.sleet.query.Cte)) {
                    throw new IllegalStateException(l.describe() + " would lock " + t + ", the nullable side "
                            + "of an outer join, which PostgreSQL refuses; use of(...) to lock only "
                            + tableNames(tables.stream().filter(x -> !nullable.contains(x)).toList()));
                }
            }
        }
    }

    private static String tableNames(List<? extends TableLike> tables) {
        StringBuilder sb = new StringBuilder();
        for (TableLike t : tables) {
            sb.append(sb.length() > 0 ? ", " : "").append(t);
        }
        return sb.toString();
    }

    /**
     * Renders {@code limit n offset m}, each when given, as numbers (checked non-negative, nothing a caller could
     * inject): with a bound LIMIT or OFFSET, PostgreSQL's generic plan cannot know how many rows are wanted, so a
     * prepared statement gets planned again at every execution (TenancyBenchmark measured 30 us a query on a
     * 50-row page).
     */
    static void limitOffset(RenderContext ctx, Long limit, Long offset) {
        if (limit != null) {
            ctx.sql(" limit ").sql(Long.toString(limit));
        }
        if (offset != null) {
            ctx.sql(" offset ").sql(Long.toString(offset));
        }
    }

    static void conditions(RenderContext ctx, String keyword, List<Condition> conditions) {
        conditions(ctx, keyword, conditions, null);
    }

    /**
     * Renders {@code keyword cond and cond ...}; with {@code tenantTable}, a tenant-owned table written to in a
     * tenant scope, its tenant condition comes first (and alone when there are no others).
     */
    static void conditions(RenderContext ctx, String keyword, List<Condition> conditions, Table tenantTable) {
        if (tenantTable != null) {
            ctx.sql(keyword).tenantCondition(tenantTable, true);
            if (conditions.isEmpty()) {
                return;
            }
            ctx.sql(" and ");
            keyword = "";
            if (conditions.size() > 1) {
                ctx.sql('(').visitAll(conditions, " and ").sql(')');
                return;
            }
            ctx.sql('(').visit(conditions.get(0)).sql(')');
            return;
        }
        if (conditions.isEmpty()) {
            return;
        }
        ctx.sql(keyword);
        if (conditions.size() == 1) {
            ctx.visit(conditions.get(0));
        } else {
            ctx.visitAll(conditions, " and ");
        }
    }

    /**
     * Returns the table when a statement writing to it must be limited to the context's tenant: the context is
     * tenant-scoped and the table tenant-owned; {@code null} otherwise. Fails for a tenant-owned table in an
     * unscoped, guarded context.
     */
    static Table tenantTarget(RenderContext ctx, Table table) {
        ctx.checkTenantAccess(table);
        return ctx.tenantFiltered(table) ? table : null;
    }
}
