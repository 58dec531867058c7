package dev.sleet.schema.column;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Base of PostgreSQL types that travel as text and are cast on the server ({@code inet}, {@code cidr},
 * {@code macaddr}, {@code tsvector}, {@code tsquery}): the server validates and normalises the value.
 */
public abstract class TextCastType extends ColumnType<String> {

    /**
     * Creates a text-cast type.
     *
     * @param sqlName the PostgreSQL type name
     */
    protected TextCastType(String sqlName) {
        super(sqlName, String.class);
    }

    @Override
    public final boolean castsParameters() {
        return true;
    }

    @Override
    protected final void bindNonNull(PreparedStatement ps, int index, String value) throws SQLException {
        ps.setString(index, value);
    }

    @Override
    public final String read(ResultSet rs, int index) throws SQLException {
        return rs.getString(index);
    }

    @Override
    public final String readText(String text) {
        return text;
    }
}
