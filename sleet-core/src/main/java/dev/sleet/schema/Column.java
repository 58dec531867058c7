package dev.sleet.schema;

import dev.sleet.query.Field;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.column.ArrayType;
import dev.sleet.schema.column.BigintType;
import dev.sleet.schema.column.ColumnType;
import dev.sleet.schema.column.DateType;
import dev.sleet.schema.column.IntegerType;
import dev.sleet.schema.column.SmallintType;
import dev.sleet.schema.column.TimeType;
import dev.sleet.schema.column.TimestampType;
import dev.sleet.schema.column.TimestamptzType;
import dev.sleet.schema.column.UuidType;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A column of a {@link Table}, declared as a field of the table class with a factory and modifiers:
 *
 * <pre>{@code
 * public final Column<Long> id = bigint("id").primaryKey().generatedAlwaysAsIdentity();
 * public final Column<String> email = varchar("email", 255).notNull().unique();
 * }</pre>
 *
 * <p>The modifiers may be called only while the table class initialises; once the table is used (rendered,
 * inspected) it is sealed and the column is immutable. A wrong declaration throws
 * {@link SchemaDefinitionException} at once, naming the table and column.
 *
 * <p>As a {@link Field}, a column is an expression: {@code eq(USERS.id, 1L)}, {@code asc(USERS.name)}.
 *
 * @param <T> the Java type of the column's values
 */
public final class Column<T> implements Field<T>, IndexElement {

    private final Table table;
    private final String name;
    private final ColumnType<T> type;

    private boolean notNull;
    private boolean primaryKey;
    private boolean unique;
    private String uniqueName;
    private boolean uniqueNullsNotDistinct;
    private ColumnDefault defaultValue;
    private Identity identity;
    private String generatedAs;
    private Supplier<? extends Column<T>> referenceTarget;
    private OnDelete onDelete;
    private OnUpdate onUpdate;
    private Reference reference;
    private String renamedFrom;
    private String comment;

    Column(Table table, String name, ColumnType<T> type) {
        this.table = table;
        this.name = name;
        this.type = type;
    }

    // ---------------------------------------------------------------- modifiers (declaration time only)

    /**
     * Declares the column {@code NOT NULL}.
     *
     * @return this column
     */
    public Column<T> notNull() {
        declaring("notNull()");
        notNull = true;
        return this;
    }

    /**
     * Declares the column the table's tenant key: the table is tenant-owned, each row belongs to the tenant
     * this column names (implies {@code NOT NULL}). A table has at most one. The table can then ask for the
     * standard isolation policy with {@code tenantIsolationPolicy()}.
     *
     * @return this column
     */
    public Column<T> tenantKey() {
        declaring("tenantKey()");
        table.declareTenantKey(this);
        notNull = true;
        return this;
    }

    /**
     * Declares the column the table's primary key (implies {@code NOT NULL}). For a key over several columns
     * use {@code primaryKey(cols...)} in the table constructor.
     *
     * @return this column
     */
    public Column<T> primaryKey() {
        declaring("primaryKey()");
        table.declarePrimaryKey(List.of(this));
        primaryKey = true;
        notNull = true;
        return this;
    }

    /**
     * Declares a unique constraint on this column, named {@code <table>_<column>_unique}.
     *
     * @return this column
     */
    public Column<T> unique() {
        return unique(Naming.constraintName(table.name(), name, "unique"));
    }

    /**
     * Declares a unique constraint on this column with the given name.
     *
     * @param constraintName the constraint name
     * @return this column
     */
    public Column<T> unique(String constraintName) {
        declaring("unique()");
        Naming.checkIdentifier(constraintName, () -> "unique constraint on " + this);
        unique = true;
        uniqueName = constraintName;
        return this;
    }

    /**
     * Declares a unique constraint on this column under which nulls count as equal (PostgreSQL 15+,
     * {@code UNIQUE NULLS NOT DISTINCT}): at most one row may hold null.
     *
     * @return this column
     */
    public Column<T> uniqueNullsNotDistinct() {
        unique();
        uniqueNullsNotDistinct = true;
        return this;
    }

    /**
     * Declares a constant default.
     *
     * @param value the default, not {@code null} (a column without default already defaults to null)
     * @return this column
     */
    public Column<T> defaultValue(T value) {
        declaring("defaultValue(...)");
        if (value == null) {
            throw fail("defaultValue(null) is not a default; leave the default out instead");
        }
        if (!type.accepts(value)) {
            throw fail("default value of type " + value.getClass().getName() + " does not fit column type "
                    + type.sqlName() + " (expects " + type.javaType().getName() + ")");
        }
        setDefault(new ColumnDefault.Value(value, type));
        return this;
    }

