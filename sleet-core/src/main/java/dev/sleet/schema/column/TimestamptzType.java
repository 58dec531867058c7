package dev.sleet.schema.column;

import java.time.ZoneOffset;
import java.time.LocalTime;
import java.time.LocalDate;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** PostgreSQL {@code timestamptz} as {@link java.time.OffsetDateTime} (read back in UTC), microsecond precision. */
public final class TimestamptzType extends ColumnType<OffsetDateTime> {

    /** The shared instance. */
    public static final TimestamptzType INSTANCE = new TimestamptzType();

    private TimestamptzType(String sqlName) {
        super(sqlName, OffsetDateTime.class);
    }

    private TimestamptzType() {
        this("timestamptz");
    }

    /**
     * Returns the type with a fractional-seconds precision: {@code timestamptz(p)}, rounding values to
     * {@code p} digits after the second.
     *
     * @param precision 0 to 6
     * @return the type
     * @throws IllegalArgumentException for a precision PostgreSQL does not allow
     */
    public static TimestamptzType withPrecision(int precision) {
        if (precision < 0 || precision > 6) {
            throw new IllegalArgumentException("timestamptz precision " + precision + " is not between 0 and 6");
        }
        return new TimestamptzType("timestamptz(" + precision + ")");
    }

    @Override
    protected String arrayElementTypeName() {
        return "timestamptz";
    }

    @Override
    protected void bindNonNull(PreparedStatement ps, int index, OffsetDateTime value) throws SQLException {
        ps.setObject(index, value);
    }

    @Override
    protected int jdbcNullType() {
        return java.sql.Types.TIMESTAMP_WITH_TIMEZONE;
    }

    @Override
    public OffsetDateTime read(ResultSet rs, int index) throws SQLException {
        return rs.getObject(index, OffsetDateTime.class);
    }

    @Override
    protected Object toArrayElement(OffsetDateTime value) {
        return value.toString();
    }

    // OffsetDateTime.MAX and MIN stand for PostgreSQL's infinity, as in pgjdbc.
    @Override
    public void writeText(OffsetDateTime value, StringBuilder out) {
        if (value.equals(OffsetDateTime.MAX) || value.equals(OffsetDateTime.MIN)) {
            out.append(value.equals(OffsetDateTime.MAX) ? "infinity" : "-infinity");
            return;
        }
        boolean bc = PgText.appendDate(value.toLocalDate(), out);
        out.append(' ');
        PgText.appendTime(value.toLocalTime(), out);
        PgText.appendOffset(value.getOffset(), out);
        if (bc) {
            out.append(" BC");
        }
    }

    /** Reads the session-zone text PostgreSQL writes; the result is in UTC, as {@link #read} returns it. */
    @Override
    public OffsetDateTime readText(String text) {
        if (text.equals("infinity") || text.equals("-infinity")) {
            return text.equals("infinity") ? OffsetDateTime.MAX : OffsetDateTime.MIN;
        }
        PgText.Cursor cursor = new PgText.Cursor(text, sqlName());
        LocalDate date = cursor.date();
        cursor.expect(' ');
        LocalTime time = cursor.time();
        ZoneOffset offset = cursor.offset();
        cursor.end();
        return OffsetDateTime.of(date, time, offset).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
