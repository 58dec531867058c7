package dev.sleet.schema.column;

import java.time.LocalTime;
import java.time.LocalDate;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/** PostgreSQL {@code timestamp} (without time zone) as {@link java.time.LocalDateTime}, microsecond precision. */
public final class TimestampType extends ColumnType<LocalDateTime> {

    /** The shared instance. */
    public static final TimestampType INSTANCE = new TimestampType();

    private TimestampType(String sqlName) {
        super(sqlName, LocalDateTime.class);
    }

    private TimestampType() {
        this("timestamp");
    }

    /**
     * Returns the type with a fractional-seconds precision: {@code timestamp(p)}, rounding values to
     * {@code p} digits after the second.
     *
     * @param precision 0 to 6
     * @return the type
     * @throws IllegalArgumentException for a precision PostgreSQL does not allow
     */
    public static TimestampType withPrecision(int precision) {
        if (precision < 0 || precision > 6) {
            throw new IllegalArgumentException("timestamp precision " + precision + " is not between 0 and 6");
        }
        return new TimestampType("timestamp(" + precision + ")");
    }

    @Override
    protected String arrayElementTypeName() {
        return "timestamp";
    }

    @Override
    protected void bindNonNull(PreparedStatement ps, int index, LocalDateTime value) throws SQLException {
        ps.setObject(index, value);
    }

    @Override
    protected int jdbcNullType() {
        return java.sql.Types.TIMESTAMP;
    }

    @Override
    public LocalDateTime read(ResultSet rs, int index) throws SQLException {
        return rs.getObject(index, LocalDateTime.class);
    }

    @Override
    protected Object toArrayElement(LocalDateTime value) {
        return value.toString();
    }

    // LocalDateTime.MAX and MIN stand for PostgreSQL's infinity, as in pgjdbc.
    @Override
    public void writeText(LocalDateTime value, StringBuilder out) {
        if (value.equals(LocalDateTime.MAX) || value.equals(LocalDateTime.MIN)) {
            out.append(value.equals(LocalDateTime.MAX) ? "infinity" : "-infinity");
            return;
        }
        boolean bc = PgText.appendDate(value.toLocalDate(), out);
        out.append(' ');
        PgText.appendTime(value.toLocalTime(), out);
        if (bc) {
            out.append(" BC");
        }
    }

    @Override
    public LocalDateTime readText(String text) {
        if (text.equals("infinity") || text.equals("-infinity")) {
            return text.equals("infinity") ? LocalDateTime.MAX : LocalDateTime.MIN;
        }
        PgText.Cursor cursor = new PgText.Cursor(text, sqlName());
        LocalDate date = cursor.date();
        cursor.expect(' ');
        LocalTime time = cursor.time();
        cursor.end();
        return LocalDateTime.of(date, time);
    }
}