    /**
     * Declares a default written as SQL, e.g. {@code defaultSql("gen_random_uuid()")} or
     * {@code defaultSql("'{}'::text[]")}. The text goes into DDL unchanged: schema code only.
     *
     * @param sql the default expression
     * @return this column
     */
    public Column<T> defaultSql(String sql) {
        declaring("defaultSql(...)");
        if (sql == null || sql.isBlank()) {
            throw fail("defaultSql needs an SQL expression");
        }
        setDefault(new ColumnDefault.Sql(sql));
        return this;
    }

    /**
     * Declares the default {@code now()}; for {@code date}, {@code time}, {@code timestamp} and
     * {@code timestamptz} columns.
     *
     * @return this column
     */
    public Column<T> defaultNow() {
        declaring("defaultNow()");
        if (!(type instanceof TimestamptzType || type instanceof TimestampType || type instanceof DateType
                || type instanceof TimeType)) {
            throw fail("defaultNow() needs a date or time column, but the type is " + type.sqlName());
        }
        setDefault(new ColumnDefault.Now());
        return this;
    }

    /**
     * Declares the default {@code gen_random_uuid()}; for {@code uuid} columns.
     *
     * @return this column
     */
    public Column<T> defaultRandom() {
        declaring("defaultRandom()");
        if (!(type instanceof UuidType)) {
            throw fail("defaultRandom() needs a uuid column, but the type is " + type.sqlName());
        }
        setDefault(new ColumnDefault.RandomUuid());
        return this;
    }

    /**
     * Declares a foreign key to another table's column, resolved lazily so that tables may reference each
     * other: {@code references(() -> Tenants.TENANTS.id)}.
     *
     * @param target the referenced column, usually a primary key
     * @return this column
     */
    public Column<T> references(Supplier<? extends Column<T>> target) {
        return references(target, OnDelete.NO_ACTION, OnUpdate.NO_ACTION);
    }

    /**
     * Declares a foreign key with an {@code ON DELETE} action.
     *
     * @param target   the referenced column
     * @param onDelete what happens when the referenced row is deleted
     * @return this column
     */
    public Column<T> references(Supplier<? extends Column<T>> target, OnDelete onDelete) {
        return references(target, onDelete, OnUpdate.NO_ACTION);
    }

    /**
     * Declares a foreign key with {@code ON DELETE} and {@code ON UPDATE} actions.
     *
     * @param target   the referenced column
     * @param onDelete what happens when the referenced row is deleted
     * @param onUpdate what happens when the referenced key changes
     * @return this column
     */
    public Column<T> references(Supplier<? extends Column<T>> target, OnDelete onDelete, OnUpdate onUpdate) {
        declaring("references(...)");
        this.referenceTarget = Objects.requireNonNull(target, "target");
        this.onDelete = Objects.requireNonNull(onDelete, "onDelete");
        this.onUpdate = Objects.requireNonNull(onUpdate, "onUpdate");
        return this;
    }

    /**
     * Declares an identity column whose values PostgreSQL always generates ({@code GENERATED ALWAYS AS
     * IDENTITY}); for {@code smallint}, {@code integer} and {@code bigint}.
     *
     * @return this column
     */
    public Column<T> generatedAlwaysAsIdentity() {
        return identity(true, IdentityOptions.DEFAULTS);
    }

    /**
     * Declares an always-generated identity column with sequence options.
     *
     * @param options start, increment, limits, cache, cycle
     * @return this column
     */
    public Column<T> generatedAlwaysAsIdentity(IdentityOptions options) {
        return identity(true, options);
    }

    /**
     * Declares an identity column that takes a value when one is given ({@code GENERATED BY DEFAULT AS
     * IDENTITY}).
     *
     * @return this column
     */
    public Column<T> generatedByDefaultAsIdentity() {
        return identity(false, IdentityOptions.DEFAULTS);
    }

    /**
     * Declares a by-default identity column with sequence options.
     *
     * @param options start, increment, limits, cache, cycle
     * @return this column
     */
    public Column<T> generatedByDefaultAsIdentity(IdentityOptions options) {
        return identity(false, options);
    }

