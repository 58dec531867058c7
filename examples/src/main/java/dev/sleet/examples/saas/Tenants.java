package dev.sleet.examples.saas;

import dev.sleet.schema.Column;
import dev.sleet.schema.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The companies using the product: one row per tenant. */
public final class Tenants extends Table {

    /** The table. */
    public static final Tenants TENANTS = new Tenants();

    /** Primary key. */
    public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    /** Company name, unique. */
    public final Column<String> name = varchar("name", 255).notNull().unique();
    /** Lifecycle status: active, suspended, ... */
    public final Column<String> status = varchar("status", 64).notNull().defaultValue("active");
    /** Pricing tier. */
    public final Column<String> tier = varchar("tier", 64).notNull().defaultValue("free");
    /** Creation time. */
    public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();
    /** Last update time. */
    public final Column<OffsetDateTime> updatedAt = timestamptz("updated_at").notNull().defaultNow();

    private Tenants() {
        super("tenants");
        check("tenants_tier_check", "tier in ('free', 'pro', 'enterprise')");
    }
}
