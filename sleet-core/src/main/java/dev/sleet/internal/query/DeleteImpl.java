package dev.sleet.internal.query;

import dev.sleet.internal.expr.Junction;
import dev.sleet.query.Condition;
import dev.sleet.query.DeleteReturningStep;
import dev.sleet.query.DeleteWhereStep;
import dev.sleet.query.Field;
import dev.sleet.query.PreparedQuery;
import dev.sleet.query.ResultQuery;
import dev.sleet.query.TableLike;
import dev.sleet.render.RenderContext;
import dev.sleet.render.RenderedSql;
import dev.sleet.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The one implementation of every delete step. Immutable. */
public final class DeleteImpl implements DeleteWhereStep, DeleteReturningStep {

    private final Execution execution;
    private final Table table;
    private final List<Condition> where;
    private final boolean all;
    private final List<TableLike> using;

    /**
     * Starts a delete.
     *
     * @param execution where it runs
     * @param table     the table
     */
    public DeleteImpl(Execution execution, Table table) {
        this(execution, Objects.requireNonNull(table, "table"), List.of(), false, List.of());
    }

    private DeleteImpl(Execution execution, Table table, List<Condition> where, boolean all, List<TableLike> using) {
        this.execution = execution;
        this.table = table;
        this.where = where;
        this.all = all;
        this.using = using;
    }

    @Override
    public DeleteReturningStep where(Condition... conditions) {
        if (conditions.length == 0) {
            throw new IllegalArgumentException("delete from " + table + ": where() needs a condition; use all() to "
                    + "delete every row");
        }
        List<Condition> list = new ArrayList<>(where);
        for (Condition c : conditions) {
            if (c instanceof Junction j && j.isEmptyAnd()) {
                throw new IllegalArgumentException("delete from " + table + ": where(and()) with no conditions would "
                        + "match every row; use all() when that is meant");
            }
            list.add(Objects.requireNonNull(c, "condition"));
        }
        return new DeleteImpl(execution, table, List.copyOf(list), all, using);
    }

    @Override
    public DeleteWhereStep using(TableLike... tables) {
        List<TableLike> list = new ArrayList<>(using);
        for (TableLike t : tables) {
            if (Objects.requireNonNull(t, "table") == table) {
                throw new IllegalArgumentException("delete from " + table + " using " + t + ": the table deleted "
                        + "from is already part of the statement; list only the other tables");
            }
            list.add(t);
        }
        return new DeleteImpl(execution, table, where, all, List.copyOf(list));
    }

    @Override
    public DeleteReturningStep all() {
        return new DeleteImpl(execution, table, where, true, using);
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

    @Override
    public int execute() {
        return execution.require().executeUpdate(this);
    }

    @Override
    public void render(RenderContext ctx) {
        if (where.isEmpty() && !all) {
            throw new IllegalStateException("delete from " + table + " has no where clause; call all() to delete "
                    + "every row");
        }
        execution.renderWith(ctx);
        ctx.sql("delete from ").visit(table);
        for (int i = 0; i < using.size(); i++) {
            ctx.sql(i == 0 ? " using " : ", ").fromItem(using.get(i));
        }
        SelectImpl.conditions(ctx, " where ", where, SelectImpl.tenantTarget(ctx, table));
    }

    @Override
    public String toString() {
        return toSql().sql();
    }
}
