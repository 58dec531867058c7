package dev.sleet.schema.column;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** PostgreSQL {@code uuid} as {@link java.util.UUID}. */
public final class UuidType extends ColumnType<UUID> {

    /** The shared instance. */
    public static final UuidType INSTANCE = new UuidType();

    private UuidType() {
        super("uuid", UUID.class);
    }

    @Override
    protected void bindNonNull(PreparedStatement ps, int index, UUID value) throws SQLException {
        ps.setObject(index, value);
    }

    @Override
    protected int jdbcNullType() {
        return java.sql.Types.OTHER;
    }

    @Override
    public UUID read(ResultSet rs, int index) throws SQLException {
        return rs.getObject(index, UUID.class);
    }

    @Override
    protected Object toArrayElement(UUID value) {
        return value;
    }

    @Override
    public UUID readText(String text) {
        try {
            return UUID.fromString(text);
        } catch (RuntimeException e) {
            throw PgText.invalid(sqlName());
        }
    }
}
