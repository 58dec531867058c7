package dev.sleet.schema;

import dev.sleet.query.TableLike;
import dev.sleet.render.ParamStyle;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.column.BigintType;
import dev.sleet.schema.column.BooleanType;
import dev.sleet.schema.column.ByteaType;
import dev.sleet.schema.column.CharacterType;
import dev.sleet.schema.column.CidrType;
import dev.sleet.schema.column.ColumnType;
import dev.sleet.schema.column.DateType;
import dev.sleet.schema.column.DoublePrecisionType;
import dev.sleet.schema.column.InetType;
import dev.sleet.schema.column.IntegerType;
import dev.sleet.schema.column.IntervalType;
import dev.sleet.schema.column.JsonType;
import dev.sleet.schema.column.MacaddrType;
import dev.sleet.schema.column.NumericType;
import dev.sleet.schema.column.RealType;
import dev.sleet.schema.column.SmallintType;
import dev.sleet.schema.column.TextType;
import dev.sleet.schema.column.TimeType;
import dev.sleet.schema.column.TimestampType;
import dev.sleet.schema.column.TimestamptzType;
import dev.sleet.schema.column.UuidType;
import dev.sleet.schema.column.VarcharType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A PostgreSQL table, declared as a Java class: columns are public final fields made by the factories of this
 * class, table-level constraints and indexes are declared in the constructor.
 *
 * <pre>{@code
 * public final class Users extends Table {
 *     public static final Users USERS = new Users();
 *
 *     public final Column<Long> id = bigint("id").primaryKey().generatedAlwaysAsIdentity();
 *     public final Column<String> email = varchar("email", 255).notNull().unique();
 *
 *     private Users() {
 *         super("users");                  // or super("app", "users")
 *         index("users_email_idx").on(email);
 *     }
 * }
 * }</pre>
 *
 * <p>A wrong declaration throws {@link SchemaDefinitionException} while the class initialises. The table is
 * sealed (immutable) the first time it is used; references to other tables are resolved then, which is what
 * lets two tables reference each other.
 */
public abstract class Table implements TableLike {

    /** The setting that holds the current tenant, transaction-local: {@value}. */
    public static final String TENANT_SETTING = "app.current_tenant";

    private final String schema;
    private final String name;
    private final List<Column<?>> columns = new ArrayList<>();
    private final List<IndexBuilder> indexBuilders = new ArrayList<>();
    private final List<ForeignKeyBuilder> foreignKeyBuilders = new ArrayList<>();
    private final Map<UniqueBuilder, List<Column<?>>> uniqueBuilders = new LinkedHashMap<>();
    private final List<CheckConstraint> checks = new ArrayList<>();
    private final List<PolicyBuilder> policyBuilders = new ArrayList<>();
    private List<Column<?>> primaryKeyColumns;
    private String primaryKeyName;
    private Column<?> tenantKey;
    private final Map<String, EnumSet<Privilege>> grants = new TreeMap<>();
    private String renamedFrom;
    private boolean rowLevelSecurity;
    private boolean forceRowLevelSecurity;
    private String comment;

    private volatile boolean sealed;
    private List<Column<?>> sealedColumns;
    private List<Index> indexes;
    private List<ForeignKey> foreignKeys;
    private List<UniqueConstraint> uniques;
    private PrimaryKey primaryKey;
    private List<Policy> policies;

    /**
     * Declares a table in the default schema ({@code search_path}).
     *
     * @param name the table name
     */
    protected Table(String name) {
        this(null, name);
    }

    /**
     * Declares a table in a PostgreSQL schema.
     *
     * @param schema the schema, or {@code null} for the default
     * @param name   the table name
     */
    protected Table(String schema, String name) {
        Naming.checkIdentifier(name, () -> "table name in " + getClass().getName());
        if (schema != null) {
            Naming.checkIdentifier(schema, () -> "schema name of table " + name);
        }
        this.schema = schema;
        this.name = name;
    }

    // ---------------------------------------------------------------- column factories

    /**
     * Declares a {@code smallint} column.
     *
     * @param name the column name
     * @return the column, for modifiers
     */
    protected final Column<Short> smallint(String name) {
        return column(name, SmallintType.INSTANCE);
    }

