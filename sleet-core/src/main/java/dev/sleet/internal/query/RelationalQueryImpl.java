package dev.sleet.internal.query;

import dev.sleet.exec.Row;
import dev.sleet.query.Condition;
import dev.sleet.query.Field;
import dev.sleet.query.RelationalQuery;
import dev.sleet.query.SortField;
import dev.sleet.render.RenderedSql;
import dev.sleet.schema.Column;
import dev.sleet.schema.Relations;
import dev.sleet.schema.Table;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** {@code db.query(table)}: the root level of a relational query, and running it. Immutable. */
public final class RelationalQueryImpl implements RelationalQuery {

    private final Execution execution;
    private final LevelSpec root;

    /**
     * Starts a relational query.
     *
     * @param execution where it runs
     * @param relations the relations it can follow
     * @param table     the root table
     */
    public RelationalQueryImpl(Execution execution, Relations relations, Table table) {
        this(execution, new LevelSpec(relations, table, null));
    }

    private RelationalQueryImpl(Execution execution, LevelSpec root) {
        this.execution = execution;
        this.root = root;
    }

    @Override
    public RelationalQuery columns(Column<?>... columns) {
        return new RelationalQueryImpl(execution, root.columns(columns));
    }

    @Override
    public RelationalQuery exclude(Column<?>... columns) {
        return new RelationalQueryImpl(execution, root.exclude(columns));
    }

    @Override
    public RelationalQuery extras(Field<?>... extras) {
        return new RelationalQueryImpl(execution, root.extras(extras));
    }

    @Override
    public RelationalQuery where(Condition condition) {
        return new RelationalQueryImpl(execution, root.where(condition));
    }

    @Override
    public RelationalQuery orderBy(SortField... order) {
        return new RelationalQueryImpl(execution, root.orderBy(order));
    }

    @Override
    public RelationalQuery orderBy(Field<?>... fields) {
        return new RelationalQueryImpl(execution, root.orderBy(fields));
    }

    @Override
    public RelationalQuery limit(int limit) {
        return new RelationalQueryImpl(execution, root.limit(limit));
    }

    @Override
    public RelationalQuery offset(int offset) {
        return new RelationalQueryImpl(execution, root.offset(offset));
    }

    @Override
    public RelationalQuery with(String relation) {
        return new RelationalQueryImpl(execution, root.with(relation));
    }

    @Override
    public RelationalQuery with(String relation, UnaryOperator<Nested> spec) {
        return new RelationalQueryImpl(execution, root.with(relation, spec));
    }

    @Override
    public List<Row> findMany() {
        return run(false, Row.class);
    }

    @Override
    public <R> List<R> findMany(Class<R> type) {
        return run(false, type);
    }

    @Override
    public Optional<Row> findFirst() {
        return run(true, Row.class).stream().findFirst();
    }

    @Override
    public <R> Optional<R> findFirst(Class<R> type) {
        return run(true, type).stream().findFirst();
    }

    @Override
    public RenderedSql toSql() {
        root.checkNames();
        return execution.toSql(new RelationalStatement(root, false));
    }

    private <R> List<R> run(boolean first, Class<R> type) {
        root.checkNames();
        var reader = GraphDecoder.reader(root, type);   // every mapping error, before anything is sent
        return execution.require().fetch(new RelationalStatement(root, first), reader);
    }

    @Override
    public String toString() {
        return toSql().sql();
    }
}
