package dev.sleet.schema.column;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;

/** PostgreSQL {@code time} (without time zone) as {@link java.time.LocalTime}. */
public final class TimeType extends ColumnType<LocalTime> {

    /** The shared instance. */
    public static final TimeType INSTANCE = new TimeType();

    private TimeType() {
        super("time", LocalTime.class);
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