    /**
     * Declares a stored generated column ({@code GENERATED ALWAYS AS (sql) STORED}), e.g.
     * {@code generatedAlwaysAs("lower(email)")}. The expression is schema code and goes into DDL unchanged.
     *
     * @param sql the expression over other columns of the row
     * @return this column
     */
    public Column<T> generatedAlwaysAs(String sql) {
        declaring("generatedAlwaysAs(...)");
        if (sql == null || sql.isBlank()) {
            throw fail("generatedAlwaysAs needs an SQL expression");
        }
        if (defaultValue != null || identity != null) {
            throw fail("a generated column cannot also have a default or be an identity");
        }
        generatedAs = sql;
        return this;
    }

    /**
     * Declares a check constraint on the table, written next to the column it is about:
     * {@code integer("age").check("users_age_check", "age >= 0")}.
     *
     * @param name the constraint name
     * @param sql  the boolean expression, schema code written into DDL unchanged
     * @return this column
     */
    public Column<T> check(String name, String sql) {
        declaring("check(...)");
        table.declareCheck(name, sql);
        return this;
    }

    /**
     * Declares that this column had another name in the previous migration, so the migrations kit generates a
     * rename ({@code alter table ... rename column}) instead of a drop and an add, without asking. Remove the
     * hint once the migration is generated.
     *
     * @param oldName the previous name
     * @return this column
     */
    public Column<T> renamedFrom(String oldName) {
        declaring("renamedFrom(...)");
        Naming.checkIdentifier(oldName, () -> "column " + this + ": renamedFrom");
        if (oldName.equals(name)) {
            throw fail("renamedFrom(\"" + oldName + "\") names the column's own name");
        }
        renamedFrom = oldName;
        return this;
    }

    /**
     * Describes the column ({@code COMMENT ON COLUMN}).
     *
     * @param text the comment
     * @return this column
     */
    public Column<T> comment(String text) {
        declaring("comment(...)");
        if (text == null || text.isBlank()) {
            throw fail("comment(...) needs a text");
        }
        comment = text;
        return this;
    }

    /**
     * Returns the comment declared with {@link #comment(String)}, or {@code null}.
     *
     * @return the comment
     */
    public String comment() {
        return comment;
    }

    /**
     * Returns the previous name declared with {@link #renamedFrom(String)}, or {@code null}.
     *
     * @return the previous name
     */
    public String previousName() {
        return renamedFrom;
    }

    /**
     * Turns this column into a one-dimensional array of its type: {@code text("tags").array()} is a
     * {@code text[]} column of {@code List<String>}. Call it right after the factory.
     *
     * @return the array column, which replaces this one in the table
     */
    public Column<List<T>> array() {
        declaring("array()");
        if (type instanceof ArrayType) {
            throw fail("array() was called twice; PostgreSQL arrays are multi-dimensional values of one type");
        }
        if (defaultValue instanceof ColumnDefault.Value || identity != null || primaryKey || unique
                || referenceTarget != null) {
            throw fail("call array() right after the column factory, before defaults, keys, unique, references "
                    + "and identity");
        }
        Column<List<T>> array = new Column<>(table, name, new ArrayType<>(type));
        array.notNull = notNull;
        array.defaultValue = defaultValue;
        array.generatedAs = generatedAs;
        array.renamedFrom = renamedFrom;
        array.comment = comment;
        table.replaceColumn(this, array);
        return array;
    }

    private Column<T> identity(boolean always, IdentityOptions options) {
        declaring(always ? "generatedAlwaysAsIdentity()" : "generatedByDefaultAsIdentity()");
        if (!(type instanceof SmallintType || type instanceof IntegerType || type instanceof BigintType)
                || type.sqlName().contains("serial")) {
            throw fail("identity columns must be smallint, integer or bigint, but the type is " + type.sqlName());
        }
        if (defaultValue != null || generatedAs != null) {
            throw fail("an identity column cannot also have a default or a generated expression");
        }
        if (identity != null) {
            throw fail("the identity is declared twice");
        }
        identity = new Identity(always, Objects.requireNonNull(options, "options"));
        notNull = true;
        return this;
    }

    private void setDefault(ColumnDefault value) {
        if (identity != null || generatedAs != null) {
            throw fail("an identity or generated column cannot also have a default");
        }
        if (defaultValue != null) {
            throw fail("the default is declared twice");
        }
        defaultValue = value;
    }

    private void declaring(String modifier) {
        table.checkDeclaring(() -> "column " + this + ": " + modifier);
    }

    private SchemaDefinitionException fail(String message) {
        return new SchemaDefinitionException("table \"" + table.qualifiedName() + "\", column \"" + name + "\": "
                + message);
    }

