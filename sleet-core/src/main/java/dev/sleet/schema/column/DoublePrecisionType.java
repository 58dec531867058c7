package dev.sleet.schema.column;

import dev.sleet.render.RenderContext;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** PostgreSQL {@code double precision} as {@link Double}. */
public final class DoublePrecisionType extends ColumnType<Double> {

    /** The shared instance. */
    public static final DoublePrecisionType INSTANCE = new DoublePrecisionType();

    private DoublePrecisionType() {
        super("double precision", Double.class);
    }

    @Override
    protected void bindNonNull(PreparedStatement ps, int index, Double value) throws SQLException {
        ps.setDouble(index, value);
    }

    @Override
    protected int jdbcNullType() {
        return java.sql.Types.DOUBLE;
    }

    @Override
    public Double read(ResultSet rs, int index) throws SQLException {
        double v = rs.getDouble(index);
        return rs.wasNull() ? null : v;
    }

    @Override
    public void renderLiteral(Double value, RenderContext ctx) {
        if (value.isNaN() || value.isInfinite()) {
            ctx.stringLiteral(value.isNaN() ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        } else {
            ctx.sql(value.toString());
        }
    }

    // Java writes NaN and Infinity as PostgreSQL reads them, and its digits read back to the same value.
    @Override
    public Double readText(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw PgText.invalid(sqlName());
        }
    }
}
