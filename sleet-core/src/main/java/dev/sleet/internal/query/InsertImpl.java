package dev.sleet.internal.query;

import dev.sleet.internal.exec.LocalTransaction;
import dev.sleet.internal.expr.Val;
import dev.sleet.query.Condition;
import dev.sleet.query.ConflictUpdate;
import dev.sleet.query.Field;
import dev.sleet.query.PreparedQuery;
import dev.sleet.query.InsertOnConflictStep;
import dev.sleet.query.InsertReturningStep;
import dev.sleet.query.InsertSetMoreStep;
import dev.sleet.query.InsertValuesStep;
import dev.sleet.query.ConflictTargetStep;
import dev.sleet.query.Select;
import dev.sleet.query.ResultQuery;
import dev.sleet.render.Bind;
import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;
import dev.sleet.render.RenderedSql;
import dev.sleet.schema.Column;
import dev.sleet.schema.Table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/** The one implementation of every insert step. Immutable. */
public final class InsertImpl implements InsertValuesStep, InsertSetMoreStep {

    /**
     * {@code on conflict}: the target (columns with an optional predicate, or a constraint name), and either do
     * nothing ({@code set == null}) or the update with its optional where.
     */
    private record Conflict(List<Column<?>> target, String constraint, Condition targetWhere,
                            Map<Column<?>, QueryPart> set, Condition where) {
    }

    private final Execution execution;
    private final Table table;
    private final List<Map<Column<?>, QueryPart>> rows;
    private final Conflict conflict;
    private final Select source;           // insert ... select, instead of rows
    private final boolean overriding;      // overriding system value

    /**
     * Starts an insert.
     *
     * @param execution where it runs
     * @param table     the target table
     */
    public InsertImpl(Execution execution, Table table) {
        this(execution, Objects.requireNonNull(table, "table"), List.of(), null, null, false);
    }

    private InsertImpl(Execution execution, Table table, List<Map<Column<?>, QueryPart>> rows, Conflict conflict,
                       Select source, boolean overriding) {
        this.execution = execution;
        this.table = table;
        this.rows = rows;
        this.conflict = conflict;
        this.source = source;
        this.overriding = overriding;
    }

    /** This insert with other rows and conflict clause, keeping everything else. */
    private InsertImpl copy(List<Map<Column<?>, QueryPart>> newRows, Conflict newConflict) {
        return new InsertImpl(execution, table, newRows, newConflict, source, overriding);
    }

    @Override
    public InsertOnConflictStep values(Record row) {
        return withRows(List.of(RowValues.of(table, row)));
    }

    @Override
    public InsertOnConflictStep values(Map<? extends Column<?>, ?> row) {
        return withRows(List.of(RowValues.of(table, row)));
    }

    @Override
    public InsertOnConflictStep values(Collection<?> input) {
        if (input.isEmpty()) {
            throw new IllegalArgumentException("insert into " + table + ": values(...) got no rows");
        }
        List<Map<Column<?>, QueryPart>> list = new ArrayList<>(input.size());
        for (Object row : input) {
            list.add(RowValues.of(table, row));
        }
        return withRows(list);
    }

    private InsertImpl withRows(List<Map<Column<?>, QueryPart>> list) {
        if (!rows.isEmpty()) {
            throw new IllegalStateException("insert into " + table + ": the rows are already given");
        }
        return copy(List.copyOf(list), conflict);
    }

    @Override
    public <T> InsertSetMoreStep set(Column<T> column, T value) {
        return withValue(column, RowValues.value(table, column, value));
    }

    @Override
    public <T> InsertSetMoreStep set(Column<T> column, Field<T> value) {
        return withValue(column, RowValues.value(table, column, value));
    }

    @Override
    public InsertSetMoreStep setNull(Column<?> column) {
        return withValue(column, RowValues.value(table, column, null));
    }

    @Override
    public InsertOnConflictStep defaultValues() {
        return withRows(List.of(Map.of()));
    }

    private InsertImpl withValue(Column<?> column, QueryPart value) {
        if (rows.size() > 1) {
            throw new IllegalStateException("insert into " + table + ": set(...) adds to a single row, but "
                    + rows.size() + " rows were given");
        }
        Map<Column<?>, QueryPart> row = new LinkedHashMap<>(rows.isEmpty() ? Map.of() : rows.get(0));
        row.put(column, value);
        return copy(List.of(row), conflict);
    }

