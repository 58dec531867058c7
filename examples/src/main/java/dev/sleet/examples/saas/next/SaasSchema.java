package dev.sleet.examples.saas.next;

import dev.sleet.examples.saas.Documents;
import dev.sleet.examples.saas.MemberRole;
import dev.sleet.examples.saas.SaasEnums;
import dev.sleet.examples.saas.Tenants;
import dev.sleet.examples.saas.UserTenants;
import dev.sleet.examples.saas.Users;
import dev.sleet.examples.saas.Visibility;
import dev.sleet.schema.PgEnum;

/**
 * The next release of {@link dev.sleet.examples.saas.SaasSchema}: the same enums and tables, with
 * {@link Projects} replaced by its next release and {@link Comments} added.
 *
 * <pre>{@code
 * Generator.generate(Schema.of(dev.sleet.examples.saas.next.SaasSchema.class), folder, "comments", false, clock);
 * }</pre>
 */
public final class SaasSchema {

    /** The {@code member_role} enum, unchanged. */
    public static final PgEnum<MemberRole> MEMBER_ROLE = SaasEnums.MEMBER_ROLE;
    /** The {@code visibility} enum, unchanged. */
    public static final PgEnum<Visibility> VISIBILITY = SaasEnums.VISIBILITY;
    /** The tenants, unchanged. */
    public static final Tenants TENANTS = Tenants.TENANTS;
    /** The users, unchanged. */
    public static final Users USERS = Users.USERS;
    /** The projects, with {@code archived_at}. */
    public static final Projects PROJECTS = Projects.PROJECTS;
    /** The documents, unchanged; {@code project_id} still refers to {@code projects} by name. */
    public static final Documents DOCUMENTS = Documents.DOCUMENTS;
    /** The memberships, unchanged. */
    public static final UserTenants USER_TENANTS = UserTenants.USER_TENANTS;
    /** The comments, new. */
    public static final Comments COMMENTS = Comments.COMMENTS;

    private SaasSchema() {
    }
}
