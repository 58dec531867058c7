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

    // LocalDate.MAX and MIN stand for PostgreSQL's infinity, as in pgjdbc.
    @Override
    public void writeText(LocalDate value, StringBuilder out) {
        if (value.equals(LocalDate.MAX) || value.equals(LocalDate.MIN)) {
            out.append(value.equals(LocalDate.MAX) ? "infinity" : "-infinity");
        } else if (PgText.appendDate(value, out)) {
            out.append(" BC");
        }
    }

    @Override
    public LocalDate readText(String text) {
        if (text.equals("infinity") || text.equals("-infinity")) {
            return text.equals("infinity") ? LocalDate.MAX : LocalDate.MIN;
        }
        PgText.Cursor cursor = new PgText.Cursor(text, sqlName());
        LocalDate date = cursor.date();
        cursor.end();
        return date;
    }
}
