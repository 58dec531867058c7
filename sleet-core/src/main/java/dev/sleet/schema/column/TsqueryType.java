package dev.sleet.schema.column;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * PostgreSQL {@code tsquery}, a full-text search query (lexemes joined by {@code &}, {@code |},
 * {@code !} and {@code <->}), in its text form as {@link String}.
 * Parameters travel as text and are cast on the server.
 */
public final class TsqueryType extends ColumnType<String> {

    /** The shared instance. */
    public static final TsqueryType INSTANCE = new TsqueryType();

    private TsqueryType() {
        super("tsquery", String.class);
    }

    @Override
    public boolean castsParameters() {
        return true;
    }

    @Override
    protected void bindNonNull(PreparedStatement ps, int index, String value) throws SQLException {
        ps.setString(index, value);
    }

    @Override
    public String read(ResultSet rs, int index) throws SQLException {
        return rs.getString(index);
    }

    @Override
    public String readText(String text) {
        return text;   // PostgreSQL's text output is the form this type's values have in Java
    }
}
