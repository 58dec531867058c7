package dev.sleet.internal.exec;

import dev.sleet.schema.Table;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * How a {@code Db} treats tenant-owned tables. Scoped ({@code id} set): rendered into every statement as a
 * filter on tenant-owned tables, and set at the start of every transaction with
 * {@code set_config('app.current_tenant', id, true)}, which ends with the transaction, so a pooled connection
 * (behind PgBouncer too) never keeps it. Unscoped and guarded: a statement that reaches a tenant-owned table
 * fails, naming the way to scope it.
 *
 * @param id    the tenant id, of the Java type of the tables' tenant keys; {@code null} when unscoped
 * @param guard refuse tenant-owned tables without a tenant
 */
public record TenantContext(Object id, boolean guard) {

    /**
     * A scope.
     *
     * @param id the tenant id
     * @return the context
     */
    public static TenantContext scoped(Object id) {
        return new TenantContext(id, true);
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
    }
}