    /**
     * Declares an {@code integer} column.
     *
     * @param name the column name
     * @return the column, for modifiers
     */
    protected final Column<Integer> integer(String name) {
        return column(name, IntegerType.INSTANCE);
    }

    /**
     * Declares a {@code bigint} column.
     *
     * @param name the column name
     * @return the column, for modifiers
     */
    protected final Column<Long> bigint(String name) {
        return column(name, BigintType.INSTANCE);
    }

    /**
     * Declares a {@code serial} column (an integer with an owned sequence); prefer identity columns in new
     * schemas.
     *
     * @param name the column name
     * @return the column, for modifiers
     */
    protected final Column<Integer> serial(String name) {
        return column(name, IntegerType.SERIAL).notNull();
    }

    /**
     * Declares a {@code smallserial} column (a smallint with an owned sequence).
     *
     * @param name the column name
     * @return the column, for modifiers
     */
    protected final Column<Short> smallserial(String name) {
        return column(name, SmallintType.SMALLSERIAL).notNull();
    }

    /**
     * Declares a {@code bigserial} column (a bigint with an owned sequence).
     *
     * @param name the column name
     * @return the column, for modifiers
     */
    protected final Column<Long> bigserial(String name) {
        return column(name, BigintType.BIGSERIAL).notNull();
    }

    /**
     * Declares a {@code numeric(precision, scale)} column.
     *
     * @param name      the column name
     * @param precision total digits, 1 to 1000
     * @param scale     digits after the point, 0 to {@code precision}
     * @return the column, for modifiers
     */
    protected final Column<BigDecimal> numeric(String name, int precision, int scale) {
        return column(name, () -> new NumericType(precision, scale));
    }

    /**
     * Declares an unconstrained {@code numeric} column.
     *
     * @param name the column name
     * @return the column, for modifiers
     */
    protected final Column<BigDecimal> numeric(String name) {
        return column(name, NumericType.UNCONSTRAINED);
    }

    /**
     * Declares a {@code real} (4-byte float) column.
     *
     * @param name the column name
     * @return the column, for modifiers
     */
    protected final Column<Float> real(String name) {
        return column(name, RealType.INSTANCE);
    }

    /**
     * Declares a {@code double precision} column.
     *
     * @param name the column name
     * @return the column, for modifiers
     */
    protected final Column<Double> doublePrecision(String name) {
        return column(name, DoublePrecisionType.INSTANCE);
    }

    /**
     * Declares a {@code boolean} column.
     *
     * @param name the column name
     * @return the column, for modifiers
     */
    protected final Column<Boolean> bool(String name) {
        return column(name, BooleanType.INSTANCE);
    }

    /**
     * Declares a {@code text} column.
     *
     * @param name the column name
     * @return the column, for modifiers
     */
    protected final Column<String> text(String name) {
        return column(name, TextType.INSTANCE);
    }

    /**
     * Declares a {@code varchar(length)} column.
     *
     * @param name   the column name
     * @param length the maximum length in characters, at least 1
     * @return the column, for modifiers
     */
    protected final Column<String> varchar(String name, int length) {
        return column(name, () -> new VarcharType(length));
    }

    /**
     * Declares a {@code character(length)} column; PostgreSQL pads values with spaces to the length.
     *
     * @param name   the column name
     * @param length the length in characters, at least 1
     * @return the column, for modifiers
     */
    protected final Column<String> character(String name, int length) {
        return column(name, () -> new CharacterType(length));
    }

    /**
     * Declares a {@code uuid} column.
     *
     * @param name the column name
     * @return the column, for modifiers
     */
    protected final Column<UUID> uuid(String name) {
        return column(name, UuidType.INSTANCE);
    }

    /**
     * Declares a {@code date} column.
     *
     * @param name the column name
     * @return the column, for modifiers
     */
    protected final Column<LocalDate> date(String name) {
        return column(name, DateType.INSTANCE);
    }

