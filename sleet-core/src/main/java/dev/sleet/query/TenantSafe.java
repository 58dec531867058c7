package dev.sleet.query;

import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;

import java.util.Objects;

/**
 * SQL the application vouches for in a tenant scope: it filters by tenant itself, or reads only tables that are
 * not tenant-owned. A tenant-scoped {@code Db} refuses raw SQL unless it is wrapped in this
 * ({@link dev.sleet.Sql#tenantSafe}); it still runs in a transaction that has set the tenant, so row-level
 * security policies apply to it.
 *
 * @param statement the SQL
 */
public record TenantSafe(QueryPart statement) implements QueryPart {

    /**
     * Checks the statement.
     *
     * @param statement the SQL
     */
    public TenantSafe {
        Objects.requireNonNull(statement, "statement");
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.visit(statement);
    }
}
