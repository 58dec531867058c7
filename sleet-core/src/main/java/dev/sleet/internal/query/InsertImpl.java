package dev.sleet.internal.query;

import dev.sleet.internal.exec.LocalTransaction;
import dev.sleet.query.Condition;
import dev.sleet.query.ConflictUpdate;
import dev.sleet.query.Field;
import dev.sleet.query.PreparedQuery;
import dev.sleet.query.InsertOnConflictStep;
import dev.sleet.query.InsertReturningStep;
import dev.sleet.query.InsertSetMoreStep;
import dev.sleet.query.InsertValuesStep;
import dev.sleet.query.ResultQuery;
import dev.sleet.render.ParamStyle;
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

    /** {@code on conflict}: target columns, and either do nothing or the update. */
    private record Conflict(List<Column<?>> target, Map<Column<?>, QueryPart> set, Condition where) {
    }

    private final Execution execution;
    private final Table table;
    private final List<Map<Column<?>, QueryPart>> rows;
    private final Conflict conflict;

    /**
     * Starts an insert.
     *
     * @param execution where it runs
     * @param table     the target table
     */
    public InsertImpl(Execution execution, Table table) {
        this(execution, Objects.requireNonNull(table, "table"), List.of(), null);
    }

    private InsertImpl(Execution execution, Table table, List<Map<Column<?>, QueryPart>> rows, Conflict conflict) {
        this.execution = execution;
        this.table = table;
        this.rows = rows;
        this.conflict = conflict;
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
        return new InsertImpl(execution, table, List.copyOf(list), conflict);
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
        return new InsertImpl(execution, table, List.of(row), conflict);
    }

    @Override
    public InsertReturningStep onConflictDoNothing(Column<?>... target) {
        return new InsertImpl(execution, table, rows, new Conflict(target(List.of(target)), null, null));
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
        Collector collector = new Collector();
        setters.accept(collector);
        if (collector.set.isEmpty()) {
            throw new IllegalArgumentException("insert into " + table + ": on conflict do update sets no column; "
                    + "use onConflictDoNothing() to skip conflicting rows");
        }
        return new InsertImpl(execution, table, rows,
                new Conflict(target(target), Collections.unmodifiableMap(new LinkedHashMap<>(collector.set)),
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
        private final Map<Column<?>, QueryPart> set = new LinkedHashMap<>();
        private Condition where;

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
            return execution.require().execute(this);
        }
        return LocalTransaction.run(execution.require(), tx -> {
            int total = 0;
            for (InsertImpl chunk : chunks) {
                total += tx.execute(chunk);
            }
            return total;
        });
    }

    /** PostgreSQL's extended protocol counts a statement's bind parameters in 16 bits. */
    static final int MAX_BINDS = 65_535;

    /**
     * Splits the rows into inserts of consecutive rows that each bind at most {@link #MAX_BINDS} values (the
     * {@code on conflict} clause's values repeat in each). Rendering ({@code toSql()}) is not split: it shows
     * the one statement the insert means.
     *
     * @return this insert alone when it fits, else the chunks in row order
     */
    List<InsertImpl> chunks() {
        if (rows.size() < 2) {
            return List.of(this);
        }
        int[] rowBinds = new int[rows.size()];
        long total = 0;
        for (int r = 0; r < rowBinds.length; r++) {
            RenderContext ctx = new RenderContext(ParamStyle.POSITIONAL, execution.schemaMapping());
            for (QueryPart value : rows.get(r).values()) {
                ctx.visit(value);
            }
            rowBinds[r] = ctx.result().binds().size();
            total += rowBinds[r];
        }
        int fixed = conflict == null ? 0
                : execution.toSql(new InsertImpl(execution, table, List.of(Map.of()), conflict)).binds().size();
        if (total + fixed <= MAX_BINDS) {
            return List.of(this);
        }
        int budget = MAX_BINDS - fixed;
        List<InsertImpl> chunks = new ArrayList<>();
        int from = 0;
        long used = 0;
        for (int r = 0; r < rowBinds.length; r++) {
            if (rowBinds[r] > budget) {
                throw new IllegalArgumentException("insert into " + table + ": row " + r + " binds " + rowBinds[r]
                        + " values, more than the " + budget + " one statement can carry (PostgreSQL allows "
                        + MAX_BINDS + " parameters per statement)");
            }
            if (used + rowBinds[r] > budget) {
                chunks.add(new InsertImpl(execution, table, rows.subList(from, r), conflict));
                from = r;
                used = 0;
            }
            used += rowBinds[r];
        }
        chunks.add(new InsertImpl(execution, table, rows.subList(from, rows.size()), conflict));
        return chunks;
    }

    @Override
    public void render(RenderContext ctx) {
        execution.renderWith(ctx);
        ctx.sql("insert into ").visit(table);
        Set<Column<?>> columns = new LinkedHashSet<>();
        for (Column<?> c : table.columns()) {
            for (Map<Column<?>, QueryPart> row : rows) {
                if (row.containsKey(c)) {
                    columns.add(c);
                    break;
                }
            }
        }
        if (columns.isEmpty()) {
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
            ctx.sql(") values ");
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
                    if (v == null) {
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
            if (conflict.set() == null) {
                ctx.sql(" do nothing");
            } else {
                ctx.sql(" do update set ");
                Assignments.render(ctx, conflict.set());
                if (conflict.where() != null) {
                    ctx.sql(" where ").visit(conflict.where());
                }
            }
        }
    }

    @Override
    public String toString() {
        return toSql().sql();
    }
}