    /**
     * Declares a {@code time} (without time zone) column.
     *
     * @param name the column name
     * @return the column, for modifiers
     */
    protected final Column<LocalTime> time(String name) {
        return column(name, TimeType.INSTANCE);
    }

    /**
     * Declares a {@code time(precision)} column, whose values PostgreSQL rounds to {@code precision} digits
     * after the second.
     *
     * @param name      the column name
     * @param precision 0 to 6
     * @return the column, for modifiers
     */
    protected final Column<LocalTime> time(String name, int precision) {
        try {
            return column(name, TimeType.withPrecision(precision));
        } catch (IllegalArgumentException e) {
            throw new SchemaDefinitionException("column \"" + name + "\": " + e.getMessage());
        }
    }

    /**
     * Declares a {@code timestamp} (without time zone) column.
     *
     * @param name the column name
     * @return the column, for modifiers
     */
    protected final Column<LocalDateTime> timestamp(String name) {
        return column(name, TimestampType.INSTANCE);
    }

    /**
     * Declares a {@code timestamp(precision)} column, whose values PostgreSQL rounds to {@code precision} digits
     * after the second.
     *
     * @param name      the column name
     * @param precision 0 to 6
     * @return the column, for modifiers
     */
    protected final Column<LocalDateTime> timestamp(String name, int precision) {
        try {
            return column(name, TimestampType.withPrecision(precision));
        } catch (IllegalArgumentException e) {
            throw new SchemaDefinitionException("column \"" + name + "\": " + e.getMessage());
        }
    }

    /**
     * Declares a {@code timestamptz} column: an instant, read back as an {@link OffsetDateTime} in UTC.
     *
     * @param name the column name
     * @return the column, for modifiers
     */
    protected final Column<OffsetDateTime> timestamptz(String name) {
        return column(name, TimestamptzType.INSTANCE);
    }

    /**
     * Declares a {@code timestamptz(precision)} column, whose values PostgreSQL rounds to {@code precision} digits
     * after the second.
     *
     * @param name      the column name
     * @param precision 0 to 6
     * @return the column, for modifiers
     */
    protected final Column<OffsetDateTime> timestamptz(String name, int precision) {
        try {
            return column(name, TimestamptzType.withPrecision(precision));
        } catch (IllegalArgumentException e) {
            throw new SchemaDefinitionException("column \"" + name + "\": " + e.getMessage());
        }
    }

    /**
     * Declares an {@code interval} column.
     *
     * @param name the column name
     * @return the column, for modifiers
     */
    protected final Column<Interval> interval(String name) {
        return column(name, IntervalType.INSTANCE);
    }

    /**
     * Declares a {@code json} column whose documents Jackson converts to and from {@code type}.
     *
     * @param name the column name
     * @param type a record, class, {@code Map}, {@code List} or {@code JsonNode}
     * @param <T>  the document type
     * @return the column, for modifiers
     */
    protected final <T> Column<T> json(String name, Class<T> type) {
        return column(name, new JsonType<>(false, type));
    }

    /**
     * Declares a {@code jsonb} column whose documents Jackson converts to and from {@code type}.
     *
     * @param name the column name
     * @param type a record, class, {@code Map}, {@code List} or {@code JsonNode}
     * @param <T>  the document type
     * @return the column, for modifiers
     */
    protected final <T> Column<T> jsonb(String name, Class<T> type) {
        return column(name, new JsonType<>(true, type));
    }

    /**
     * Declares a {@code bytea} column.
     *
     * @param name the column name
     * @return the column, for modifiers
     */
    protected final Column<byte[]> bytea(String name) {
        return column(name, ByteaType.INSTANCE);
    }

    /**
     * Declares an {@code inet} column (host address, text form).
     *
     * @param name the column name
     * @return the column, for modifiers
     */
    protected final Column<String> inet(String name) {
        return column(name, InetType.INSTANCE);
    }

    /**
     * Declares a {@code cidr} column (network, text form).
     *
     * @param name the column name
     * @return the column, for modifiers
     */
    protected final Column<String> cidr(String name) {
        return column(name, CidrType.INSTANCE);
    }