    @Override
    public InsertReturningStep onConflictDoNothing(Column<?>... target) {
        return copy(rows, new Conflict(target(List.of(target)), null, null, null, null));
    }

    @Override
    public ConflictTargetStep onConflict(Column<?>... target) {
        if (target.length == 0) {
            throw new IllegalArgumentException("insert into " + table + ": onConflict(...) needs the target columns; "
                    + "use onConflictDoNothing() for any conflict");
        }
        return new Target(target(List.of(target)), null, null);
    }

    @Override
    public ConflictTargetStep onConflictOnConstraint(String constraint) {
        RenderContext.quoteIdentifier(constraint);
        return new Target(List.of(), constraint, null);
    }

    @Override
    public InsertOnConflictStep overridingSystemValue() {
        return new InsertImpl(execution, table, rows, conflict, source, true);
    }

    @Override
    public InsertOnConflictStep select(Select select) {
        if (!rows.isEmpty() || source != null) {
            throw new IllegalStateException("insert into " + table + ": the rows are already given");
        }
        for (Field<?> f : select.fields()) {
            try {
                table.column(f.name());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("insert into " + table + " select ...: the select's column "
                        + f.name() + " names no column of " + table + "; alias it with as(...) to the target name");
            }
        }
        return new InsertImpl(execution, table, rows, conflict, Objects.requireNonNull(select, "select"), overriding);
    }

    /** The conflict target chosen with {@code onConflict(...)} or {@code onConflictOnConstraint(...)}. */
    private final class Target implements ConflictTargetStep {
        private final List<Column<?>> columns;
        private final String constraint;
        private final Condition where;

        Target(List<Column<?>> columns, String constraint, Condition where) {
            this.columns = columns;
            this.constraint = constraint;
            this.where = where;
        }

        @Override
        public ConflictTargetStep where(Condition condition) {
            if (constraint != null) {
                throw new IllegalStateException("on conflict on constraint " + constraint + " takes no where; the "
                        + "constraint decides which rows conflict");
            }
            return new Target(columns, null, Objects.requireNonNull(condition, "condition"));
        }

        @Override
        public InsertReturningStep doNothing() {
            return copy(rows, new Conflict(columns, constraint, where, null, null));
        }

        @Override
        public InsertReturningStep doUpdate(Consumer<ConflictUpdate> setters) {
            Collector collector = collect(setters);
            Condition targetWhere = collector.targetWhere != null ? collector.targetWhere : where;
            return copy(rows, new Conflict(columns, constraint, targetWhere,
                    Collections.unmodifiableMap(new LinkedHashMap<>(collector.set)), collector.where));
        }
    }

    private Collector collect(Consumer<ConflictUpdate> setters) {
        Collector collector = new Collector();
        setters.accept(collector);
        if (collector.set.isEmpty()) {
            throw new IllegalArgumentException("insert into " + table + ": on conflict do update sets no column; "
                    + "use onConflictDoNothing() to skip conflicting rows");
        }
        return collector;
    }

    @Override
    public InsertReturningStep onConflictDoUpdate(Column<?> target, Consumer<ConflictUpdate> setters) {
        return onConflictDoUpdate(List.of(target), setters);
    }

    @Override
    public InsertReturningStep onConflictDoUpdate(List<? extends Column<?>> target, Consumer<ConflictUpdate> setters) {
        if (target.isEmpty()) {
            throw new IllegalArgumentException("insert into " + table + ": on conflict do update needs the "
                    + "conflict target columns (a unique constraint or index over them)");
        }
        Collector collector = collect(setters);
        return copy(rows, new Conflict(target(target), null, collector.targetWhere,
                Collections.unmodifiableMap(new LinkedHashMap<>(collector.set)), collector.where));
    }

    private List<Column<?>> target(List<? extends Column<?>> target) {
        for (Column<?> c : target) {
            if (c.table() != table) {
                throw new IllegalArgumentException("conflict target " + c + " is not a column of " + table);
            }
        }
        return List.copyOf(target);
    }

    /** Collects the {@code do update} part; used only inside the caller's lambda. */
    private final class Collector implements ConflictUpdate {
        private final Map<Column<?>, QueryPart> set = new LinkedHashMap<>();
        private Condition where;
        private Condition targetWhere;

