package dev.sleet.examples.saas;

import dev.sleet.schema.PgEnum;

/**
 * The multi-tenant SaaS schema of the seeds (row-level tenancy: every company table carries
 * {@code tenant_id}).
 */
public final class SaasSchema {

    /** The {@code member_role} enum. */
    public static final PgEnum<MemberRole> MEMBER_ROLE = SaasEnums.MEMBER_ROLE;
    /** The {@code visibility} enum. */
    public static final PgEnum<Visibility> VISIBILITY = SaasEnums.VISIBILITY;
    /** The tenants. */
    public static final Tenants TENANTS = Tenants.TENANTS;
    /** The users. */
    public static final Users USERS = Users.USERS;
    /** The projects. */
    public static final Projects PROJECTS = Projects.PROJECTS;
    /** The documents. */
    public static final Documents DOCUMENTS = Documents.DOCUMENTS;
    /** The memberships. */
    public static final UserTenants USER_TENANTS = UserTenants.USER_TENANTS;

    private SaasSchema() {
    }
}