    /**
     * Declares a {@code macaddr} column (text form).
     *
     * @param name the column name
     * @return the column, for modifiers
     */
    protected final Column<String> macaddr(String name) {
        return column(name, MacaddrType.INSTANCE);
    }

    /**
     * Declares a column of a PostgreSQL enum type.
     *
     * @param name    the column name
     * @param pgEnum  the enum type
     * @param <E>     the Java enum
     * @return the column, for modifiers
     */
    protected final <E extends Enum<E>> Column<E> enumeration(String name, PgEnum<E> pgEnum) {
        if (pgEnum == null) {
            throw new SchemaDefinitionException("table \"" + qualifiedName() + "\", column \"" + name
                    + "\": the enum is null; declare the PgEnum constant before the tables that use it");
        }
        return column(name, pgEnum.type());
    }

    /**
     * Declares a column of any {@link ColumnType}, for types without a factory of their own.
     *
     * @param name the column name
     * @param type the type
     * @param <T>  the Java type
     * @return the column, for modifiers
     */
    protected final <T> Column<T> column(String name, ColumnType<T> type) {
        checkDeclaring(() -> "column \"" + name + "\"");
        Naming.checkIdentifier(name, () -> "table \"" + qualifiedName() + "\", column");
        for (Column<?> c : columns) {
            if (c.name().equals(name)) {
                throw new SchemaDefinitionException("table \"" + qualifiedName() + "\": column \"" + name
                        + "\" is declared twice");
            }
        }
        Column<T> column = new Column<>(this, name, type);
        columns.add(column);
        return column;
    }

    private <T> Column<T> column(String name, Supplier<ColumnType<T>> type) {
        ColumnType<T> t;
        try {
            t = type.get();
        } catch (IllegalArgumentException e) {
            throw new SchemaDefinitionException("table \"" + qualifiedName() + "\", column \"" + name + "\": "
                    + e.getMessage());
        }
        return column(name, t);
    }

    // ---------------------------------------------------------------- table-level declarations

    /**
     * Declares an index.
     *
     * @param name the index name
     * @return the builder; call {@code on(...)}
     */
    protected final IndexBuilder index(String name) {
        return addIndex(name, false);
    }

    /**
     * Declares a unique index.
     *
     * @param name the index name
     * @return the builder; call {@code on(...)}
     */
    protected final IndexBuilder uniqueIndex(String name) {
        return addIndex(name, true);
    }

    private IndexBuilder addIndex(String name, boolean unique) {
        checkDeclaring(() -> "index \"" + name + "\"");
        Naming.checkIdentifier(name, () -> "table \"" + qualifiedName() + "\", index");
        IndexBuilder builder = new IndexBuilder(this, name, unique);
        indexBuilders.add(builder);
        return builder;
    }

    /**
     * Declares a primary key over several columns.
     *
     * @param columns the key columns, in order
     */
    protected final void primaryKey(Column<?>... columns) {
        checkDeclaring(() -> "primaryKey(...)");
        if (columns.length == 0) {
            throw new SchemaDefinitionException("table \"" + qualifiedName() + "\": primaryKey() needs columns");
        }
        declarePrimaryKey(List.of(columns));
    }

    /**
     * Declares a primary key with a name of its own, for a database whose key is not named
     * {@code <table>_pkey}.
     *
     * @param name    the constraint name
     * @param columns the key columns, in order
     */
    protected final void primaryKey(String name, Column<?>... columns) {
        checkDeclaring(() -> "primaryKey(\"" + name + "\", ...)");
        Naming.checkIdentifier(name, () -> "primary key of table \"" + qualifiedName() + "\"");
        primaryKey(columns);
        primaryKeyName = name;
    }

    /**
     * Declares a unique constraint over several columns.
     *
     * @param name    the constraint name
     * @param columns the columns
     * @return a builder for {@code nullsNotDistinct()}
     */
    protected final UniqueBuilder unique(String name, Column<?>... columns) {
        checkDeclaring(() -> "unique constraint \"" + name + "\"");
        Naming.checkIdentifier(name, () -> "table \"" + qualifiedName() + "\", unique constraint");
        if (columns.length == 0) {
            throw new SchemaDefinitionException("table \"" + qualifiedName() + "\", unique constraint \"" + name
                    + "\": needs at least one column");
        }
        ownColumns(List.of(columns), "unique constraint \"" + name + "\"");
        UniqueBuilder builder = new UniqueBuilder(this, name);
        uniqueBuilders.put(builder, List.of(columns));
        return builder;
    }

