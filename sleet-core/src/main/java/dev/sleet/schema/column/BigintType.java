package dev.sleet.schema.column;

import dev.sleet.render.RenderContext;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * PostgreSQL {@code bigint} as {@link Long}.
 */
public final class BigintType extends ColumnType<Long> {

    /** The shared instance. */
    public static final BigintType INSTANCE = new BigintType("bigint");

    /** The {@code bigserial} pseudo-type: the same values, with an owned sequence as the default. */
    public static final BigintType BIGSERIAL = new BigintType("bigserial");

    private BigintType(String sqlName) {
        super(sqlName, Long.class);
    }

    @Override
    protected void bindNonNull(PreparedStatement ps, int index, Long value) throws SQLException {
        ps.setLong(index, value);
    }

    @Override
    protected int jdbcNullType() {
        return java.sql.Types.BIGINT;
    }

    @Override
    public Long read(ResultSet rs, int index) throws SQLException {
        long v = rs.getLong(index);
        return rs.wasNull() ? null : v;
    }

    @Override
    public void renderLiteral(Long value, RenderContext ctx) {
        ctx.sql(value.toString());
    }

    /** Appends the digits directly, without a {@code String} per value. */
    @Override
    public void writeText(Long value, StringBuilder out) {
        out.append(value.longValue());
    }

    @Override
    public Long readText(String text) {
        try {
            return Long.valueOf(text);
        } catch (RuntimeException e) {
            throw PgText.invalid(sqlName());
        }
    }
}
