package dev.sleet.schema.column;

import dev.sleet.render.RenderContext;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** PostgreSQL {@code character(n)} as {@link String}; PostgreSQL pads values with spaces to the length. */
public final class CharacterType extends ColumnType<String> {

    private final int length;

    /**
     * Creates {@code character(length)}.
     *
     * @param length the maximum length in characters, at least 1
     * @throws IllegalArgumentException when {@code length < 1}
     */
    public CharacterType(int length) {
        super("character(" + length + ")", String.class);
        if (length < 1) {
            throw new IllegalArgumentException("character length must be at least 1, got " + length);
        }
        this.length = length;
    }

    /**
     * Returns the declared maximum length.
     *
     * @return the length
     */
    public int length() {
        return length;
    }

    @Override
    protected void bindNonNull(PreparedStatement ps, int index, String value) throws SQLException {
        ps.setString(index, value);
    }

    @Override
    protected int jdbcNullType() {
        return java.sql.Types.VARCHAR;
    }

    @Override
    public String read(ResultSet rs, int index) throws SQLException {
        return rs.getString(index);
    }

    @Override
    public void renderLiteral(String value, RenderContext ctx) {
        ctx.stringLiteral(value);
    }

    @Override
    protected String arrayElementTypeName() {
        return "bpchar";
    }

    @Override
    public String readText(String text) {
        return text;
    }
}
