package dev.sleet.schema.column;

import dev.sleet.render.RenderContext;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** PostgreSQL {@code smallint} as {@link Short}. */
public final class SmallintType extends ColumnType<Short> {

    /** The shared instance. */
    public static final SmallintType INSTANCE = new SmallintType();

    /** The {@code smallserial} pseudo-type: the same values, with an owned sequence as the default. */
    public static final SmallintType SMALLSERIAL = new SmallintType("smallserial");

    private SmallintType(String sqlName) {
        super(sqlName, Short.class);
    }

    private SmallintType() {
        this("smallint");
    }

    @Override
    protected void bindNonNull(PreparedStatement ps, int index, Short value) throws SQLException {
        ps.setShort(index, value);
    }

    @Override
    protected int jdbcNullType() {
        return java.sql.Types.SMALLINT;
    }

    @Override
    public Short read(ResultSet rs, int index) throws SQLException {
        short v = rs.getShort(index);
        return rs.wasNull() ? null : v;
    }

    @Override
    public void renderLiteral(Short value, RenderContext ctx) {
        ctx.sql(value.toString());
    }

    /** Appends the digits directly, without a {@code String} per value. */
    @Override
    public void writeText(Short value, StringBuilder out) {
        out.append(value.intValue());
    }

    @Override
    public Short readText(String text) {
        try {
            return Short.valueOf(text);
        } catch (RuntimeException e) {
            throw PgText.invalid(sqlName());
        }
    }
}
