package dev.sleet.internal.expr;

import dev.sleet.query.Field;
import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.column.ColumnType;

import java.util.List;

/**
 * A call of a built-in function or aggregate: {@code count(*)}, {@code sum("orders"."total")},
 * {@code coalesce(a, b)}. The function name comes from Sleet's own code.
 *
 * @param <T> the result type
 */
public final class FunctionCall<T> implements Field<T> {

    private final String function;
    private final ColumnType<T> type;
    private final List<? extends QueryPart> arguments;
    private final boolean distinct;

    /**
     * Creates a call.
     *
     * @param function  the function name
     * @param type      the result type
     * @param arguments the arguments
     * @param distinct  {@code true} for an aggregate over distinct values
     */
    public FunctionCall(String function, ColumnType<T> type, List<? extends QueryPart> arguments, boolean distinct) {
        this.function = function;
        this.type = type;
        this.arguments = List.copyOf(arguments);
        this.distinct = distinct;
    }

    @Override
    public ColumnType<T> type() {
        return type;
    }

    @Override
    public String name() {
        return function;
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.sql(function).sql('(');
        if (distinct) {
            ctx.sql("distinct ");
        }
        if (arguments.isEmpty() && function.equals("count")) {
            ctx.sql('*');
        } else {
            ctx.visitAll(arguments);
        }
        ctx.sql(')');
    }
}
