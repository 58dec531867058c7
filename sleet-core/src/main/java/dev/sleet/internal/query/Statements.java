package dev.sleet.internal.query;

import dev.sleet.render.QueryPart;

import dev.sleet.query.DeleteWhereStep;
import dev.sleet.query.Field;
import dev.sleet.query.InsertValuesStep;
import dev.sleet.query.SelectFromStep;
import dev.sleet.query.UpdateSetStep;
import dev.sleet.query.WithStep;
import dev.sleet.schema.Table;

import java.util.List;

/**
 * Starts the four statement kinds on an execution: a {@code Db}'s own, or one carrying common table
 * expressions ({@code db.with(...)}), whose statements then render their {@code with} clause first.
 *
 * @param execution where the statements run, with any CTEs
 */
public record Statements(Execution execution) implements WithStep {

    @Override
    public SelectFromStep select(Field<?>... fields) {
        return new SelectImpl(execution, List.of(fields));
    }

    @Override
    public InsertValuesStep insert(Table table) {
        return new InsertImpl(execution, table);
    }

    @Override
    public UpdateSetStep update(Table table) {
        return new UpdateImpl(execution, table);
    }

    @Override
    public DeleteWhereStep delete(Table table) {
        return new DeleteImpl(execution, table);
    }

    /**
     * Tells whether a statement is one Sleet's builders made (a select, set operation, insert, update, delete,
     * or one of them with {@code returning}), whose tables are rendered by Sleet and so can be scoped to a tenant.
     *
     * @param statement the statement
     * @return {@code true} for a built statement
     */
    public static boolean isBuiltStatement(QueryPart statement) {
        return statement instanceof SelectImpl || statement instanceof SetOperationImpl
                || statement instanceof InsertImpl || statement instanceof UpdateImpl
                || statement instanceof DeleteImpl || statement instanceof Returning
                || statement instanceof RelationalStatement;
    }
}
