package dev.sleet.schema.column;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** PostgreSQL {@code date} as {@link java.time.LocalDate}. */
public final class DateType extends ColumnType<LocalDate> {

    /** The shared instance. */
    public static final DateType INSTANCE = new DateType();

    private DateType() {
        super("date", LocalDate.class);
    }

    @Override
    protected void bindNonNull(PreparedStatement ps, int index, LocalDate value) throws SQLException {
        ps.setObject(index, value);
    }

    @Override
    protected int jdbcNullType() {
        return java.sql.Types.DATE;
    }

    @Override
    public LocalDate read(ResultSet rs, int index) throws SQLException {
        return rs.getObject(index, LocalDate.class);
    }

    @Override
    protected Object toArrayElement(LocalDate value) {
        return value.toString();
    }
}
