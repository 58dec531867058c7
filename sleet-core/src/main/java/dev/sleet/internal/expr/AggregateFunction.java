package dev.sleet.internal.expr;

import dev.sleet.query.AggregateField;
import dev.sleet.query.Condition;
import dev.sleet.query.Field;
import dev.sleet.query.Window;
import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.column.ColumnType;

import java.util.List;
import java.util.Objects;

/**
 * An aggregate call: {@code count(*)}, {@code sum(distinct x)}, optionally with {@code filter (where ...)}.
 * The function name comes from Sleet's own code.
 *
 * @param <T> the result type
 */
public final class AggregateFunction<T> implements AggregateField<T> {

    private final FunctionCall<T> call;
    private final Condition filter;

    /**
     * Creates an aggregate call.
     *
     * @param function  the function name, e.g. {@code sum}
     * @param type      the result type
     * @param arguments the arguments; none renders {@code *} (for {@code count})
     * @param distinct  {@code true} to aggregate distinct values only
     */
    public AggregateFunction(String function, ColumnType<T> type, List<? extends QueryPart> arguments,
                             boolean distinct) {
        this(new FunctionCall<>(Objects.requireNonNull(function, "function"), Objects.requireNonNull(type, "type"),
                arguments, distinct), null);
    }

    private AggregateFunction(FunctionCall<T> call, Condition filter) {
        this.call = call;
        this.filter = filter;
    }

    @Override
    public AggregateField<T> filter(Condition condition) {
        Objects.requireNonNull(condition, "condition");
        Condition combined = filter == null ? condition : new Junction(true, List.of(filter, condition));
        return new AggregateFunction<>(call, combined);
    }

    @Override
    public Field<T> over(Window window) {
        return new WindowedField<>(this, window);
    }

    @Override
    public ColumnType<T> type() {
        return call.type();
    }

    @Override
    public String name() {
        return call.name();
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.visit(call);
        if (filter != null) {
            ctx.sql(" filter (where ").visit(filter).sql(')');
        }
    }

    @Override
    public String toString() {
        return call.name() + "(...)";
    }
}
