package dev.sleet;

import dev.sleet.exec.QueryListener;

import dev.sleet.schema.Relations;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of a {@link Db}. Immutable; start from {@link #defaults()}:
 *
 * <pre>{@code
 * Db db = Sleet.connect(url, SleetOptions.defaults().maxPoolSize(20).pgbouncer(true));
 * }</pre>
 */
public final class SleetOptions {

    private final String user;
    private final String password;
    private final int maxPoolSize;
    private final boolean pgbouncer;
    private final QueryListener listener;
    private final int streamFetchSize;
    private final Map<String, String> schemaMapping;
    private final Duration connectionTimeout;
    private final boolean logBindValues;
    private final boolean unscopedTenantAccess;
    private final String tenantRole;
    private final boolean tenantFilters;
    private final Relations relations;

    private SleetOptions(String user, String password, int maxPoolSize, boolean pgbouncer, QueryListener listener,
                         int streamFetchSize, Map<String, String> schemaMapping, Duration connectionTimeout,
                         boolean logBindValues, boolean unscopedTenantAccess, String tenantRole,
                         boolean tenantFilters, Relations relations) {
        this.user = user;
        this.password = password;
        this.maxPoolSize = maxPoolSize;
        this.pgbouncer = pgbouncer;
        this.listener = listener;
        this.streamFetchSize = streamFetchSize;
        this.schemaMapping = Map.copyOf(schemaMapping);
        this.connectionTimeout = connectionTimeout;
        this.logBindValues = logBindValues;
        this.unscopedTenantAccess = unscopedTenantAccess;
        this.tenantRole = tenantRole;
        this.tenantFilters = tenantFilters;
        this.relations = relations;
    }

    /**
     * The defaults: user and password from the URL, a pool of 10, no PgBouncer mode, no listener, streams
     * fetched 1000 rows at a time, no schema mapping, 30 s to get a connection.
     *
     * @return the defaults
     */
    public static SleetOptions defaults() {
        return new SleetOptions(null, null, 10, false, null, 1000, Map.of(), Duration.ofSeconds(30), false, false, null,
                true, Relations.none());
    }

    /**
     * Sets the user name, overriding the URL's.
     *
     * @param value the user
     * @return new options
     */
    public SleetOptions user(String value) {
        return new SleetOptions(value, password, maxPoolSize, pgbouncer, listener, streamFetchSize, schemaMapping,
                connectionTimeout, logBindValues, unscopedTenantAccess, tenantRole, tenantFilters, relations);
    }

    /**
     * Sets the password, overriding the URL's. It is never logged.
     *
     * @param value the password
     * @return new options
     */
    public SleetOptions password(String value) {
        return new SleetOptions(user, value, maxPoolSize, pgbouncer, listener, streamFetchSize, schemaMapping,
                connectionTimeout, logBindValues, unscopedTenantAccess, tenantRole, tenantFilters, relations);
    }

    /**
     * Sets the pool's maximum size.
     *
     * @param value connections, at least 1
     * @return new options
     */
    public SleetOptions maxPoolSize(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1, got " + value);
        }
        return new SleetOptions(user, password, value, pgbouncer, listener, streamFetchSize, schemaMapping,
                connectionTimeout, logBindValues, unscopedTenantAccess, tenantRole, tenantFilters, relations);
    }

    /**
     * Makes every statement safe behind PgBouncer in transaction mode: no server-side prepared statements
     * ({@code prepareThreshold=0}) and no session state outside transactions. Also set by {@code pgbouncer=true}
     * in the URL, as Neon's and Supabase's pooled URLs are used.
     *
     * @param value {@code true} behind a transaction-mode pooler
     * @return new options
     */
    public SleetOptions pgbouncer(boolean value) {
        return new SleetOptions(user, password, maxPoolSize, value, listener, streamFetchSize, schemaMapping,
                connectionTimeout, logBindValues, unscopedTenantAccess, tenantRole, tenantFilters, relations);
    }

    /**
     * Sets a listener told about every statement.
     *
     * @param value the listener, or {@code null}
     * @return new options
     */
    public SleetOptions listener(QueryListener value) {
        return new SleetOptions(user, password, maxPoolSize, pgbouncer, value, streamFetchSize, schemaMapping,
                connectionTimeout, logBindValues, unscopedTenantAccess, tenantRole, tenantFilters, relations);
    }

    /**
     * Sets how many rows {@code stream()} fetches per round trip.
     *
     * @param value rows, at least 1
     * @return new options
     */
    public SleetOptions streamFetchSize(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("streamFetchSize must be at least 1, got " + value);
        }
        return new SleetOptions(user, password, maxPoolSize, pgbouncer, listener, value, schemaMapping,
                connectionTimeout, logBindValues, unscopedTenantAccess, tenantRole, tenantFilters, relations);
    }

    /**
     * Renders tables declared in one PostgreSQL schema into another: {@code Map.of("app", "tenant_42")}.
     *
     * @param value declared schema → rendered schema
     * @return new options
     */
    public SleetOptions schemaMapping(Map<String, String> value) {
        return new SleetOptions(user, password, maxPoolSize, pgbouncer, listener, streamFetchSize,
                Objects.requireNonNull(value, "value"), connectionTimeout, logBindValues, unscopedTenantAccess,
                tenantRole, tenantFilters, relations);
    }

    /**
     * Sets how long a statement waits for a pooled connection before failing.
     *
     * @param value the timeout, at least 250 ms
     * @return new options
     */
    public SleetOptions connectionTimeout(Duration value) {
        if (value.toMillis() < 250) {
            throw new IllegalArgumentException("connectionTimeout must be at least 250 ms, got " + value);
        }
        return new SleetOptions(user, password, maxPoolSize, pgbouncer, listener, streamFetchSize, schemaMapping,
                value, logBindValues, unscopedTenantAccess, tenantRole, tenantFilters, relations);
    }

    /**
     * Logs bind values with each statement at debug level (logger {@code dev.sleet.sql}). Off by default: values
     * can be passwords, tokens or personal data. For debugging on a developer's machine.
     *
     * @param value {@code true} to log values
     * @return new options
     */
    public SleetOptions logBindValues(boolean value) {
        return new SleetOptions(user, password, maxPoolSize, pgbouncer, listener, streamFetchSize, schemaMapping,
                connectionTimeout, value, unscopedTenantAccess, tenantRole, tenantFilters, relations);
    }

    /**
     * Lets the (unscoped) {@code Db} read and write tenant-owned tables (those with a {@code tenantKey()}) without
     * a tenant. Off by default: a statement on a tenant-owned table must then go through
     * {@code db.forTenant(id)}, or through {@code db.unscoped()} where working across tenants is meant (an
     * admin screen, a data migration), so that a forgotten tenant is an error, not a leak. Turn it on for an
     * application that enforces tenancy some other way.
     *
     * @param value {@code true} to allow unscoped access
     * @return new options
     */
    public SleetOptions unscopedTenantAccess(boolean value) {
        return new SleetOptions(user, password, maxPoolSize, pgbouncer, listener, streamFetchSize, schemaMapping,
                connectionTimeout, logBindValues, value, tenantRole, tenantFilters, relations);
    }

    /**
     * Makes each transaction of a tenant-scoped {@code Db} run as a role ({@code SET LOCAL ROLE}), after it sets
     * the tenant: a role that does not own the tables and lacks {@code BYPASSRLS}, so that row-level security
     * policies apply even when the application connects as the tables' owner. The connecting user must be a
     * member of the role.
     *
     * @param role the role name, or {@code null} to stay the connecting user
     * @return new options
     */
    public SleetOptions tenantRole(String role) {
        return new SleetOptions(user, password, maxPoolSize, pgbouncer, listener, streamFetchSize, schemaMapping,
                connectionTimeout, logBindValues, unscopedTenantAccess, role, tenantFilters, relations);
    }

    /** @return the role tenant-scoped transactions run as, or {@code null} */
    public String tenantRole() {
        return tenantRole;
    }

    /**
     * Switches the tenant-scoped {@code Db}'s own filters ({@code tenant_key = ?} on every tenant-owned table read,
     * updated or deleted) on or off. On by default. Off, a scoped {@code Db} still sets the tenant (and the
     * {@link #tenantRole}) in each transaction and fills the tenant key of inserted rows, and relies on row-level
     * security policies alone to keep tenants apart: for an application that wants one mechanism, or to prove
     * that the policies hold by themselves.
     *
     * @param value {@code false} to leave filtering to row-level security
     * @return new options
     */
    public SleetOptions tenantFilters(boolean value) {
        return new SleetOptions(user, password, maxPoolSize, pgbouncer, listener, streamFetchSize, schemaMapping,
                connectionTimeout, logBindValues, unscopedTenantAccess, tenantRole, value, relations);
    }

    /**
     * Sets the relations that relational queries ({@code db.query(USERS).with("posts")}) can follow.
     *
     * @param value the relations, e.g. {@code BlogRelations.RELATIONS}
     * @return new options
     */
    public SleetOptions relations(Relations value) {
        return new SleetOptions(user, password, maxPoolSize, pgbouncer, listener, streamFetchSize, schemaMapping,
                connectionTimeout, logBindValues, unscopedTenantAccess, tenantRole, tenantFilters,
                Objects.requireNonNull(value, "relations"));
    }

    /** @return the relations relational queries can follow */
    public Relations relations() {
        return relations;
    }

    /** @return whether the tenant-scoped Db adds its own tenant filters */
    public boolean tenantFilters() {
        return tenantFilters;
    }

    /** @return whether the unscoped Db may reach tenant-owned tables */
    public boolean unscopedTenantAccess() {
        return unscopedTenantAccess;
    }

    /** @return whether bind values are logged */
    public boolean logBindValues() {
        return logBindValues;
    }

    /** @return the user override, or {@code null} */
    public String user() {
        return user;
    }

    /** @return the password override, or {@code null} */
    public String password() {
        return password;
    }

    /** @return the pool's maximum size */
    public int maxPoolSize() {
        return maxPoolSize;
    }

    /** @return whether PgBouncer transaction mode is on */
    public boolean pgbouncer() {
        return pgbouncer;
    }

    /** @return the listener, or {@code null} */
    public QueryListener listener() {
        return listener;
    }

    /** @return rows per round trip when streaming */
    public int streamFetchSize() {
        return streamFetchSize;
    }

    /** @return declared schema → rendered schema */
    public Map<String, String> schemaMapping() {
        return schemaMapping;
    }

    /** @return how long to wait for a pooled connection */
    public Duration connectionTimeout() {
        return connectionTimeout;
    }

    @Override
    public String toString() {
        return "SleetOptions[user=" + user + ", password=" + (password == null ? "none" : "****") + ", maxPoolSize="
                + maxPoolSize + ", pgbouncer=" + pgbouncer + ", streamFetchSize=" + streamFetchSize
                + ", schemaMapping=" + schemaMapping + "]";
    }
}
