package dev.sleet.schema.column;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/** PostgreSQL {@code timestamp} (without time zone) as {@link java.time.LocalDateTime}, microsecond precision. */
public final class TimestampType extends ColumnType<LocalDateTime> {

    /** The shared instance. */
    public static final TimestampType INSTANCE = new TimestampType();

    private TimestampType() {
        super("timestamp", LocalDateTime.class);
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
}