    /**
     * Declares a foreign key over several columns.
     *
     * @param name the constraint name
     * @return the builder; call {@code columns(...)} and {@code references(...)}
     */
    protected final ForeignKeyBuilder foreignKey(String name) {
        checkDeclaring(() -> "foreign key \"" + name + "\"");
        Naming.checkIdentifier(name, () -> "table \"" + qualifiedName() + "\", foreign key");
        ForeignKeyBuilder builder = new ForeignKeyBuilder(this, name);
        foreignKeyBuilders.add(builder);
        return builder;
    }

    /**
     * Declares a check constraint.
     *
     * @param name the constraint name
     * @param sql  the boolean expression, schema code written into DDL unchanged
     */
    protected final void check(String name, String sql) {
        checkDeclaring(() -> "check \"" + name + "\"");
        declareCheck(name, sql);
    }

    /**
     * Declares that this table had another name in the previous migration, so the migrations kit generates a
     * rename instead of a drop and a create. Remove the hint once the migration is generated.
     *
     * @param oldTableName the previous name, in the same schema
     */
    protected final void renamedFrom(String oldTableName) {
        checkDeclaring(() -> "renamedFrom(...)");
        Naming.checkIdentifier(oldTableName, () -> "table \"" + qualifiedName() + "\": renamedFrom");
        renamedFrom = oldTableName;
    }

    /**
     * Turns row-level security on ({@code ALTER TABLE ... ENABLE ROW LEVEL SECURITY}): rows are then visible
     * only through a policy, except to the table's owner and to roles with {@code BYPASSRLS}. Declaring a
     * {@link #policy(String)} turns it on as well.
     */
    protected final void enableRowLevelSecurity() {
        checkDeclaring(() -> "enableRowLevelSecurity()");
        rowLevelSecurity = true;
    }

    /**
     * Applies row-level security to the table's owner too ({@code FORCE ROW LEVEL SECURITY}), and turns it on.
     * Without it, an application that connects as the owner sees every row whatever the policies say.
     */
    protected final void forceRowLevelSecurity() {
        checkDeclaring(() -> "forceRowLevelSecurity()");
        rowLevelSecurity = true;
        forceRowLevelSecurity = true;
    }

    /**
     * Declares the standard tenant isolation policy and turns row-level security on: a policy named
     * {@code <table>_tenant_isolation} for every command, whose {@code USING} and {@code WITH CHECK} are
     * {@code <tenant key> = nullif(current_setting('app.current_tenant', true), '')::<key type>}. A session
     * whose transaction has not set the tenant ({@code set_config('app.current_tenant', id, true)}, which a
     * tenant-scoped {@code Db} does) sees no rows and can write none. The table owner bypasses row-level
     * security unless {@link #forceRowLevelSecurity()} is declared too.
     *
     * @throws SchemaDefinitionException when no column is the {@code tenantKey()}
     */
    protected final void tenantIsolationPolicy() {
        checkDeclaring(() -> "tenantIsolationPolicy()");
        if (tenantKey == null) {
            throw new SchemaDefinitionException("table \"" + qualifiedName() + "\": tenantIsolationPolicy() needs a "
                    + "column declared tenantKey(), declared before the policy");
        }
        String condition = RenderContext.quoteIdentifier(tenantKey.name()) + " = nullif(current_setting('"
                + TENANT_SETTING + "', true), '')::" + castType(tenantKey);
        policy(Naming.withSuffix(name, "tenant_isolation")).using(condition).withCheck(condition);
    }

    /** The type to cast the setting to: the key's type, with serial types as their integer type. */
    private static String castType(Column<?> key) {
        return switch (key.type().sqlName()) {
            case "smallserial" -> "smallint";
            case "serial" -> "integer";
            case "bigserial" -> "bigint";
            default -> RenderContext.render(key.type()::renderTypeName, ParamStyle.INLINE).sql();
        };
    }

