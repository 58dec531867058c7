package dev.sleet.schema;

import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;

import java.util.Set;

/**
 * A PostgreSQL role that policies are written for, declared as a public static field of a schema class.
 * A role made with {@link #of(String)} belongs to the schema: the migrations kit creates it (when the cluster
 * does not have it yet: roles are shared by every database of a cluster) and drops it on rollback. A role
 * made with {@link #existing(String)} belongs to the platform (Supabase's {@code authenticated}, Neon's
 * {@code neon_superuser}) and is only referred to. Immutable: each method returns a new declaration.
 *
 * <pre>{@code
 * public static final PgRole APP_USER = PgRole.of("app_user").login();
 * public static final PgRole AUTHENTICATED = PgRole.existing("authenticated");
 * }</pre>
 *
 * <p>Passwords are not part of a schema: set them outside the migrations ({@code ALTER ROLE ... PASSWORD}
 * from a secret store), so that they never land in a migrations folder.
 */
public final class PgRole implements QueryPart {

    /** Names PostgreSQL accepts in {@code TO ...} that are keywords, not roles. */
    private static final Set<String> PSEUDO_ROLES = Set.of("public", "current_user", "current_role", "session_user");

    private final String name;
    private final boolean existing;
    private final boolean login;
    private final boolean createDb;
    private final boolean createRole;
    private final boolean inherit;
    private final boolean bypassRls;

    private PgRole(String name, boolean existing, boolean login, boolean createDb, boolean createRole,
                   boolean inherit, boolean bypassRls) {
        this.name = name;
        this.existing = existing;
        this.login = login;
        this.createDb = createDb;
        this.createRole = createRole;
        this.inherit = inherit;
        this.bypassRls = bypassRls;
    }

    /**
     * Declares a role the migrations create: {@code NOLOGIN}, {@code INHERIT}, no other privileges.
     *
     * @param name the role name
     * @return the role
     * @throws SchemaDefinitionException for a name reserved by PostgreSQL ({@code public}, {@code pg_*})
     */
    public static PgRole of(String name) {
        check(name);
        return new PgRole(name, false, false, false, false, true, false);
    }

    /**
     * Refers to a role that exists outside the schema (created by the platform or an administrator); the
     * migrations never create, alter or drop it.
     *
     * @param name the role name; {@code public} and {@code current_user} are accepted here
     * @return the role
     */
    public static PgRole existing(String name) {
        Naming.checkIdentifier(name, () -> "role name");
        return new PgRole(name, true, false, false, false, true, false);
    }

    private static void check(String name) {
        Naming.checkIdentifier(name, () -> "role name");
        if (PSEUDO_ROLES.contains(name) || name.startsWith("pg_")) {
            throw new SchemaDefinitionException("role \"" + name + "\": the name is reserved by PostgreSQL; use "
                    + "PgRole.existing(\"" + name + "\") to refer to it");
        }
    }

    /**
     * Returns this role allowed to log in ({@code LOGIN}).
     *
     * @return the new declaration
     */
    public PgRole login() {
        return managed(new PgRole(name, existing, true, createDb, createRole, inherit, bypassRls));
    }

    /**
     * Returns this role allowed to create databases ({@code CREATEDB}).
     *
     * @return the new declaration
     */
    public PgRole createDb() {
        return managed(new PgRole(name, existing, login, true, createRole, inherit, bypassRls));
    }

    /**
     * Returns this role allowed to create roles ({@code CREATEROLE}).
     *
     * @return the new declaration
     */
    public PgRole createRole() {
        return managed(new PgRole(name, existing, login, createDb, true, inherit, bypassRls));
    }

    /**
     * Returns this role without the privileges of the roles it is a member of ({@code NOINHERIT}).
     *
     * @return the new declaration
     */
    public PgRole noInherit() {
        return managed(new PgRole(name, existing, login, createDb, createRole, false, bypassRls));
    }

    /**
     * Returns this role exempt from row-level security ({@code BYPASSRLS}); creating it needs a superuser.
     *
     * @return the new declaration
     */
    public PgRole bypassRls() {
        return managed(new PgRole(name, existing, login, createDb, createRole, inherit, true));
    }

    private PgRole managed(PgRole role) {
        if (existing) {
            throw new SchemaDefinitionException("role \"" + name + "\" is declared existing(): its attributes "
                    + "belong to whoever created it");
        }
        return role;
    }

    /**
     * Returns the role name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Tells whether the role exists outside the schema and is only referred to.
     *
     * @return {@code true} for {@link #existing(String)}
     */
    public boolean isExisting() {
        return existing;
    }

    /**
     * Tells whether the role may log in.
     *
     * @return {@code LOGIN}
     */
    public boolean canLogin() {
        return login;
    }

    /**
     * Tells whether the role may create databases.
     *
     * @return {@code CREATEDB}
     */
    public boolean canCreateDb() {
        return createDb;
    }

    /**
     * Tells whether the role may create roles.
     *
     * @return {@code CREATEROLE}
     */
    public boolean canCreateRole() {
        return createRole;
    }

    /**
     * Tells whether the role inherits the privileges of its groups.
     *
     * @return {@code INHERIT}
     */
    public boolean inherits() {
        return inherit;
    }

    /**
     * Tells whether the role bypasses row-level security.
     *
     * @return {@code BYPASSRLS}
     */
    public boolean bypassesRls() {
        return bypassRls;
    }

    /**
     * Renders the role name: quoted, except for the keywords {@code public}, {@code current_user},
     * {@code current_role} and {@code session_user}.
     *
     * @param ctx the render context
     */
    @Override
    public void render(RenderContext ctx) {
        renderName(ctx, name);
    }

    /**
     * Renders a role name as {@code TO ...} and {@code GRANT ... TO} take it.
     *
     * @param ctx  the render context
     * @param name the role name or one of the keywords
     */
    public static void renderName(RenderContext ctx, String name) {
        if (PSEUDO_ROLES.contains(name)) {
            ctx.sql(name);
        } else {
            ctx.identifier(name);
        }
    }

    /**
     * Tells whether a name is one of the keywords {@code TO ...} accepts in place of a role.
     *
     * @param name the name
     * @return {@code true} for {@code public}, {@code current_user}, {@code current_role}, {@code session_user}
     */
    public static boolean isPseudoRole(String name) {
        return PSEUDO_ROLES.contains(name);
    }

    @Override
    public String toString() {
        return "role " + name;
    }
}