        @Override
        public <T> ConflictUpdate set(Column<T> column, T value) {
            set.put(column, RowValues.value(table, column, value));
            return this;
        }

        @Override
        public <T> ConflictUpdate set(Column<T> column, Field<T> value) {
            set.put(column, RowValues.value(table, column, value));
            return this;
        }

        @Override
        public ConflictUpdate setNull(Column<?> column) {
            set.put(column, RowValues.value(table, column, null));
            return this;
        }

        @Override
        public ConflictUpdate where(Condition condition) {
            where = Objects.requireNonNull(condition, "condition");
            return this;
        }

        @Override
        public ConflictUpdate setWhere(Condition condition) {
            return where(condition);
        }

        @Override
        public ConflictUpdate targetWhere(Condition condition) {
            targetWhere = Objects.requireNonNull(condition, "condition");
            return this;
        }
    }

    @Override
    public ResultQuery returning() {
        return new Returning(execution, this, Returning.fieldsOrAll(table));
    }

    @Override
    public ResultQuery returning(Field<?>... fields) {
        return new Returning(execution, this, Returning.fieldsOrAll(table, fields));
    }

    @Override
    public RenderedSql toSql() {
        return execution.toSql(this);
    }

    @Override
    public PreparedQuery prepare() {
        return PreparedImpl.of(execution, this, null);
    }

    /**
     * Executes the insert. Rows beyond what one statement can carry (see {@link #chunks()}) go as several
     * statements in one transaction, the caller's when there is one; the counts are summed.
     */
    @Override
    public int execute() {
        List<InsertImpl> chunks = chunks();
        if (chunks.size() == 1) {
            return execution.require().executeUpdate(this);
        }
        return LocalTransaction.run(execution.require(), tx -> {
            int total = 0;
            for (InsertImpl chunk : chunks) {
                total += tx.executeUpdate(chunk);
            }
            return total;
        });
    }

    /** PostgreSQL's extended protocol counts a statement's bind parameters in 16 bits. */
    public static final int MAX_BINDS = 65_535;

    /**
     * Splits the rows into inserts of consecutive rows that each bind at most {@link #MAX_BINDS} values (the
     * {@code on conflict} clause's values repeat in each). The chunks are as even as the rows allow, so that
     * rows of one shape give chunks of one SQL text, which pgjdbc prepares once on the server. Rendering
     * ({@code toSql()}) is not split: it shows the one statement the insert means.
     *
     * @return this insert alone when it fits, else the chunks in row order
     */
    public List<InsertImpl> chunks() {
        if (rows.size() < 2) {
            return List.of(this);
        }
        RenderContext counter = null;
        Column<?> tenantKey = table.tenantKey();
        boolean scoped = tenantKey != null && execution.displayContext().tenantId() != null;
        int[] rowBinds = new int[rows.size()];
        long total = 0;
        boolean even = true;
        for (int r = 0; r < rowBinds.length; r++) {
            Map<Column<?>, QueryPart> row = rows.get(r);
            // rows read from records are usually plain values, one bind each: counted from their array
            int binds = row instanceof ColumnValues values ? values.bindsIfAllValues() : -1;
            if (binds < 0) {
                if (counter == null) {
                    counter = execution.displayContext();
                }
                binds = binds(row, counter);
            }
            if (scoped && !row.containsKey(tenantKey)) {
                binds++;   // the tenant key the scope fills in
            }
            rowBinds[r] = binds;
            even &= binds == rowBinds[0];
            total += binds;
        }
        // what every chunk repeats: the with clause and the conflict clause
        int fixed = execution.toSql(copy(List.of(Map.of()), conflict)).binds().size();
        if (total + fixed <= MAX_BINDS) {
            return List.of(this);
        }
        int budget = MAX_BINDS - fixed;
        for (int r = 0; r < rowBinds.length; r++) {
            if (rowBinds[r] > budget) {
                throw new IllegalArgumentException("insert into " + table + ": row " + r + " binds " + rowBinds[r]
                        + " values, more than the " + budget + " one statement can carry (PostgreSQL allows "
                        + MAX_BINDS + " parameters per statement)");
            }
        }
        List<InsertImpl> chunks = new ArrayList<>();
        if (even && rowBinds[0] > 0) {
            // n chunks of as equal a size as possible: 10,000 rows that need two go as 5,000 + 5,000
            int perChunk = budget / rowBinds[0];
            int n = (rows.size() + perChunk - 1) / perChunk;
            int size = (rows.size() + n - 1) / n;
            for (int from = 0; from < rows.size(); from += size) {
                chunks.add(copy(rows.subList(from, Math.min(from + size, rows.size())), conflict));
            }
            return chunks;
        }
        int from = 0;
        long used = 0;
        for (int r = 0; r < rowBinds.length; r++) {
            if (used + rowBinds[r] > budget) {
                chunks.add(copy(rows.subList(from, r), conflict));
                from = r;
                used = 0;
            }
            used += rowBinds[r];
        }
        chunks.add(copy(rows.subList(from, rows.size()), conflict));
        return chunks;
    }

