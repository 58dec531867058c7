package dev.sleet.schema.column;

import dev.sleet.render.RenderContext;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** PostgreSQL {@code text} as {@link String}. */
public final class TextType extends ColumnType<String> {

    /** The shared instance. */
    public static final TextType INSTANCE = new TextType();

    private TextType() {
        super("text", String.class);
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
    public String readText(String text) {
        return text;
    }
}
