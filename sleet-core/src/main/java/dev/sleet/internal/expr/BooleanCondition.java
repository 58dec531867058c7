package dev.sleet.internal.expr;

import dev.sleet.query.Condition;
import dev.sleet.schema.column.BooleanType;
import dev.sleet.schema.column.ColumnType;

/** Base of conditions: boolean-typed, named like PostgreSQL names an unnamed column. */
abstract class BooleanCondition implements Condition {

    @Override
    public ColumnType<Boolean> type() {
        return BooleanType.INSTANCE;
    }

    @Override
    public String name() {
        return "?column?";
    }
}
