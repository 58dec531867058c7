package dev.sleet.examples.saas;

import dev.sleet.schema.Column;
import dev.sleet.schema.OnDelete;
import dev.sleet.schema.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Membership of users in tenants, with a role in each; the key is (user, tenant). */
public final class UserTenants extends Table {

    /** The table. */
    public static final UserTenants USER_TENANTS = new UserTenants();

    /** The member. */
    public final Column<UUID> userId = uuid("user_id").notNull().references(() -> Users.USERS.id, OnDelete.CASCADE);
    /** The tenant. */
    public final Column<UUID> tenantId = uuid("tenant_id").tenantKey()
            .references(() -> Tenants.TENANTS.id, OnDelete.CASCADE);
    /** Role in that tenant. */
    public final Column<MemberRole> role = enumeration("role", SaasEnums.MEMBER_ROLE).notNull();
    /** When they joined. */
    public final Column<OffsetDateTime> joinedAt = timestamptz("joined_at").notNull().defaultNow();

    private UserTenants() {
        super("user_tenants");
        primaryKey(userId, tenantId);
        index("user_tenants_tenant_idx").on(tenantId);
    }
}
