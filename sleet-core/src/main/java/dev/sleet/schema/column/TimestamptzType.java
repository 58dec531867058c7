package dev.sleet.schema.column;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** PostgreSQL {@code timestamptz} as {@link java.time.OffsetDateTime} (read back in UTC), microsecond precision. */
public final class TimestamptzType extends ColumnType<OffsetDateTime> {

    /** The shared instance. */
    public static final TimestamptzType INSTANCE = new TimestamptzType();

    private TimestamptzType() {
        super("timestamptz", OffsetDateTime.class);
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
}
