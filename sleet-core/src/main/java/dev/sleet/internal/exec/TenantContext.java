package dev.sleet.internal.exec;

import dev.sleet.render.RenderContext;
import dev.sleet.schema.Table;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How a {@code Db} treats tenant-owned tables. Scoped ({@code id} set): rendered into every statement as a
 * filter on tenant-owned tables, and set at the start of every transaction with
 * {@code set_config('app.current_tenant', id, true)}, which ends with the transaction, so a pooled connection
 * (behind PgBouncer too) never keeps it. Unscoped and guarded: a statement that reaches a tenant-owned table
 * fails, naming the way to scope it.
 *
 * @param id      the tenant id, of the Java type of the tables' tenant keys; {@code null} when unscoped
 * @param guard   refuse tenant-owned tables without a tenant
 * @param role    the role scoped transactions run as ({@code SET LOCAL ROLE}), or {@code null}
 * @param filters whether statements get Sleet's own tenant filters (off: row-level security alone)
 */
public record TenantContext(Object id, boolean guard, String role, boolean filters) {

    /**
     * The context of a plain {@code Db}.
     *
     * @param guard refuse tenant-owned tables
     * @return the context
     */
    public static TenantContext unscoped(boolean guard) {
        return new TenantContext(null, guard, null, true);
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
        return new TenantContext(id, true, role, filters);
    }

    /** @return whether statements are scoped to a tenant */
    public boolean isScoped() {
        return id != null;
    }

    private static final String SET = "select set_config('" + Table.TENANT_SETTING + "', ?, true)";

    /**
     * Sets the tenant for the transaction that has just begun on a connection.
     *
     * @param connection the connection, autocommit off
     * @throws SQLException when the setting cannot be made
     */
    public void begin(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(SET)) {
            ps.setString(1, id.toString());
            ps.execute();
        }
        if (role != null) {
            try (Statement st = connection.createStatement()) {
                st.execute("set local role " + RenderContext.quoteIdentifier(role));
            }
        }
    }
}
