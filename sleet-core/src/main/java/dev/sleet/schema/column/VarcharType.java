package dev.sleet.schema.column;

import dev.sleet.render.RenderContext;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** PostgreSQL {@code varchar(n)} as {@link String}. */
public final class VarcharType extends ColumnType<String> {

    private final int length;

    /**
     * Creates {@code varchar(length)}.
     *
     * @param length the maximum length in characters, at least 1
     * @throws IllegalArgumentException when {@code length < 1}
     */
    public VarcharType(int length) {
        super("varchar(" + length + ")", String.class);
        if (length < 1) {
            throw new IllegalArgumentException("varchar length must be at least 1, got " + length);
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
        return "varchar";
    }

    @Override
    public String readText(String text) {
        return text;
    }
}