    /** The values a row binds: a plain value one, an expression what it renders with {@code counter}. */
    private static int binds(Map<Column<?>, QueryPart> row, RenderContext counter) {
        int binds = 0;
        for (QueryPart value : row.values()) {
            if (value instanceof Val<?>) {
                binds++;   // a value binds itself, nothing more: no need to render it to count
            } else {
                int before = counter.bindCount();
                counter.visit(value);
                binds += counter.bindCount() - before;
            }
        }
        return binds;
    }

    /**
     * This insert's statement when it has the shape of {@code template}, which rendered as {@code rendered}:
     * one row each, into the same table under the same execution (not scoped to a tenant, which checks each
     * row), the same columns with values of the same types that each bind themselves, an equal conflict
     * clause, and nothing else bound. Then the SQL text is the template's and only the values differ, so a
     * batch of inserts of one shape renders its SQL once and collects the others' values.
     *
     * @param template an insert rendered before
     * @param rendered the template's statement
     * @return this insert's statement, or {@code null} when it must be rendered on its own
     */
    public RenderedSql renderLike(InsertImpl template, RenderedSql rendered) {
        if (rows.size() != 1 || template.rows.size() != 1 || source != null || template.source != null
                || overriding != template.overriding || table != template.table
                || !execution.equals(template.execution)
                || execution.executor() != null && execution.executor().tenant() != null
                        && execution.executor().tenant().isScoped()
                || !Objects.equals(conflict, template.conflict)) {
            return null;
        }
        Map<Column<?>, QueryPart> row = rows.get(0);
        Map<Column<?>, QueryPart> shape = template.rows.get(0);
        if (row.size() != shape.size() || rendered.binds().size() != shape.size()) {
            return null;
        }
        QueryPart[] own;
        QueryPart[] like;
        if (row instanceof ColumnValues values && shape instanceof ColumnValues first && values.hasColumnsOf(first)) {
            // rows read from records of one class: the same columns, already in the table's order
            own = values.valueArray();
            like = first.valueArray();
        } else {
            own = new QueryPart[row.size()];
            like = new QueryPart[row.size()];
            int k = 0;
            for (Column<?> c : table.columns()) {   // the order render() binds in
                QueryPart value = row.get(c);
                if ((value != null) != shape.containsKey(c)) {
                    return null;   // a column one of them sets and the other leaves out
                }
                if (value != null) {
                    own[k] = value;
                    like[k++] = shape.get(c);
                }
            }
        }
        Bind[] binds = new Bind[own.length];
        for (int i = 0; i < own.length; i++) {
            if (!(own[i] instanceof Val<?> v) || !(like[i] instanceof Val<?> l) || !v.type().equals(l.type())) {
                return null;
            }
            binds[i] = new Bind(v.value(), v.type());
        }
        return new RenderedSql(rendered.sql(), List.of(binds));
    }

