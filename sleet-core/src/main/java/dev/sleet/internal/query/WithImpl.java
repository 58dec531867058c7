package dev.sleet.internal.query;

import dev.sleet.query.DeleteWhereStep;
import dev.sleet.query.Field;
import dev.sleet.query.InsertValuesStep;
import dev.sleet.query.SelectFromStep;
import dev.sleet.query.UpdateSetStep;
import dev.sleet.query.WithStep;
import dev.sleet.schema.Table;

import java.util.List;

/**
 * Builds statements whose execution carries common table expressions, so that each renders its
 * {@code with} clause first.
 *
 * @param execution the execution, with its CTEs
 */
public record WithImpl(Execution execution) implements WithStep {

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
}
