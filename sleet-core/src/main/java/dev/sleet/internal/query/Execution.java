package dev.sleet.internal.query;

import dev.sleet.internal.exec.JdbcExecutor;
import dev.sleet.query.Cte;
import dev.sleet.render.ParamStyle;
import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;
import dev.sleet.render.RenderedSql;

import dev.sleet.query.Cte;

import java.util.List;
import java.util.Map;

/**
 * What a statement is attached to: the executor of a {@link dev.sleet.Db}, or nothing for statements built
 * by {@code Sleet.offline()}, which render but do not run.
 *
 * @param executor      the executor, or {@code null} when offline
 * @param schemaMapping schema names to render in place of the declared ones
 * @param ctes          the common table expressions statements start with ({@code db.with(...)}), or none
 * @param recursive     {@code with recursive}
 */
public record Execution(JdbcExecutor executor, Map<String, String> schemaMapping, List<Cte> ctes,
                        boolean recursive) {

    /** Statements that render but cannot run. */
    public static final Execution OFFLINE = new Execution(null, Map.of());

    /**
     * Creates an execution without common table expressions.
     *
     * @param executor      the executor, or {@code null} when offline
     * @param schemaMapping schema names to render in place of the declared ones
     */
    public Execution(JdbcExecutor executor, Map<String, String> schemaMapping) {
        this(executor, schemaMapping, List.of(), false);
    }

    /**
     * Returns this execution with CTEs that its statements start with.
     *
     * @param with      the CTEs
     * @param recursive {@code with recursive}
     * @return the execution
     */
    public Execution with(List<Cte> with, boolean recursive) {
        if (with.isEmpty()) {
            throw new IllegalArgumentException("with(...) needs at least one CTE");
        }
        return new Execution(executor, schemaMapping, List.copyOf(with), recursive);
    }

    /**
     * Renders {@code with [recursive] "a" as (...), "b" as (...) } when there are CTEs; nothing otherwise.
     *
     * @param ctx the context
     */
    public void renderWith(RenderContext ctx) {
        // A CTE is declared once, at the top of the statement; selects nested in it (set operation operands,
        // subqueries) built from the same db.with(...) read it and do not declare it again.
        List<Cte> fresh = new java.util.ArrayList<>();
        for (Cte c : ctes) {
            if (ctx.declare(c)) {
                fresh.add(c);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        ctx.sql(recursive ? "with recursive " : "with ");
        for (int i = 0; i < fresh.size(); i++) {
            if (i > 0) {
                ctx.sql(", ");
            }
            fresh.get(i).renderDefinition(ctx);
        }
        ctx.sql(' ');
    }

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
        RenderContext ctx = displayContext();
        ctx.visit(statement);
        return ctx.result();
    }

    /**
     * Returns a context for rendering as statements display, with {@code $n} placeholders, this execution's
     * schema mapping and its executor's tenant scope.
     *
     * @return a fresh context
     */
    public RenderContext displayContext() {
        RenderContext ctx = new RenderContext(ParamStyle.POSITIONAL, schemaMapping);
        if (executor != null && executor.tenant() != null) {
            executor.tenant().configure(ctx, false);
        }
        return ctx;
    }
}
