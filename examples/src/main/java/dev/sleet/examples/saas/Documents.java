package dev.sleet.examples.saas;

import dev.sleet.schema.Column;
import dev.sleet.schema.OnDelete;
import dev.sleet.schema.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Documents of a tenant, each personal, team-wide or company-wide. */
public final class Documents extends Table {

    /** The table. */
    public static final Documents DOCUMENTS = new Documents();

    /** Primary key. */
    public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    /** The owning tenant: the tenant key. */
    public final Column<UUID> tenantId = uuid("tenant_id").tenantKey()
            .references(() -> Tenants.TENANTS.id, OnDelete.CASCADE);
    /** The project it belongs to, if any. */
    public final Column<UUID> projectId = uuid("project_id").references(() -> Projects.PROJECTS.id, OnDelete.SET_NULL);
    /** Its owner. */
    public final Column<UUID> ownerId = uuid("owner_id").references(() -> Users.USERS.id, OnDelete.SET_NULL);
    /** Title. */
    public final Column<String> title = text("title").notNull();
    /** Who may see it. */
    public final Column<Visibility> visibility = enumeration("visibility", SaasEnums.VISIBILITY).notNull()
            .defaultValue(Visibility.personal);
    /** Structured content. */
    public final Column<DocumentBody> body = jsonb("body", DocumentBody.class);
    /** Creation time. */
    public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();

    private Documents() {
        super("documents");
        // the standard isolation policy, for the table's owner too: a tenant-scoped Db sets the tenant per
        // transaction, and PostgreSQL shows it no other tenant's rows even if a query forgot the filter
        tenantIsolationPolicy();
        forceRowLevelSecurity();
        index("documents_tenant_visibility_idx").on(tenantId, visibility);
        index("documents_body_idx").on(body).using("gin");
    }
}
