package dev.sleet.schema.column;

import dev.sleet.render.RenderContext;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** PostgreSQL {@code bytea} as {@code byte[]}. */
public final class ByteaType extends ColumnType<byte[]> {

    /** The shared instance. */
    public static final ByteaType INSTANCE = new ByteaType();

    private ByteaType() {
        super("bytea", byte[].class);
    }

    @Override
    protected void bindNonNull(PreparedStatement ps, int index, byte[] value) throws SQLException {
        ps.setBytes(index, value);
    }

    @Override
    protected int jdbcNullType() {
        return java.sql.Types.BINARY;
    }

    @Override
    public byte[] read(ResultSet rs, int index) throws SQLException {
        return rs.getBytes(index);
    }

    @Override
    public void renderLiteral(byte[] value, RenderContext ctx) {
        ctx.stringLiteral(hex(value)).sql("::bytea");
    }

    // pgjdbc's createArrayOf refuses byte[] elements inside an Object[]; the hex text form travels instead.
    @Override
    protected Object toArrayElement(byte[] value) {
        return hex(value);
    }

    private static String hex(byte[] value) {
        StringBuilder hex = new StringBuilder(2 + value.length * 2).append("\\x");
        for (byte b : value) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }

    @Override
    public boolean accepts(Object value) {
        return value instanceof byte[];
    }
}
