package dev.sleet.schema.column;

import dev.sleet.render.RenderContext;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** PostgreSQL {@code numeric(precision, scale)} (or unconstrained {@code numeric}) as {@link BigDecimal}. */
public final class NumericType extends ColumnType<BigDecimal> {

    /** Unconstrained {@code numeric}. */
    public static final NumericType UNCONSTRAINED = new NumericType();

    private final Integer precision;
    private final Integer scale;

    private NumericType() {
        super("numeric", BigDecimal.class);
        this.precision = null;
        this.scale = null;
    }

    /**
     * Creates {@code numeric(precision, scale)}.
     *
     * @param precision total digits, 1 to 1000
     * @param scale     digits after the point, 0 to {@code precision}
     * @throws IllegalArgumentException when out of range
     */
    public NumericType(int precision, int scale) {
        super("numeric(" + precision + ", " + scale + ")", BigDecimal.class);
        if (precision < 1 || precision > 1000) {
            throw new IllegalArgumentException("numeric precision must be between 1 and 1000, got " + precision);
        }
        if (scale < 0 || scale > precision) {
            throw new IllegalArgumentException("numeric scale must be between 0 and the precision " + precision
                    + ", got " + scale);
        }
        this.precision = precision;
        this.scale = scale;
    }

    /**
     * Returns the precision, or {@code null} when unconstrained.
     *
     * @return the precision
     */
    public Integer precision() {
        return precision;
    }

    /**
     * Returns the scale, or {@code null} when unconstrained.
     *
     * @return the scale
     */
    public Integer scale() {
        return scale;
    }

    @Override
    protected void bindNonNull(PreparedStatement ps, int index, BigDecimal value) throws SQLException {
        ps.setBigDecimal(index, value);
    }

    @Override
    protected int jdbcNullType() {
        return java.sql.Types.NUMERIC;
    }

    @Override
    public BigDecimal read(ResultSet rs, int index) throws SQLException {
        return rs.getBigDecimal(index);
    }

    @Override
    public void renderLiteral(BigDecimal value, RenderContext ctx) {
        ctx.sql(value.toPlainString());
    }

    @Override
    protected String arrayElementTypeName() {
        return "numeric";
    }

    // toPlainString: PostgreSQL reads 1E+3, but scientific notation in a COPY file surprises other readers.
    @Override
    public void writeText(BigDecimal value, StringBuilder out) {
        out.append(value.toPlainString());
    }

    @Override
    public BigDecimal readText(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            // NaN and ±Infinity are numeric values PostgreSQL has and BigDecimal lacks.
            throw new IllegalArgumentException("a " + sqlName() + " value is not a finite number; BigDecimal "
                    + "cannot hold NaN or Infinity");
        }
    }
}
