package dev.sleet.internal.query;

import dev.sleet.internal.exec.BoundStatement;
import dev.sleet.internal.exec.JdbcExecutor;
import dev.sleet.internal.exec.LocalTransaction;
import dev.sleet.internal.exec.SqlShapes;
import dev.sleet.internal.expr.Val;
import dev.sleet.query.Condition;
import dev.sleet.query.ConflictUpdate;
import dev.sleet.query.Field;
import dev.sleet.query.PreparedQuery;
import dev.sleet.query.InsertOnConflictStep;
import dev.sleet.query.InsertReturningStep;
import dev.sleet.query.InsertSetMoreStep;
import dev.sleet.query.InsertValuesStep;
import dev.sleet.query.Placeholder;
import dev.sleet.query.ConflictTargetStep;
import dev.sleet.query.Select;
import dev.sleet.query.ResultQuery;
import dev.sleet.render.Bind;
import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;
import dev.sleet.render.RenderedSql;
import dev.sleet.schema.Column;
import dev.sleet.schema.Table;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/** The one implementation of every insert step. Immutable. */
public final class InsertImpl implements InsertValuesStep, InsertSetMoreStep, SqlShapes.Shaped {

    /**
     * {@code on conflict}: the target (columns with an optional predicate, or a constraint name), and either do
     * nothing ({@code set == null}) or the update with its optional where.
     */
    private record Conflict(List<Column<?>> target, String constraint, Condition targetWhere,
                            Map<Column<?>, QueryPart> set, Condition where) {

        // Written out rather than left to the record: an insert of a cached shape compares its conflict clause
        // with the shape's on every statement, and the generated form is a chain of method handles per
        // component that a batch of upserts pays for each row.
        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof Conflict other && sameColumns(target, other.target)
                    && Objects.equals(constraint, other.constraint) && Objects.equals(targetWhere, other.targetWhere)
                    && Objects.equals(set, other.set) && Objects.equals(where, other.where);
        }

        @Override
        public int hashCode() {
            return Objects.hash(target, constraint, targetWhere, set, where);
        }

        private static boolean sameColumns(List<Column<?>> a, List<Column<?>> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i) != b.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Execution execution;
    private final Table table;
    private final List<ColumnValues> rows;
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

    private InsertImpl(Execution execution, Table table, List<ColumnValues> rows, Conflict conflict,
                       Select source, boolean overriding) {
        this.execution = execution;
        this.table = table;
        this.rows = rows;
        this.conflict = conflict;
        this.source = source;
        this.overriding = overriding;
    }

    /** This insert with other rows and conflict clause, keeping everything else. */
    private InsertImpl copy(List<ColumnValues> newRows, Conflict newConflict) {
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
        return withRows(RowValues.ofAll(table, input));
    }

    private InsertImpl withRows(List<ColumnValues> list) {
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
        return withRows(List.of(ColumnValues.NONE));
    }

