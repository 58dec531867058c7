package dev.sleet.internal.exec;

import dev.sleet.schema.Table;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The tenant of a tenant-scoped {@code Db}: rendered into every statement as a filter on tenant-owned tables,
 * and set at the start of every transaction with {@code set_config('app.current_tenant', id, true)}, which
 * ends with the transaction, so a pooled connection (behind PgBouncer too) never keeps it.
 *
 * @param id the tenant id, of the Java type of the tables' tenant keys
 */
public record TenantContext(Object id) {

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
