package dev.sleet.internal.exec;

import dev.sleet.render.RenderContext;
import dev.sleet.schema.Table;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * How a {@code Db} treats tenant-owned tables. Scoped ({@code id} set): rendered into every statement as a
 * filter on tenant-owned tables, and set at the start of every transaction with
 * {@code set_config('app.current_tenant', id, true)}, which ends with the transaction, so a pooled connection
 * (behind PgBouncer too) never keeps it; with a role, {@code set_config('role', role, true)} in the same
 * statement, which is {@code SET LOCAL ROLE}. Unscoped and guarded: a statement that reaches a tenant-owned table
 * fails, naming the way to scope it.
 *
 * @param id      the tenant id, of the Java type of the tables' tenant keys; {@code null} when unscoped
 * @param guard   refuse tenant-owned tables without a tenant
 * @param role    the role scoped transactions run as ({@code SET LOCAL ROLE}), or {@code null}
 * @param filters whether statements get Sleet's own tenant filters (off: row-level security alone)
 * @param schema  the tenant's schema, into which tables and types declared without a schema are rendered
 *                (schema-per-tenant), or {@code null}
 */
public record TenantContext(Object id, boolean guard, String role, boolean filters, String schema) {

    /**
     * The context of a plain {@code Db}.
     *
     * @param guard refuse tenant-owned tables
     * @return the context
     */
    public static TenantContext unscoped(boolean guard) {
        return new TenantContext(null, guard, null, true, null);
    }

    /**
     * A scope.
     *
     * @param id      the tenant id
     * @param role    the role to run as, or {@code null}
     * @param filters whether to add Sleet's filters
     * @return the context
     */
    public static TenantContext scoped(Object id, String role, boolean filters) {
        return new TenantContext(id, true, role, filters, null);
    }

    /**
     * Schema-per-tenant: tables and types declared without a schema are the tenant's schema's.
     *
     * @param schema the tenant's schema
     * @param guard  refuse tenant-owned tables without a tenant
     * @return the context
     */
    public static TenantContext inSchema(String schema, boolean guard) {
        return new TenantContext(null, guard, null, true, schema);
    }

    /**
     * Sets a render context up for this tenancy: the tenant scope and its filters, the tenant schema, and, for
     * statements about to run, the guard against tenant-owned tables without a tenant.
     *
     * @param ctx   the context
     * @param guard {@code true} when the statement will run ({@code toSql()} only displays, and never fails here)
     */
    public void configure(RenderContext ctx, boolean guard) {
        ctx.tenantScope(id).tenantFilters(filters).defaultSchema(schema).guardTenantTables(guard && this.guard);
    }

    /** @return whether statements are limited to one tenant, by row or by schema */
    public boolean isTenantBound() {
        return id != null || schema != null;
    }

    /** @return whether statements are scoped to a tenant */
    public boolean isScoped() {
        return id != null;
    }

    private static final String SET = "select set_config('" + Table.TENANT_SETTING + "', ?, true)";
    /** The tenant and the role in one round trip: {@code set_config('role', ...)} is {@code SET LOCAL ROLE}. */
    private static final String SET_WITH_ROLE = "select set_config('" + Table.TENANT_SETTING + "', ?, true), "
            + "set_config('role', ?, true)";

    /**
     * Sets the tenant for the transaction that has just begun on a connection.
     *
     * @param connection the connection, autocommit off
     * @throws SQLException when the setting cannot be made
     */
    public void begin(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(role == null ? SET : SET_WITH_ROLE)) {
            ps.setString(1, id.toString());
            if (role != null) {
                ps.setString(2, role);
            }
            ps.execute();
        }
    }
}
