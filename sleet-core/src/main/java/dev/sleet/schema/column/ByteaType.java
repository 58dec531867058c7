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

    @Override
    public void writeText(byte[] value, StringBuilder out) {
        out.append(hex(value));
    }

    /** Reads the hex form ({@code bytea_output = hex}, the default) or the older escape form. */
    @Override
    public byte[] readText(String text) {
        if (text.startsWith("\\x")) {
            int n = (text.length() - 2) / 2;
            if ((text.length() - 2) % 2 != 0) {
                throw PgText.invalid(sqlName());
            }
            byte[] out = new byte[n];
            for (int i = 0; i < n; i++) {
                int hi = Character.digit(text.charAt(2 + 2 * i), 16);
                int lo = Character.digit(text.charAt(3 + 2 * i), 16);
                if (hi < 0 || lo < 0) {
                    throw PgText.invalid(sqlName());
                }
                out[i] = (byte) (hi << 4 | lo);
            }
            return out;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                if (c > 0xFF) {
                    throw PgText.invalid(sqlName());
                }
                out.write(c);
            } else if (i + 1 < text.length() && text.charAt(i + 1) == '\\') {
                out.write('\\');
                i++;
            } else if (i + 3 < text.length() && isOctal(text.charAt(i + 1)) && isOctal(text.charAt(i + 2))
                    && isOctal(text.charAt(i + 3))) {
                // three octal digits; parsed by hand so that an error never quotes the value
                out.write((text.charAt(i + 1) - '0') << 6 | (text.charAt(i + 2) - '0') << 3 | (text.charAt(i + 3) - '0'));
                i += 3;
            } else {
                throw PgText.invalid(sqlName());
            }
        }
        return out.toByteArray();
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }
}
