package dev.sleet.schema.column;

import dev.sleet.render.RenderContext;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** PostgreSQL {@code real} as {@link Float}. */
public final class RealType extends ColumnType<Float> {

    /** The shared instance. */
    public static final RealType INSTANCE = new RealType();

    private RealType() {
        super("real", Float.class);
    }

    @Override
    protected void bindNonNull(PreparedStatement ps, int index, Float value) throws SQLException {
        ps.setFloat(index, value);
    }

    @Override
    protected int jdbcNullType() {
        return java.sql.Types.REAL;
    }

    @Override
    public Float read(ResultSet rs, int index) throws SQLException {
        float v = rs.getFloat(index);
        return rs.wasNull() ? null : v;
    }

    @Override
    public void renderLiteral(Float value, RenderContext ctx) {
        if (value.isNaN() || value.isInfinite()) {
            ctx.stringLiteral(value.isNaN() ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        } else {
            ctx.sql(value.toString());
        }
    }

    // Java writes NaN and Infinity as PostgreSQL reads them, and its digits read back to the same value.
    @Override
    public Float readText(String text) {
        try {
            return Float.parseFloat(text);
        } catch (NumberFormatException e) {
            throw PgText.invalid(sqlName());
        }
    }
}
