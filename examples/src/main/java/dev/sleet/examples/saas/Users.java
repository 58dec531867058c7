package dev.sleet.examples.saas;

import dev.sleet.schema.Column;
import dev.sleet.schema.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** People; each belongs to a home tenant and may join others through {@link UserTenants}. */
public final class Users extends Table {

    /** The table. */
    public static final Users USERS = new Users();

    /** Primary key. */
    public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    /** Login e-mail, unique. */
    public final Column<String> email = varchar("email", 255).notNull().unique();
    /** Password hash (never the password). */
    public final Column<String> passwordHash = varchar("password_hash", 255).notNull();
    /** The home tenant. */
    public final Column<UUID> tenantId = uuid("tenant_id").tenantKey().references(() -> Tenants.TENANTS.id);
    /** Role in the home tenant. */
    public final Column<MemberRole> role = enumeration("role", SaasEnums.MEMBER_ROLE).notNull()
            .defaultValue(MemberRole.member);
    /** Creation time. */
    public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();

    private Users() {
        super("users");
        index("users_tenant_idx").on(tenantId);
        uniqueIndex("users_tenant_email_idx").on(tenantId, email);
    }
}