    /**
     * Returns the tenant key column, or {@code null} when the table is not tenant-owned.
     *
     * @return the column declared {@code tenantKey()}
     */
    public final Column<?> tenantKey() {
        return tenantKey;
    }

    void declareTenantKey(Column<?> column) {
        if (tenantKey != null && tenantKey != column) {
            throw new SchemaDefinitionException("table \"" + qualifiedName() + "\": " + tenantKey.name() + " is already "
                    + "the tenant key; a table has one");
        }
        tenantKey = column;
    }

    /**
     * Grants table privileges to a role ({@code GRANT ... ON table TO role}). Several grants to one role add up.
     * The role must be declared in the schema (a {@link PgRole} field, {@link PgRole#existing} for one the
     * platform owns), as {@code Schema.of} checks.
     *
     * @param role       the role
     * @param privileges the privileges, at least one
     */
    protected final void grant(PgRole role, Privilege... privileges) {
        grant(Objects.requireNonNull(role, "role").name(), privileges);
    }

    /**
     * Grants table privileges to a role by name, such as {@code "public"} or a role {@code sleet pull} found.
     *
     * @param role       the role name
     * @param privileges the privileges, at least one
     */
    protected final void grant(String role, Privilege... privileges) {
        checkDeclaring(() -> "grant to " + role);
        if (privileges.length == 0) {
            throw new SchemaDefinitionException("table \"" + qualifiedName() + "\": grant to " + role
                    + " needs at least one privilege");
        }
        grants.computeIfAbsent(Objects.requireNonNull(role, "role"), r -> EnumSet.noneOf(Privilege.class))
                .addAll(List.of(privileges));
    }

    /**
     * Returns the privileges granted on this table, by role name.
     *
     * @return the grants, sorted by role
     */
    public final List<Grant> grants() {
        List<Grant> out = new ArrayList<>();
        grants.forEach((role, privileges) -> out.add(new Grant(role, new ArrayList<>(privileges))));
        return out;
    }

    /**
     * Declares a row-level security policy and turns row-level security on.
     *
     * @param name the policy name, unique within the table
     * @return the builder for {@code as}, {@code forCommand}, {@code to}, {@code using} and {@code withCheck}
     */
    protected final PolicyBuilder policy(String name) {
        checkDeclaring(() -> "policy \"" + name + "\"");
        Naming.checkIdentifier(name, () -> "table \"" + qualifiedName() + "\", policy");
        for (PolicyBuilder b : policyBuilders) {
            if (b.name().equals(name)) {
                throw new SchemaDefinitionException("table \"" + qualifiedName() + "\": policy \"" + name
                        + "\" is declared twice");
            }
        }
        PolicyBuilder builder = new PolicyBuilder(this, name);
        policyBuilders.add(builder);
        rowLevelSecurity = true;
        return builder;
    }

    /**
     * Describes the table ({@code COMMENT ON TABLE}); the comment is kept in the catalog and shown by
     * {@code \d+} and database tools.
     *
     * @param text the comment
     */
    protected final void comment(String text) {
        checkDeclaring(() -> "comment(...)");
        if (text == null || text.isBlank()) {
            throw new SchemaDefinitionException("table \"" + qualifiedName() + "\": comment(...) needs a text");
        }
        comment = text;
    }

    /**
     * Returns the previous name declared with {@code renamedFrom(...)}, or {@code null}.
     *
     * @return the previous name
     */
    public final String previousName() {
        return renamedFrom;
    }

    /**
     * An ascending index element, for {@code nullsFirst()}, {@code nullsLast()} or {@code opclass(...)}.
     *
     * @param column the column
     * @return the element
     */
    protected static IndexColumn asc(Column<?> column) {
        return new IndexColumn(column, false, null, null);
    }

    /**
     * A descending index element.
     *
     * @param column the column
     * @return the element
     */
    protected static IndexColumn desc(Column<?> column) {
        return new IndexColumn(column, true, null, null);
    }

