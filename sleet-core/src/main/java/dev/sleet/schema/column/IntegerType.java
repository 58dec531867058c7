package dev.sleet.schema.column;

import dev.sleet.render.RenderContext;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * PostgreSQL {@code integer} as {@link Integer}.
 */
public final class IntegerType extends ColumnType<Integer> {

    /** The shared instance. */
    public static final IntegerType INSTANCE = new IntegerType("integer");

    /** The {@code serial} pseudo-type: the same values, with an owned sequence as the default. */
    public static final IntegerType SERIAL = new IntegerType("serial");

    private IntegerType(String sqlName) {
        super(sqlName, Integer.class);
    }

    @Override
    protected void bindNonNull(PreparedStatement ps, int index, Integer value) throws SQLException {
        ps.setInt(index, value);
    }

    @Override
    protected int jdbcNullType() {
        return java.sql.Types.INTEGER;
    }

    @Override
    public Integer read(ResultSet rs, int index) throws SQLException {
        int v = rs.getInt(index);
        return rs.wasNull() ? null : v;
    }

    @Override
    public void renderLiteral(Integer value, RenderContext ctx) {
        ctx.sql(value.toString());
    }

    /** Appends the digits directly, without a {@code String} per value. */
    @Override
    public void writeText(Integer value, StringBuilder out) {
        out.append(value.intValue());
    }

    @Override
    public Integer readText(String text) {
        try {
            return Integer.valueOf(text);
        } catch (RuntimeException e) {
            throw PgText.invalid(sqlName());
        }
    }
}
