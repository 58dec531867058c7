package dev.sleet.internal.expr;

import dev.sleet.query.Field;
import dev.sleet.query.Window;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.column.ColumnType;

import java.util.Objects;

/**
 * A function evaluated over a window: {@code fn(...) over (partition by ... order by ...)}.
 *
 * @param <T> the result type
 */
public final class WindowedField<T> implements Field<T> {

    private final Field<T> function;
    private final Window window;

    /**
     * Puts a function over a window.
     *
     * @param function the function call (an aggregate or a window-only function)
     * @param window   the window
     */
    public WindowedField(Field<T> function, Window window) {
        this.function = Objects.requireNonNull(function, "function");
        this.window = Objects.requireNonNull(window, "window");
    }

    @Override
    public ColumnType<T> type() {
        return function.type();
    }

    @Override
    public String name() {
        return function.name();
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.visit(function).sql(" over (").visit(window).sql(')');
    }

    @Override
    public String toString() {
        return function + " over (...)";
    }
}
