package dev.sleet.schema.column;

import dev.sleet.render.RenderContext;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/**
 * A PostgreSQL data type and its Java counterpart: how values are bound to a statement, read from a result,
 * written as a literal in DDL and named in casts.
 *
 * <p>Instances are immutable and shared. Each PostgreSQL type has its own file in this package; the column
 * factories of {@link dev.sleet.schema.Table} choose them.
 *
 * @param <T> the Java type of values
 */
public abstract class ColumnType<T> {

    private final String sqlName;
    private final Class<?> javaType;

    /**
     * Creates a type.
     *
     * @param sqlName  the PostgreSQL type as written in DDL, e.g. {@code varchar(255)}
     * @param javaType the Java class of values
     */
    protected ColumnType(String sqlName, Class<?> javaType) {
        this.sqlName = Objects.requireNonNull(sqlName, "sqlName");
        this.javaType = Objects.requireNonNull(javaType, "javaType");
    }

    /**
     * Returns the type as written in DDL, e.g. {@code bigint}, {@code varchar(255)}, {@code "user_role"}.
     *
     * @return the SQL type name
     */
    public String sqlName() {
        return sqlName;
    }

    /**
     * Returns the Java class of values ({@link java.util.List} for arrays).
     *
     * @return the Java class
     */
    public Class<?> javaType() {
        return javaType;
    }

    /**
     * Renders the type's name for DDL and casts. Types whose name is an identifier (enums) quote it.
     *
     * @param ctx the render context
     */
    public void renderTypeName(RenderContext ctx) {
        ctx.sql(sqlName);
    }

    /**
     * Tells whether bind parameters of this type need an explicit cast ({@code ?::jsonb}) because the JDBC
     * driver sends them as text.
     *
     * @return {@code true} when a cast is rendered after each placeholder
     */
    public boolean castsParameters() {
        return false;
    }

    /**
     * Tells whether {@code value} is acceptable for this type.
     *
     * @param value a non-null value
     * @return {@code true} when the value has the right Java type
     */
    public boolean accepts(Object value) {
        return javaType.isInstance(value);
    }

    /**
     * Binds a value to a statement parameter.
     *
     * @param ps    the statement
     * @param index the 1-based parameter index
     * @param value the value, possibly {@code null}
     * @throws SQLException when the driver refuses
     */
    public final void bind(PreparedStatement ps, int index, T value) throws SQLException {
        if (value == null) {
            ps.setNull(index, jdbcNullType());
        } else {
            bindNonNull(ps, index, value);
        }
    }

    /**
     * Binds a value of unchecked type, as held by a {@link dev.sleet.render.Bind}.
     *
     * @param ps    the statement
     * @param index the 1-based parameter index
     * @param value the value, possibly {@code null}
     * @throws SQLException when the driver refuses
     */
    @SuppressWarnings("unchecked")
    public final void bindObject(PreparedStatement ps, int index, Object value) throws SQLException {
        bind(ps, index, (T) value);
    }

    /**
     * Binds a non-null value.
     *
     * @param ps    the statement
     * @param index the 1-based parameter index
     * @param value the value
     * @throws SQLException when the driver refuses
     */
    protected abstract void bindNonNull(PreparedStatement ps, int index, T value) throws SQLException;

    /**
     * Returns the {@link java.sql.Types} code used to bind {@code null}.
     *
     * @return a JDBC type code
     */
    protected int jdbcNullType() {
        return java.sql.Types.OTHER;
    }

    /**
     * Reads a value from a result column.
     *
     * @param rs    the result set, positioned on a row
     * @param index the 1-based column index
     * @return the value, or {@code null} for SQL NULL
     * @throws SQLException when the driver cannot convert the value
     */
    public abstract T read(ResultSet rs, int index) throws SQLException;

    /**
     * Writes a non-null value as an SQL literal (DDL defaults).
     *
     * @param value the value
     * @param ctx   the render context
     */
    public void renderLiteral(T value, RenderContext ctx) {
        ctx.stringLiteral(value.toString());
    }

    /**
     * Appends a non-null value in PostgreSQL's text input form, the form a cast from {@code text} accepts
     * ({@code 2024-05-01 10:00:00+02}, {@code {"a","b"}}, {@code \x00ff}); {@code COPY ... FROM STDIN} sends
     * values this way, and escapes the result for its own format afterwards. The default is
     * {@code value.toString()}; types whose Java text differs from PostgreSQL's override it.
     *
     * @param value the value
     * @param out   where the text goes
     */
    public void writeText(T value, StringBuilder out) {
        out.append(value);
    }

    /**
     * Parses a value from PostgreSQL's text output form, as {@code COPY ... TO STDOUT} (after unescaping) and
     * casts to {@code text} produce it; the reverse of {@link #writeText}. Error messages never repeat the
     * text, which can be a secret.
     *
     * @param text the text, never {@code null} (SQL NULL is handled by the caller)
     * @return the value
     * @throws IllegalArgumentException when the text is not a value of this type
     */
    public abstract T readText(String text);

    /**
     * Returns the form in which a value travels inside a JDBC array: the value itself for types the driver
     * encodes in arrays, its PostgreSQL text form otherwise.
     *
     * @param value a non-null value
     * @return the array element
     */
    protected Object toArrayElement(T value) {
        return value;
    }

    /**
     * Returns the base type name the driver uses for arrays of this type ({@code Connection.createArrayOf}).
     *
     * @return the element type name
     */
    protected String arrayElementTypeName() {
        return sqlName;
    }

    /**
     * Reads a {@link java.sql.Array} column's elements with this type.
     *
     * @param array the array
     * @param out   where elements are added
     * @throws SQLException when the driver cannot read an element
     */
    void readArrayElements(Array array, java.util.List<T> out) throws SQLException {
        try (ResultSet rs = array.getResultSet()) {
            while (rs.next()) {
                out.add(read(rs, 2));
            }
        }
    }

    @Override
    public String toString() {
        return sqlName;
    }
}
