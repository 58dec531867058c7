package dev.sleet.internal.expr;

import dev.sleet.schema.column.ColumnType;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * A value whose PostgreSQL type Sleet does not know (an enum label passed to {@code sql(...)}, a {@code null}):
 * sent as text of unspecified type, so that PostgreSQL infers the type from where the parameter stands.
 */
final class UnknownType extends ColumnType<Object> {

    static final UnknownType INSTANCE = new UnknownType();

    private UnknownType() {
        super("unknown", Object.class);
    }

    @Override
    protected void bindNonNull(PreparedStatement ps, int index, Object value) throws SQLException {
        ps.setObject(index, value instanceof Enum<?> e ? e.name() : value.toString(), Types.OTHER);
    }

    @Override
    public Object read(ResultSet rs, int index) throws SQLException {
        return rs.getString(index);
    }

    @Override
    public Object readText(String text) {
        return text;   // a type Sleet does not know is read as its text
    }
}
