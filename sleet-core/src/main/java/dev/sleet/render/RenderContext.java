package dev.sleet.render;

import dev.sleet.query.TableLike;
import dev.sleet.schema.Column;
import dev.sleet.schema.Table;
import dev.sleet.schema.column.ColumnType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Collects the SQL text and bind values of one statement while its {@link QueryPart}s render.
 *
 * <p>This is the one place where SQL text is assembled. Identifiers go through {@link #identifier(String)}
 * and are always quoted (embedded double quotes doubled); values go through {@link #bind(Object, ColumnType)}
 * and become parameters, never text. Only Sleet's own keywords and punctuation enter through
 * {@link #sql(String)}.
 *
 * <p>A context is used by one thread for one statement and then thrown away.
 */
public final class RenderContext {

    private final StringBuilder sql = new StringBuilder(256);
    private final List<Bind> binds = new ArrayList<>();
    private final ParamStyle style;
    private final Map<String, String> schemaMapping;
    private boolean qualifyColumns = true;
    private Object tenantId;
    private boolean guardTenantTables;
    private boolean tenantFilters = true;
    private String defaultSchema;
    private Set<Object> declared;   // made on the first declaration: most statements declare nothing
    private Map<Table, String> aliases = Map.of();
    private Object enclosing;

    /**
     * Creates a context.
     *
     * @param style         how parameters are written
     * @param schemaMapping PostgreSQL schema names to render in place of the declared ones (may be empty)
     */
    public RenderContext(ParamStyle style, Map<String, String> schemaMapping) {
        this.style = Objects.requireNonNull(style, "style");
        this.schemaMapping = Map.copyOf(schemaMapping);
    }

    /**
     * Creates a context with no schema mapping.
     *
     * @param style how parameters are written
     */
    public RenderContext(ParamStyle style) {
        this(style, Map.of());
    }

    /**
     * Renders one part into a fresh context and returns the result.
     *
     * @param part  the part to render
     * @param style how parameters are written
     * @return SQL text and binds
     */
    public static RenderedSql render(QueryPart part, ParamStyle style) {
        RenderContext ctx = new RenderContext(style);
        ctx.visit(part);
        return ctx.result();
    }

    /**
     * Appends trusted SQL text: keywords and punctuation written by Sleet itself, never user input.
     *
     * @param text SQL text
     * @return this context
     */
    public RenderContext sql(String text) {
        sql.append(text);
        return this;
    }

    /**
     * Appends a single character of trusted SQL text.
     *
     * @param c the character
     * @return this context
     */
    public RenderContext sql(char c) {
        sql.append(c);
        return this;
    }

    /**
     * Appends SQL text a developer wrote (a raw fragment, a check constraint, a default expression). In JDBC
     * mode every {@code ?} outside literals and comments is doubled, so that pgjdbc does not take jsonb's
     * {@code ?} operator for a placeholder. Never pass user input here: values must be bound.
     *
     * @param text SQL text from schema or query code
     * @return this context
     */
    public RenderContext rawSql(String text) {
        sql.append(style == ParamStyle.JDBC ? dev.sleet.internal.SqlLexer.escapeQuestionMarks(text) : text);
        return this;
    }

    /**
     * Renders a query part in place.
     *
     * @param part the part
     * @return this context
     */
    public RenderContext visit(QueryPart part) {
        part.render(this);
        return this;
    }

    /**
     * Renders parts separated by {@code ", "}.
     *
     * @param parts the parts
     * @return this context
     */
    public RenderContext visitAll(List<? extends QueryPart> parts) {
        return visitAll(parts, ", ");
    }

    /**
     * Renders parts with a separator between them.
     *
     * @param parts     the parts
     * @param separator trusted separator text
     * @return this context
     */
    public RenderContext visitAll(List<? extends QueryPart> parts, String separator) {
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                sql.append(separator);
            }
            parts.get(i).render(this);
        }
        return this;
    }

    /**
     * Appends an identifier, always double-quoted, with embedded double quotes doubled.
     *
     * @param name the identifier as PostgreSQL should see it
     * @return this context
     */
    public RenderContext identifier(String name) {
        checkIdentifier(name);
        // appended as quoteIdentifier(name) would return it, without a String for each identifier
        sql.append('"');
        if (name.indexOf('"') < 0) {
            sql.append(name);
        } else {
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                sql.append(c);
                if (c == '"') {
                    sql.append('"');
                }
            }
        }
        sql.append('"');
        return this;
    }

    /**
     * Appends a schema-qualified name ({@code "schema"."name"}), applying the schema mapping; a {@code null}
     * schema renders the {@link #defaultSchema} when there is one, else the bare name so PostgreSQL's
     * {@code search_path} applies.
     *
     * @param schema the declared schema, or {@code null}
     * @param name   the object name
     * @return this context
     */
    public RenderContext qualified(String schema, String name) {
        String mapped = schema == null ? defaultSchema : schemaMapping.getOrDefault(schema, schema);
        if (mapped != null) {
            identifier(mapped).sql('.');
        }
        return identifier(name);
    }

    /**
     * Appends a bind parameter for {@code value}; its type decides how it is bound and whether the
     * placeholder gets a cast. In {@link ParamStyle#INLINE} mode the value is written as a literal.
     *
     * @param value the value, possibly {@code null}
     * @param type  its column type
     * @param <T>   the Java type
     * @return this context
     */
    public <T> RenderContext bind(T value, ColumnType<T> type) {
        if (style == ParamStyle.INLINE) {
            return literal(value, type);
        }
        binds.add(new Bind(value, type));
        if (style == ParamStyle.JDBC) {
            sql.append('?');
        } else {
            sql.append('$').append(binds.size());
        }
        if (type.castsParameters()) {
            sql.append("::");
            type.renderTypeName(this);
        }
        return this;
    }

    /**
     * Appends {@code value} as an SQL literal; for DDL (defaults) only, where PostgreSQL takes no parameters.
     *
     * @param value the value, possibly {@code null}
     * @param type  its column type
     * @param <T>   the Java type
     * @return this context
     */
    public <T> RenderContext literal(T value, ColumnType<T> type) {
        if (value == null) {
            sql.append("null");
        } else {
            type.renderLiteral(value, this);
        }
        return this;
    }

    /**
     * Appends a string literal in single quotes, with embedded quotes doubled. The literal is written with
     * {@code E''} syntax when it holds a backslash so that it means the same whatever
     * {@code standard_conforming_strings} is.
     *
     * @param text the text
     * @return this context
     */
    public RenderContext stringLiteral(String text) {
        sql.append(quoteLiteral(text));
        return this;
    }

    /**
     * Appends a question-mark operator such as {@code ?|}; JDBC mode doubles it so that pgjdbc does not take
     * it for a placeholder.
     *
     * @param operator the operator text, starting with {@code ?}
     * @return this context
     */
    public RenderContext questionMarkOperator(String operator) {
        sql.append(style == ParamStyle.JDBC ? operator.replace("?", "??") : operator);
        return this;
    }

    /**
     * Tells whether column references are qualified with their table ({@code "users"."id"}) or bare
     * ({@code "id"}, as in an insert's column list or an update's set clause).
     *
     * @return {@code true} when qualified
     */
    public boolean qualifyColumns() {
        return qualifyColumns;
    }

    /**
     * Renders {@code part} with column qualification switched to {@code qualify}, restoring it afterwards.
     *
     * @param qualify whether to qualify column references
     * @param part    the part to render
     * @return this context
     */
    public RenderContext withQualification(boolean qualify, QueryPart part) {
        boolean before = qualifyColumns;
        qualifyColumns = qualify;
        try {
            part.render(this);
        } finally {
            qualifyColumns = before;
        }
        return this;
    }

    /**
     * Records that a statement-level declaration (a common table expression) has been written, so that the
     * statements nested in it do not write it again.
     *
     * @param declaration the declared object
     * @return {@code true} the first time, {@code false} when it was already written
     */
    public boolean declare(Object declaration) {
        if (declared == null) {
            declared = Collections.newSetFromMap(new IdentityHashMap<>());
        }
        return declared.add(declaration);
    }

    /**
     * Renders objects declared without a schema (tables, enum types) into a schema: the tenant's schema of a
     * schema-per-tenant {@code Db}. Objects declared with a schema keep it.
     *
     * @param schema the schema, or {@code null} to leave such names bare (PostgreSQL's search path applies)
     * @return this context
     */
    public RenderContext defaultSchema(String schema) {
        this.defaultSchema = schema;
        return this;
    }

    /**
     * Makes references to a table's columns render with an alias ({@code "t1"."id"} instead of
     * {@code "users"."id"}) until {@link #restoreAliases} is called with the returned value. Relational
     * queries read the same table at several levels (an employee and their manager) and alias each level.
     *
     * @param table the table
     * @param alias the alias its columns are qualified with
     * @return the aliases in force before, for {@link #restoreAliases}
     */
    public Map<Table, String> alias(Table table, String alias) {
        Map<Table, String> before = aliases;
        Map<Table, String> next = new IdentityHashMap<>(before);
        next.put(table, alias);
        aliases = next;
        return before;
    }

    /**
     * Removes the aliases of tables that a nested select reads itself, so that inside it their columns refer to
     * its own {@code from} items, as SQL scoping has it.
     *
     * @param tables the tables the nested select reads
     * @return the aliases in force before, for {@link #restoreAliases}
     */
    public Map<Table, String> shadowAliases(List<? extends TableLike> tables) {
        Map<Table, String> before = aliases;
        if (before.isEmpty()) {
            return before;
        }
        Map<Table, String> next = null;
        for (TableLike t : tables) {
            if (t instanceof Table table && before.containsKey(table)) {
                if (next == null) {
                    next = new IdentityHashMap<>(before);
                }
                next.remove(table);
            }
        }
        if (next != null) {
            aliases = next;
        }
        return before;
    }

    /**
     * Puts back the aliases returned by {@link #alias} or {@link #shadowAliases}.
     *
     * @param before the aliases to restore
     */
    public void restoreAliases(Map<Table, String> before) {
        aliases = before;
    }

    /**
     * Returns the name a table's columns are qualified with: its alias when one is in force, else its name.
     *
     * @param table the table
     * @return the qualifier
     */
    public String qualifier(Table table) {
        String alias = aliases.get(table);
        return alias != null ? alias : table.name();
    }

    /**
     * Sets what parts rendered inside a larger construct refer to: a relational query sets the level that
     * {@code related(...)} conditions belong to.
     *
     * @param value the enclosing construct, or {@code null}
     * @return the one set before, to put back afterwards
     */
    public Object enclosing(Object value) {
        Object before = enclosing;
        enclosing = value;
        return before;
    }

    /**
     * Returns the enclosing construct set by {@link #enclosing(Object)}.
     *
     * @return the construct, or {@code null}
     */
    public Object enclosing() {
        return enclosing;
    }

    /**
     * Scopes what this context renders to a tenant: tenant-owned tables read in {@code from} and joins
     * ({@link #fromItem}) see only that tenant's rows.
     *
     * @param tenantId the tenant id, or {@code null} for no scope
     * @return this context
     */
    public RenderContext tenantScope(Object tenantId) {
        this.tenantId = tenantId;
        return this;
    }

    /**
     * Makes an unscoped context refuse tenant-owned tables in what statements read and write
     * ({@link #checkTenantAccess}), as a {@code Db} does by default.
     *
     * @param guard {@code true} to refuse
     * @return this context
     */
    public RenderContext guardTenantTables(boolean guard) {
        this.guardTenantTables = guard;
        return this;
    }

    /**
     * Switches the scope's own filters ({@link #fromItem}, {@link #tenantFiltered}) off, leaving the tenant to
     * row-level security; inserted rows still get the tenant key.
     *
     * @param filters {@code false} to render no tenant filters
     * @return this context
     */
    public RenderContext tenantFilters(boolean filters) {
        this.tenantFilters = filters;
        return this;
    }

    /**
     * Tells whether statements on a table must carry the scope's tenant filter: the context is scoped with
     * filters on and the table is tenant-owned.
     *
     * @param table the table
     * @return {@code true} to filter
     */
    public boolean tenantFiltered(Table table) {
        return tenantId != null && tenantFilters && table.tenantKey() != null;
    }

    /**
     * Fails when a statement without a tenant scope reads or writes a tenant-owned table and the context guards
     * them: a forgotten tenant is an error, not a leak.
     *
     * @param table the table read or written
     * @throws IllegalStateException when the table is tenant-owned, the context unscoped and guarded
     */
    public void checkTenantAccess(Table table) {
        if (tenantId == null && guardTenantTables && table.tenantKey() != null) {
            throw new IllegalStateException(table + " is tenant-owned (" + table.tenantKey().name() + "): reach it "
                    + "through db.forTenant(id), or through db.unscoped() where working across tenants is meant");
        }
    }

    /**
     * Returns the tenant this context is scoped to.
     *
     * @return the tenant id, or {@code null} when unscoped
     */
    public Object tenantId() {
        return tenantId;
    }

    /**
     * Appends a table, derived table or CTE as something a statement reads from. In a tenant scope, a
     * tenant-owned table becomes {@code (select * from t where tenant_key = ?) as t}: every reference to it,
     * in any join, subquery or CTE, sees only the tenant's rows, and PostgreSQL plans it as the table with the
     * filter pushed down.
     *
     * @param item what is read from
     * @return this context
     */
    public RenderContext fromItem(TableLike item) {
        if (item instanceof Table t) {
            checkTenantAccess(t);
        }
        if (item instanceof Table table && tenantFiltered(table)) {
            sql("(select * from ").visit(table).sql(" where ");
            tenantCondition(table, false);
            return sql(") as ").identifier(table.name());
        }
        return visit(item);
    }

    /**
     * Appends a table as something a statement reads from, under an alias: {@code "users" as "t1"}, or in a
     * tenant scope {@code (select * from "users" where "tenant_id" = ?) as "t1"}.
     *
     * @param table the table
     * @param alias the alias
     * @return this context
     */
    public RenderContext fromItem(Table table, String alias) {
        checkTenantAccess(table);
        if (tenantFiltered(table)) {
            sql("(select * from ").visit(table).sql(" where ");
            tenantCondition(table, false);
            sql(')');
        } else {
            visit(table);
        }
        return sql(" as ").identifier(alias);
    }

    /**
     * Appends {@code [t.]tenant_key = ?} for the scope's tenant.
     *
     * @param table     a tenant-owned table
     * @param qualified whether to qualify the column with the table name
     * @return this context
     * @throws IllegalStateException when the context has no tenant scope
     * @throws IllegalArgumentException when the tenant id is not of the key column's Java type
     */
    public RenderContext tenantCondition(Table table, boolean qualified) {
        if (qualified) {
            identifier(qualifier(table)).sql('.');
        }
        return identifier(table.tenantKey().name()).sql(" = ").tenantValue(table);
    }

    /**
     * Appends the scope's tenant id as a bind of the table's tenant key type.
     *
     * @param table a tenant-owned table
     * @return this context
     * @throws IllegalStateException when the context has no tenant scope
     * @throws IllegalArgumentException when the tenant id is not of the key column's Java type
     */
    @SuppressWarnings("unchecked")
    public RenderContext tenantValue(Table table) {
        if (tenantId == null) {
            throw new IllegalStateException("no tenant scope to render the tenant of " + table);
        }
        Column<Object> key = (Column<Object>) table.tenantKey();
        if (!key.type().javaType().isInstance(tenantId)) {
            throw new IllegalArgumentException("tenant id of type " + tenantId.getClass().getSimpleName()
                    + " does not fit " + key + ", which is " + key.type().sqlName() + " ("
                    + key.type().javaType().getSimpleName() + "); pass the tenant id as a "
                    + key.type().javaType().getSimpleName());
        }
        return bind(tenantId, key.type());
    }

    /**
     * Returns the parameter style of this context.
     *
     * @return the style
     */
    public ParamStyle style() {
        return style;
    }

    /**
     * Returns how many values have been bound so far, without building the result.
     *
     * @return the number of binds
     */
    public int bindCount() {
        return binds.size();
    }

    /**
     * Returns what has been rendered so far.
     *
     * @return SQL text and binds
     */
    public RenderedSql result() {
        return new RenderedSql(sql.toString(), binds);
    }

    /**
     * Quotes an identifier the way PostgreSQL expects.
     *
     * @param name the identifier
     * @return the quoted identifier
     * @throws IllegalArgumentException when the name is empty or holds a NUL character
     */
    public static String quoteIdentifier(String name) {
        checkIdentifier(name);
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static void checkIdentifier(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("an SQL identifier must not be empty");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an SQL identifier must not contain a NUL character");
        }
    }

    /**
     * Quotes a string literal the way PostgreSQL expects.
     *
     * @param text the text
     * @return the literal, quotes included
     */
    public static String quoteLiteral(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an SQL string literal must not contain a NUL character");
        }
        String doubled = text.replace("'", "''");
        if (doubled.indexOf('\\') >= 0) {
            return "E'" + doubled.replace("\\", "\\\\") + "'";
        }
        return "'" + doubled + "'";
    }
}
