package dev.sleet.schema.column;

import dev.sleet.render.RenderContext;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** PostgreSQL {@code boolean} as {@link Boolean}. */
public final class BooleanType extends ColumnType<Boolean> {

    /** The shared instance. */
    public static final BooleanType INSTANCE = new BooleanType();

    private BooleanType() {
        super("boolean", Boolean.class);
    }

    @Override
    protected void bindNonNull(PreparedStatement ps, int index, Boolean value) throws SQLException {
        ps.setBoolean(index, value);
    }

    @Override
    protected int jdbcNullType() {
        return java.sql.Types.BOOLEAN;
    }

    @Override
    public Boolean read(ResultSet rs, int index) throws SQLException {
        boolean v = rs.getBoolean(index);
        return rs.wasNull() ? null : v;
    }

    @Override
    public void renderLiteral(Boolean value, RenderContext ctx) {
        ctx.sql(value ? "true" : "false");
    }

    @Override
    public void writeText(Boolean value, StringBuilder out) {
        out.append(value ? 't' : 'f');
    }

    @Override
    public Boolean readText(String text) {
        return switch (text) {
            case "t", "true" -> Boolean.TRUE;
            case "f", "false" -> Boolean.FALSE;
            default -> throw PgText.invalid(sqlName());
        };
    }
}
