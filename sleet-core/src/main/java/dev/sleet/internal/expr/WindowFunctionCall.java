package dev.sleet.internal.expr;

import dev.sleet.query.Field;
import dev.sleet.query.Window;
import dev.sleet.query.WindowFunction;
import dev.sleet.render.QueryPart;
import dev.sleet.schema.column.ColumnType;

import java.util.List;

/**
 * A window-only function before its window is given: {@code row_number()}, {@code lag(x, 1, d)}. The function
 * name comes from Sleet's own code.
 *
 * @param function  the function name
 * @param type      the result type
 * @param arguments the arguments
 * @param <T>       the result type
 */
public record WindowFunctionCall<T>(String function, ColumnType<T> type, List<? extends QueryPart> arguments)
        implements WindowFunction<T> {

    /**
     * Copies the arguments.
     *
     * @param function  the function name
     * @param type      the result type
     * @param arguments the arguments
     */
    public WindowFunctionCall {
        arguments = List.copyOf(arguments);
    }

    @Override
    public Field<T> over(Window window) {
        return new WindowedField<>(new FunctionCall<>(function, type, arguments, false), window);
    }
}
