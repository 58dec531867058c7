package dev.sleet.schema.column;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;

/** PostgreSQL {@code time} (without time zone) as {@link java.time.LocalTime}. */
public final class TimeType extends ColumnType<LocalTime> {

    /** The shared instance. */
    public static final TimeType INSTANCE = new TimeType();

    private TimeType(String sqlName) {
        super(sqlName, LocalTime.class);
    }

    private TimeType() {
        this("time");
    }

    /**
     * Returns the type with a fractional-seconds precision: {@code time(p)}, rounding values to
     * {@code p} digits after the second.
     *
     * @param precision 0 to 6
     * @return the type
     * @throws IllegalArgumentException for a precision PostgreSQL does not allow
     */
    public static TimeType withPrecision(int precision) {
        if (precision < 0 || precision > 6) {
            throw new IllegalArgumentException("time precision " + precision + " is not between 0 and 6");
        }
        return new TimeType("time(" + precision + ")");
    }

    @Override
    protected String arrayElementTypeName() {
        return "time";
    }

    @Override
    protected void bindNonNull(PreparedStatement ps, int index, LocalTime value) throws SQLException {
        ps.setObject(index, value);
    }

    @Override
    protected int jdbcNullType() {
        return java.sql.Types.TIME;
    }

    @Override
    public LocalTime read(ResultSet rs, int index) throws SQLException {
        return rs.getObject(index, LocalTime.class);
    }

    @Override
    protected Object toArrayElement(LocalTime value) {
        return value.toString();
    }

    @Override
    public void writeText(LocalTime value, StringBuilder out) {
        PgText.appendTime(value, out);
    }

    @Override
    public LocalTime readText(String text) {
        PgText.Cursor cursor = new PgText.Cursor(text, sqlName());
        LocalTime time = cursor.time();
        cursor.end();
        return time;
    }
}
