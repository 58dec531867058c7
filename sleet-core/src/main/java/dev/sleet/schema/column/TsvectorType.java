package dev.sleet.schema.column;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * PostgreSQL {@code tsvector}, a document prepared for full-text search (sorted lexemes
 * with positions), in its text form as {@link String}.
 * Parameters travel as text and are cast on the server.
 */
public final class TsvectorType extends ColumnType<String> {

    /** The shared instance. */
    public static final TsvectorType INSTANCE = new TsvectorType();

    private TsvectorType() {
        super("tsvector", String.class);
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
