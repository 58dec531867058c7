package dev.sleet.internal.query;

import dev.sleet.internal.exec.JdbcExecutor;
import dev.sleet.render.ParamStyle;
import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;
import dev.sleet.render.RenderedSql;

import java.util.Map;

/**
 * What a statement is attached to: the executor of a {@link dev.sleet.Db}, or nothing for statements built
 * by {@code Sleet.offline()}, which render but do not run.
 *
 * @param executor      the executor, or {@code null} when offline
 * @param schemaMapping schema names to render in place of the declared ones
 */
public record Execution(JdbcExecutor executor, Map<String, String> schemaMapping) {

    /** Statements that render but cannot run. */
    public static final Execution OFFLINE = new Execution(null, Map.of());

    /**
     * Returns the executor, or fails clearly for an offline statement.
     *
     * @return the executor
     */
    public JdbcExecutor require() {
        if (executor == null) {
            throw new IllegalStateException("this statement was built with Sleet.offline(): it can be rendered "
                    + "with toSql() but not run; build it from a Db made by Sleet.connect(...)");
        }
        return executor;
    }

    /**
     * Renders a statement for display, with {@code $n} placeholders.
     *
     * @param statement the statement
     * @return SQL and binds
     */
    public RenderedSql toSql(QueryPart statement) {
        RenderContext ctx = new RenderContext(ParamStyle.POSITIONAL, schemaMapping);
        ctx.visit(statement);
        return ctx.result();
    }
}