    // ---------------------------------------------------------------- resolution at seal time

    void resolve() {
        if (referenceTarget == null || reference != null) {
            return;
        }
        Column<T> target;
        try {
            target = referenceTarget.get();
        } catch (RuntimeException | ExceptionInInitializerError e) {
            throw new SchemaDefinitionException("table \"" + table.qualifiedName() + "\", column \"" + name
                    + "\": the referenced column could not be resolved: " + e);
        }
        if (target == null) {
            throw fail("references(...) supplied null; is the referenced table's constant declared after its use "
                    + "in a static initialiser?");
        }
        if (!sameStorageType(type, target.type)) {
            throw fail("references " + target + " of type " + target.type.sqlName() + " but is "
                    + type.sqlName() + "; a foreign key needs matching types");
        }
        String fkName = Naming.constraintName(table.name(),
                name + "_" + target.table().name() + "_" + target.name(), "fk");
        reference = new Reference(target, onDelete, onUpdate, fkName);
    }

    static boolean sameStorageType(ColumnType<?> a, ColumnType<?> b) {
        return storageName(a).equals(storageName(b));
    }

    private static String storageName(ColumnType<?> t) {
        return switch (t.sqlName()) {
            case "serial" -> "integer";
            case "bigserial" -> "bigint";
            default -> t.sqlName();
        };
    }

    // ---------------------------------------------------------------- model accessors

    /**
     * Returns the table this column belongs to.
     *
     * @return the table
     */
    public Table table() {
        return table;
    }

    /** Returns the column name as PostgreSQL knows it. */
    @Override
    public String name() {
        return name;
    }

    /** Returns the column's data type. */
    @Override
    public ColumnType<T> type() {
        return type;
    }

    /**
     * Tells whether the column is {@code NOT NULL} (primary keys and identities are).
     *
     * @return {@code true} when nulls are refused
     */
    public boolean isNotNull() {
        return notNull;
    }

    /**
     * Tells whether the column alone is the primary key.
     *
     * @return {@code true} for a single-column primary key
     */
    public boolean isPrimaryKey() {
        return primaryKey;
    }

    /**
     * Returns the name of the column's own unique constraint, or {@code null} when it has none.
     *
     * @return the constraint name
     */
    public String uniqueConstraintName() {
        return unique ? uniqueName : null;
    }

    /**
     * Tells whether the column's unique constraint treats nulls as equal.
     *
     * @return {@code true} for {@code NULLS NOT DISTINCT}
     */
    public boolean isUniqueNullsNotDistinct() {
        return uniqueNullsNotDistinct;
    }

    /**
     * Returns the declared default, or {@code null}.
     *
     * @return the default
     */
    public ColumnDefault defaultValue() {
        return defaultValue;
    }

    /**
     * Returns the identity generation, or {@code null} when the column is not an identity.
     *
     * @return the identity
     */
    public Identity identity() {
        return identity;
    }

    /**
     * Returns the expression of a stored generated column, or {@code null}.
     *
     * @return the expression
     */
    public String generatedExpression() {
        return generatedAs;
    }

    Reference resolvedReference() {
        return reference;
    }

    /**
     * Returns the column's foreign key, resolved, or {@code null} when it references nothing.
     *
     * @return the reference
     */
    public Reference reference() {
        table.seal();
        return reference;
    }

    /**
     * Tells whether PostgreSQL supplies a value when an insert leaves the column out: a default, an identity,
     * a generated expression or a serial type.
     *
     * @return {@code true} when omitting the column does not mean null
     */
    public boolean hasGeneratedOrDefaultValue() {
        return defaultValue != null || identity != null || generatedAs != null
                || type.sqlName().endsWith("serial");
    }

    /**
     * Returns the bare column name as a query part, for the places of hand-written SQL where PostgreSQL does
     * not accept a qualified name: {@code sql("update {0} set {1} = {2}", USERS, USERS.name.unqualified(), v)}.
     *
     * @return the part rendering {@code "column"}
     */
    public dev.sleet.render.QueryPart unqualified() {
        return ctx -> ctx.identifier(name);
    }

    /** Renders {@code "table"."column"}, or the bare {@code "column"} where SQL wants it unqualified. */
    @Override
    public void render(RenderContext ctx) {
        if (ctx.qualifyColumns()) {
            ctx.identifier(ctx.qualifier(table)).sql('.');
        }
        ctx.identifier(name);
    }

    @Override
    public String toString() {
        return table.qualifiedName() + "." + name;
    }
}
