package dev.sleet.schema;

import dev.sleet.render.ParamStyle;
import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;

import java.util.Objects;

/**
 * A view or materialized view, declared as a public static field of a schema class so the migrations kit
 * creates and drops it with the tables it reads. Immutable: each method returns a new declaration.
 *
 * <pre>{@code
 * public static final PgView ACTIVE_USERS = PgView.of("active_users")
 *         .as("select id, email from users where is_active")
 *         .securityInvoker();                       // row-level security of the caller applies
 *
 * public static final PgView POSTS_PER_AUTHOR = PgView.materialized("posts_per_author")
 *         .as(db.select(POSTS.authorId, count()).from(POSTS).groupBy(POSTS.authorId));  // any query part
 * }</pre>
 *
 * <p>The definition is schema code, written into the DDL unchanged (a query part is rendered with its values
 * inline). A view whose definition changes is dropped and created again; PostgreSQL does not allow most
 * changes with {@code CREATE OR REPLACE VIEW}.
 */
public final class PgView implements QueryPart {

    private final String schema;
    private final String name;
    private final boolean materialized;
    private final String definition;
    private final boolean securityInvoker;
    private final boolean withNoData;
    private final String comment;

    private PgView(String schema, String name, boolean materialized, String definition, boolean securityInvoker,
                   boolean withNoData, String comment) {
        this.schema = schema;
        this.name = name;
        this.materialized = materialized;
        this.definition = definition;
        this.securityInvoker = securityInvoker;
        this.withNoData = withNoData;
        this.comment = comment;
    }

    /**
     * Declares a view in the default schema; give its query with {@code as(...)}.
     *
     * @param name the view name
     * @return the declaration
     */
    public static PgView of(String name) {
        return create(null, name, false);
    }

    /**
     * Declares a view in a PostgreSQL schema.
     *
     * @param schema the schema, or {@code null} for the default
     * @param name   the view name
     * @return the declaration
     */
    public static PgView of(String schema, String name) {
        return create(schema, name, false);
    }

    /**
     * Declares a materialized view in the default schema.
     *
     * @param name the view name
     * @return the declaration
     */
    public static PgView materialized(String name) {
        return create(null, name, true);
    }

    /**
     * Declares a materialized view in a PostgreSQL schema.
     *
     * @param schema the schema, or {@code null} for the default
     * @param name   the view name
     * @return the declaration
     */
    public static PgView materialized(String schema, String name) {
        return create(schema, name, true);
    }

    private static PgView create(String schema, String name, boolean materialized) {
        Naming.checkIdentifier(name, () -> materialized ? "materialized view name" : "view name");
        if (schema != null) {
            Naming.checkIdentifier(schema, () -> "schema of view " + name);
        }
        return new PgView(schema, name, materialized, null, false, false, null);
    }

    /**
     * Returns this view with its query, as SQL.
     *
     * @param sql the {@code select} the view shows; schema code, not user input
     * @return the new declaration
     * @throws SchemaDefinitionException when the query is blank or ends in {@code ;}
     */
    public PgView as(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new SchemaDefinitionException(this + ": as(...) needs a query");
        }
        String query = sql.strip();
        if (query.endsWith(";")) {
            throw new SchemaDefinitionException(this + ": the query must not end in ';'");
        }
        return new PgView(schema, name, materialized, query, securityInvoker, withNoData, comment);
    }

    /**
     * Returns this view with its query built by Sleet, rendered with its values inline.
     *
     * @param query the query, e.g. a {@code db.select(...)} step
     * @return the new declaration
     */
    public PgView as(QueryPart query) {
        Objects.requireNonNull(query, "query");
        return as(RenderContext.render(query, ParamStyle.INLINE).sql());
    }

    /**
     * Makes the view check permissions and row-level security as the querying user instead of the view's
     * owner ({@code WITH (security_invoker = true)}, PostgreSQL 15+). Without it a view reads a table with RLS
     * as its owner, which usually bypasses the policies.
     *
     * @return the new declaration
     * @throws SchemaDefinitionException on a materialized view, which has no such option
     */
    public PgView securityInvoker() {
        if (materialized) {
            throw new SchemaDefinitionException(this + ": security_invoker applies to plain views only");
        }
        return new PgView(schema, name, materialized, definition, true, withNoData, comment);
    }

    /**
     * Creates the materialized view empty ({@code WITH NO DATA}); it must be refreshed before it is read.
     *
     * @return the new declaration
     * @throws SchemaDefinitionException on a plain view
     */
    public PgView withNoData() {
        if (!materialized) {
            throw new SchemaDefinitionException(this + ": WITH NO DATA applies to materialized views only");
        }
        return new PgView(schema, name, materialized, definition, securityInvoker, true, comment);
    }

    /**
     * Returns this view with a comment.
     *
     * @param text the comment, or {@code null} for none
     * @return the new declaration
     */
    public PgView comment(String text) {
        return new PgView(schema, name, materialized, definition, securityInvoker, withNoData, text);
    }

    /**
     * Returns the PostgreSQL schema, or {@code null} for the default.
     *
     * @return the schema
     */
    public String schema() {
        return schema;
    }

    /**
     * Returns the view name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Tells whether this is a materialized view.
     *
     * @return {@code true} for a materialized view
     */
    public boolean isMaterialized() {
        return materialized;
    }

    /**
     * Returns the query, as SQL.
     *
     * @return the definition
     * @throws SchemaDefinitionException when {@code as(...)} was never called
     */
    public String definition() {
        if (definition == null) {
            throw new SchemaDefinitionException(this + " has no query; declare it with as(...)");
        }
        return definition;
    }

    /**
     * Tells whether the view runs with the caller's permissions.
     *
     * @return {@code true} with {@code security_invoker}
     */
    public boolean isSecurityInvoker() {
        return securityInvoker;
    }

    /**
     * Tells whether the materialized view is created without data.
     *
     * @return {@code true} with {@code WITH NO DATA}
     */
    public boolean isWithNoData() {
        return withNoData;
    }

    /**
     * Returns the comment, or {@code null}.
     *
     * @return the comment
     */
    public String comment() {
        return comment;
    }

    /**
     * Returns {@code schema.name}, or the bare name.
     *
     * @return the name for messages
     */
    public String qualifiedName() {
        return schema == null ? name : schema + "." + name;
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.qualified(schema, name);
    }

    @Override
    public String toString() {
        return (materialized ? "materialized view " : "view ") + qualifiedName();
    }
}
