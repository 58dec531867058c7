package dev.sleet.internal.exec;

import dev.sleet.schema.column.ColumnType;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The type of a relation's place in a relational query's row: related rows, decoded by the relational reader
 * rather than read from a result column. Never bound or read like a column's type.
 */
public final class NestedType extends ColumnType<Object> {

    /** A single related row, or {@code null}. */
    public static final NestedType ONE = new NestedType("relation (one)");
    /** A list of related rows. */
    public static final NestedType MANY = new NestedType("relation (many)");

    private NestedType(String name) {
        super(name, Object.class);
    }

    @Override
    protected void bindNonNull(PreparedStatement ps, int index, Object value) {
        throw new UnsupportedOperationException("related rows cannot be bound");
    }

    @Override
    public Object read(ResultSet rs, int index) {
        throw new UnsupportedOperationException("related rows are decoded by the relational query");
    }

    @Override
    public Object readText(String text) {
        throw new UnsupportedOperationException("related rows are decoded by the relational query");
    }
}
