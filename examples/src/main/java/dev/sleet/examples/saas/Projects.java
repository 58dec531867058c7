package dev.sleet.examples.saas;

import dev.sleet.schema.Column;
import dev.sleet.schema.OnDelete;
import dev.sleet.schema.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Company data: projects of a tenant. */
public final class Projects extends Table {

    /** The table. */
    public static final Projects PROJECTS = new Projects();

    /** Primary key. */
    public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    /** The owning tenant: the tenant key. */
    public final Column<UUID> tenantId = uuid("tenant_id").tenantKey()
            .references(() -> Tenants.TENANTS.id, OnDelete.CASCADE);
    /** Project name, unique within the tenant. */
    public final Column<String> name = varchar("name", 255).notNull();
    /** Who created it. */
    public final Column<UUID> createdBy = uuid("created_by").notNull().references(() -> Users.USERS.id);
    /** Creation time. */
    public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();

    private Projects() {
        super("projects");
        // the standard isolation policy, for the table's owner too: a tenant-scoped Db sets the tenant per
        // transaction, and PostgreSQL shows it no other tenant's rows even if a query forgot the filter
        tenantIsolationPolicy();
        forceRowLevelSecurity();
        unique("projects_tenant_name_key", tenantId, name);
        index("projects_tenant_idx").on(tenantId, desc(createdAt));
    }
}