    @Override
    public void render(RenderContext ctx) {
        Table scoped = SelectImpl.tenantTarget(ctx, table);
        // the scope fills the key of inserted rows, with or without its own filters
        Column<?> key = ctx.tenantId() == null ? null : table.tenantKey();
        if (key != null) {
            checkTenantRows(ctx);
        }
        execution.renderWith(ctx);
        ctx.sql("insert into ").visit(table);
        Set<Column<?>> columns = new LinkedHashSet<>();
        for (Column<?> c : table.columns()) {
            for (Map<Column<?>, QueryPart> row : rows) {
                if (row.containsKey(c) || c == key) {
                    columns.add(c);
                    break;
                }
            }
        }
        if (source != null) {
            ctx.sql(" (");
            List<Field<?>> selected = source.fields();
            for (int i = 0; i < selected.size(); i++) {
                if (i > 0) {
                    ctx.sql(", ");
                }
                ctx.identifier(selected.get(i).name());
            }
            if (key != null) {
                ctx.sql(", ").identifier(key.name());
            }
            ctx.sql(')');
            if (overriding) {
                ctx.sql(" overriding system value");
            }
            if (key != null) {
                // the selected rows, each given the scope's tenant
                ctx.sql(" select \"sleet_rows\".*, ").tenantValue(table).sql(" from (").visit(source)
                        .sql(") as \"sleet_rows\"");
            } else {
                ctx.sql(' ').visit(source);
            }
        } else if (columns.isEmpty()) {
            if (rows.size() > 1) {
                throw new IllegalStateException("insert into " + table + ": " + rows.size() + " rows with no "
                        + "values; PostgreSQL's default values form inserts one row");
            }
            ctx.sql(" default values");
        } else {
            ctx.sql(" (");
            boolean first = true;
            for (Column<?> c : columns) {
                if (!first) {
                    ctx.sql(", ");
                }
                first = false;
                ctx.identifier(c.name());
            }
            ctx.sql(overriding ? ") overriding system value values " : ") values ");
            for (int r = 0; r < rows.size(); r++) {
                if (r > 0) {
                    ctx.sql(", ");
                }
                ctx.sql('(');
                Map<Column<?>, QueryPart> row = rows.get(r);
                first = true;
                for (Column<?> c : columns) {
                    if (!first) {
                        ctx.sql(", ");
                    }
                    first = false;
                    QueryPart v = row.get(c);
                    if (c == key) {
                        ctx.tenantValue(table);
                    } else if (v == null) {
                        ctx.sql("default");
                    } else {
                        ctx.visit(v);
                    }
                }
                ctx.sql(')');
            }
        }
        if (conflict != null) {
            ctx.sql(" on conflict");
            if (conflict.constraint() != null) {
                ctx.sql(" on constraint ").identifier(conflict.constraint());
            }
            if (!conflict.target().isEmpty()) {
                ctx.sql(" (");
                for (int i = 0; i < conflict.target().size(); i++) {
                    if (i > 0) {
                        ctx.sql(", ");
                    }
                    ctx.identifier(conflict.target().get(i).name());
                }
                ctx.sql(')');
            }
            if (conflict.targetWhere() != null) {
                ctx.sql(" where ").visit(conflict.targetWhere());
            }
            if (conflict.set() == null) {
                ctx.sql(" do nothing");
            } else {
                ctx.sql(" do update set ");
                Assignments.render(ctx, conflict.set());
                // the existing row may be another tenant's (a key unique across tenants): then nothing happens
                SelectImpl.conditions(ctx, " where ", conflict.where() == null ? List.of() : List.of(conflict.where()),
                        scoped);
            }
        }
    }

    /**
     * Checks an insert into a tenant-owned table in a tenant scope: the scope fills the tenant key, so a row may
     * leave it out or give the scope's tenant as a value, nothing else, a select must leave it out, and an upsert
     * cannot change it.
     */
    private void checkTenantRows(RenderContext ctx) {
        Column<?> key = table.tenantKey();
        if (source != null && source.fields().stream().anyMatch(f -> f.name().equals(key.name()))) {
            throw new IllegalArgumentException("insert into " + table + " ... select through a tenant-scoped Db: the "
                    + "select gives " + key.name() + ", which the scope fills in; leave it out of the select");
        }
        for (int r = 0; r < rows.size(); r++) {
            QueryPart v = rows.get(r).get(key);
            if (v != null && !(v instanceof Val<?> val && ctx.tenantId().equals(val.value()))) {
                throw new IllegalArgumentException("insert into " + table + " through a tenant-scoped Db: row "
                        + (r + 1) + " sets " + key.name() + " to another tenant or an expression; leave it out, "
                        + "the scope fills it in");
            }
        }
        if (conflict != null && conflict.set() != null && conflict.set().containsKey(key)) {
            throw new IllegalArgumentException("insert into " + table + " through a tenant-scoped Db: on conflict "
                    + "cannot set the tenant key " + key.name() + "; a row stays with its tenant");
        }
    }

    @Override
    public String toString() {
        return toSql().sql();
    }
}