    private InsertImpl withValue(Column<?> column, QueryPart value) {
        if (rows.size() > 1) {
            throw new IllegalStateException("insert into " + table + ": set(...) adds to a single row, but "
                    + rows.size() + " rows were given");
        }
        ColumnValues row = rows.isEmpty() ? ColumnValues.NONE : rows.get(0);
        return copy(List.of(row.with(table, column, value)), conflict);
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
            return copy(rows, new Conflict(columns, constraint, targetWhere, collector.assignments(),
                    collector.where));
        }
    }

    private Collector collect(Consumer<ConflictUpdate> setters) {
        Collector collector = new Collector();
        setters.accept(collector);
        if (collector.isEmpty()) {
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
        return copy(rows, new Conflict(target(target), null, collector.targetWhere, collector.assignments(),
                collector.where));
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
        // in the order given; a column set again keeps its place and takes the later value
        private final Column<?>[] columns = new Column<?>[table.columns().size()];
        private final Object[] values = new Object[columns.length];
        private int size;
        private boolean done;
        private Condition where;
        private Condition targetWhere;

        /** Sets a column of the table (value(...) has refused any other), so the arrays never need to grow. */
        private ConflictUpdate put(Column<?> column, QueryPart part) {
            if (done) {
                throw new IllegalStateException("insert into " + table + ": on conflict do update's setters were "
                        + "used after their lambda returned; set every column inside it");
            }
            Object value = ColumnValues.entry(part);
            for (int i = 0; i < size; i++) {
                if (columns[i] == column) {
                    values[i] = value;
                    return this;
                }
            }
            columns[size] = column;
            values[size++] = value;
            return this;
        }

        boolean isEmpty() {
            return size == 0;
        }

        /** The assignments, in the order given; the collector takes no more after this. */
        ColumnValues assignments() {
            done = true;
            return size == columns.length ? new ColumnValues(columns, values)
                    : new ColumnValues(Arrays.copyOf(columns, size), Arrays.copyOf(values, size));
        }

        @Override
        public <T> ConflictUpdate set(Column<T> column, T value) {
            return put(column, RowValues.value(table, column, value));
        }

        @Override
        public <T> ConflictUpdate set(Column<T> column, Field<T> value) {
            return put(column, RowValues.value(table, column, value));
        }

        @Override
        public ConflictUpdate setNull(Column<?> column) {
            return put(column, RowValues.value(table, column, null));
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
            ColumnValues row = rows.get(r);
            // rows are usually plain values, one bind each: counted from their array
            int binds = row.bindsIfAllValues();
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
        int fixed = execution.toSql(copy(List.of(ColumnValues.NONE), conflict)).binds().size();
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

    /** The key of an insert's shape among an executor's {@link SqlShapes}: its table and how many rows. */
    private record ShapeKey(Table table, int rows) {

        // written out: looked up for every insert, and a table is equal only to itself
        @Override
        public boolean equals(Object o) {
            return o instanceof ShapeKey other && table == other.table && rows == other.rows;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(table) * 31 + rows;
        }
    }

    /**
     * What an insert of plain rows rendered to: one SQL text for every insert into the same table of as many
     * plain rows (every value bound with its column's type) of these columns, with an equal conflict clause that
     * binds nothing.
     */
    private record Shape(Column<?>[] columns, boolean overriding, Conflict conflict, String sql)
            implements SqlShapes.Entry {

        /** The shape of {@code insert}, which rendered as {@code rendered}, or {@code null} when it has none. */
        static Shape of(InsertImpl insert, RenderedSql rendered) {
            ColumnValues first = insert.rows.get(0);
            if (first.isEmpty() || rendered.binds().size() != insert.rows.size() * first.size()) {
                return null;   // default values, or binds in the conflict or with clause
            }
            Shape shape = new Shape(first.columnArray(), insert.overriding, insert.conflict, rendered.sql());
            return shape.bind(insert) == null ? null : shape;
        }

        /** The statement of {@code insert} when it has this shape, else {@code null}. */
        BoundStatement bind(InsertImpl insert) {
            if (insert.overriding != overriding || !Objects.equals(insert.conflict, conflict)) {
                return null;
            }
            for (ColumnValues row : insert.rows) {
                if (!row.isPlain() || !row.hasColumns(columns)) {
                    return null;
                }
            }
            return new ShapedRows(sql, insert.rows, columns);
        }
    }

    /**
     * An insert of plain rows with its shape's SQL text: it binds each row's bare values in column order with
     * the columns' types, and makes a list of {@link Bind}s only for an error or a log.
     */
    private static final class ShapedRows extends BoundStatement {
        private final String sql;
        private final List<ColumnValues> rows;
        private final Column<?>[] columns;

        ShapedRows(String sql, List<ColumnValues> rows, Column<?>[] columns) {
            this.sql = sql;
            this.rows = rows;
            this.columns = columns;
        }

        @Override
        public String sql() {
            return sql;
        }

        @Override
        public int bindCount() {
            return rows.size() * columns.length;
        }

        @Override
        public void bindTo(PreparedStatement ps) throws SQLException {
            int index = 1;
            for (int r = 0; r < rows.size(); r++) {
                Object[] values = rows.get(r).plainValues();
                for (int i = 0; i < columns.length; i++) {
                    columns[i].type().bindObject(ps, index++, values[i]);
                }
            }
        }

        @Override
        public RenderedSql rendered() {
            Bind[] binds = new Bind[bindCount()];
            int b = 0;
            for (ColumnValues row : rows) {
                Object[] values = row.plainValues();
                for (int i = 0; i < columns.length; i++) {
                    binds[b++] = new Bind(values[i], columns[i].type());
                }
            }
            return new RenderedSql(sql, List.of(binds));
        }

        @Override
        public Placeholder.Slot unbound() {
            return null;   // a plain row holds values only
        }
    }

    /**
     * This insert's statement for {@code executor}. An insert of plain rows (no {@code with} clause, no tenant
     * scope, which checks each row) whose shape the executor rendered before takes that SQL text and binds its
     * own values; others render, and an insert of plain rows leaves its shape for the next.
     *
     * @param executor the executor it runs on
     * @return SQL with JDBC placeholders, and the values to bind
     */
    @Override
    public BoundStatement boundFor(JdbcExecutor executor) {
        boolean cacheable = source == null && !rows.isEmpty() && execution.ctes().isEmpty()
                && (executor.tenant() == null || !executor.tenant().isScoped());
        if (!cacheable) {
            return BoundStatement.of(executor.renderFresh(this));
        }
        ShapeKey key = new ShapeKey(table, rows.size());
        if (executor.shapes().get(key) instanceof Shape shape) {
            BoundStatement same = shape.bind(this);
            if (same != null) {
                return same;
            }
        }
        RenderedSql rendered = executor.renderFresh(this);
        Shape shape = Shape.of(this, rendered);
        if (shape != null) {
            executor.shapes().put(key, shape);
        }
        return BoundStatement.of(rendered);
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