    /**
     * An expression index element, e.g. {@code expression("lower(email)")}; schema code written into DDL
     * unchanged.
     *
     * @param sql the expression
     * @return the element
     */
    protected static IndexExpression expression(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new SchemaDefinitionException("an index expression must not be blank");
        }
        return new IndexExpression(sql);
    }

    // ---------------------------------------------------------------- declaration bookkeeping

    void declarePrimaryKey(List<Column<?>> key) {
        if (primaryKeyColumns != null) {
            throw new SchemaDefinitionException("table \"" + qualifiedName() + "\": a second primary key is declared on "
                    + names(key) + " but the table already has one on " + names(primaryKeyColumns)
                    + "; use primaryKey(col1, col2) for a key over several columns");
        }
        ownColumns(key, "primary key");
        for (Column<?> c : key) {
            if (!c.isNotNull() && key.size() > 1) {
                c.notNull();
            }
        }
        primaryKeyColumns = List.copyOf(key);
    }

    void declareCheck(String name, String sql) {
        Naming.checkIdentifier(name, () -> "table \"" + qualifiedName() + "\", check constraint");
        if (sql == null || sql.isBlank()) {
            throw new SchemaDefinitionException("table \"" + qualifiedName() + "\", check \"" + name
                    + "\": needs an SQL expression");
        }
        for (CheckConstraint c : checks) {
            if (c.name().equals(name)) {
                throw new SchemaDefinitionException("table \"" + qualifiedName() + "\": check \"" + name
                        + "\" is declared twice");
            }
        }
        checks.add(new CheckConstraint(name, sql));
    }

    void replaceColumn(Column<?> old, Column<?> replacement) {
        int i = columns.indexOf(old);
        if (i < 0) {
            throw new SchemaDefinitionException("table \"" + qualifiedName() + "\", column \"" + old.name()
                    + "\": array() was already applied to this column; use the column it returned");
        }
        columns.set(i, replacement);
    }

    void checkDeclaring(Supplier<String> what) {
        if (sealed) {
            throw new SchemaDefinitionException("table \"" + qualifiedName() + "\" is already in use; "
                    + what.get() + " can only be declared while the table class initialises");
        }
    }

    private void ownColumns(List<Column<?>> list, String what) {
        for (Column<?> c : list) {
            if (c.table() != this) {
                throw new SchemaDefinitionException("table \"" + qualifiedName() + "\", " + what + ": column "
                        + c + " belongs to another table");
            }
            if (!columns.contains(c)) {
                throw new SchemaDefinitionException("table \"" + qualifiedName() + "\", " + what + ": column \""
                        + c.name() + "\" was replaced by its array() form; use that column instead");
            }
        }
    }

    private static String names(List<Column<?>> key) {
        List<String> names = new ArrayList<>();
        for (Column<?> c : key) {
            names.add(c.name());
        }
        return String.join(", ", names);
    }

    /**
     * Seals the table: resolves references, builds the constraint and index lists and makes the table
     * immutable. Called on first use; calling it again does nothing.
     */
    final void seal() {
        if (sealed) {
            return;
        }
        synchronized (this) {
            if (sealed) {
                return;
            }
            List<ForeignKey> fks = new ArrayList<>();
            List<UniqueConstraint> uqs = new ArrayList<>();
            for (Column<?> c : columns) {
                c.resolve();
                if (c.uniqueConstraintName() != null) {
                    uqs.add(new UniqueConstraint(c.uniqueConstraintName(), List.of(c), c.isUniqueNullsNotDistinct()));
                }
            }
            // The column's reference is read through its field here: reference() would re-enter seal().
            for (Column<?> c : columns) {
                Reference r = c.resolvedReference();
                if (r != null) {
                    fks.add(new ForeignKey(r.name(), List.of(c), List.of(r.target()), r.onDelete(), r.onUpdate()));
                }
            }
            for (ForeignKeyBuilder b : foreignKeyBuilders) {
                fks.add(b.build());
            }
            uniqueBuilders.forEach((b, cols) -> uqs.add(new UniqueConstraint(b.name(), cols, b.isNullsNotDistinct())));
            List<Index> idx = new ArrayList<>();
            for (IndexBuilder b : indexBuilders) {
                idx.add(b.build());
            }
            this.sealedColumns = List.copyOf(columns);
            this.foreignKeys = Collections.unmodifiableList(fks);
            this.uniques = Collections.unmodifiableList(uqs);
            this.indexes = Collections.unmodifiableList(idx);
            List<Policy> pols = new ArrayList<>();
            for (PolicyBuilder b : policyBuilders) {
                pols.add(b.build());
            }
            this.policies = List.copyOf(pols);
            this.primaryKey = primaryKeyColumns == null ? null
                    : new PrimaryKey(primaryKeyName != null ? primaryKeyName : Naming.withSuffix(name, "pkey"),
                    primaryKeyColumns);
            this.sealed = true;
        }
    }

    // ---------------------------------------------------------------- model accessors

    /**
     * Returns the PostgreSQL schema, or {@code null} for the default.
     *
     * @return the schema
     */
    public final String schema() {
        return schema;
    }

    /**
     * Returns the table name.
     *
     * @return the name
     */
    public final String name() {
        return name;
    }

    /**
     * Returns {@code schema.name}, or the bare name; for messages.
     *
     * @return the qualified name
     */
    public final String qualifiedName() {
        return schema == null ? name : schema + "." + name;
    }

    /**
     * Returns the columns in declaration order.
     *
     * @return the columns
     */
    public final List<Column<?>> columns() {
        seal();
        return sealedColumns;
    }

    /**
     * Returns the column with the given name.
     *
     * @param columnName the column name
     * @return the column
     * @throws IllegalArgumentException when the table has no such column
     */
    public final Column<?> column(String columnName) {
        for (Column<?> c : columns()) {
            if (c.name().equals(columnName)) {
                return c;
            }
        }
        throw new IllegalArgumentException("table \"" + qualifiedName() + "\" has no column \"" + columnName + "\"");
    }

    /**
     * Returns the primary key, or {@code null} when the table has none.
     *
     * @return the primary key
     */
    public final PrimaryKey primaryKey() {
        seal();
        return primaryKey;
    }

    /**
     * Returns the unique constraints, column-level ones first.
     *
     * @return the constraints
     */
    public final List<UniqueConstraint> uniqueConstraints() {
        seal();
        return uniques;
    }

    /**
     * Returns the foreign keys, column-level ones first.
     *
     * @return the foreign keys
     */
    public final List<ForeignKey> foreignKeys() {
        seal();
        return foreignKeys;
    }

    /**
     * Returns the check constraints.
     *
     * @return the checks
     */
    public final List<CheckConstraint> checks() {
        seal();
        return Collections.unmodifiableList(checks);
    }

    /**
     * Returns the indexes.
     *
     * @return the indexes
     */
    public final List<Index> indexes() {
        seal();
        return indexes;
    }

    /**
     * Tells whether row-level security is on.
     *
     * @return {@code true} after {@code enableRowLevelSecurity()}, {@code forceRowLevelSecurity()} or a policy
     */
    public final boolean isRowLevelSecurityEnabled() {
        return rowLevelSecurity;
    }

    /**
     * Tells whether row-level security applies to the table's owner too.
     *
     * @return {@code true} after {@code forceRowLevelSecurity()}
     */
    public final boolean isRowLevelSecurityForced() {
        return forceRowLevelSecurity;
    }

    /**
     * Returns the row-level security policies, in declaration order.
     *
     * @return the policies
     */
    public final List<Policy> policies() {
        seal();
        return policies;
    }

    /**
     * Returns the table's comment, or {@code null}.
     *
     * @return the comment
     */
    public final String comment() {
        return comment;
    }

    /**
     * Returns the columns, as {@link TableLike} offers them.
     *
     * @return the columns
     */
    @Override
    public final List<Column<?>> fields() {
        return columns();
    }

    /** Renders the (schema-qualified) table name. */
    @Override
    public void render(RenderContext ctx) {
        ctx.qualified(schema, name);
    }

    @Override
    public String toString() {
        return qualifiedName();
    }
}
