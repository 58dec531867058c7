package dev.sleet.internal.exec;

import dev.sleet.exec.Row;
import dev.sleet.exec.RowShape;
import dev.sleet.internal.expr.ResultColumn;
import dev.sleet.internal.expr.ValueTypes;
import dev.sleet.query.Field;
import dev.sleet.schema.column.ColumnType;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the rows of a raw statement, whose columns Sleet learns from the result's metadata on the first row:
 * each column is read with the type its PostgreSQL type name maps to. Used once per execution.
 */
final class MetadataRowReader implements RowReader<Row> {

    private RowShape shape;
    private ColumnType<?>[] types;

    @Override
    public Row read(ResultSet rs) throws SQLException {
        if (shape == null) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Field<?>> fields = new ArrayList<>(meta.getColumnCount());
            types = new ColumnType<?>[meta.getColumnCount()];
            for (int i = 0; i < types.length; i++) {
                types[i] = ValueTypes.forPostgresType(meta.getColumnTypeName(i + 1));
                fields.add(new ResultColumn<>(meta.getColumnLabel(i + 1), types[i]));
            }
            shape = new RowShape(fields);
        }
        Object[] values = new Object[types.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = types[i].read(rs, i + 1);
        }
        return new Row(shape, values);
    }
}
