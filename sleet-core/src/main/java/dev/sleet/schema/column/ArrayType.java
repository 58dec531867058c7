package dev.sleet.schema.column;

import dev.sleet.render.RenderContext;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A one-dimensional PostgreSQL array ({@code text[]}, {@code "user_role"[]}, ...) as a {@link List}.
 *
 * @param <T> the element type
 */
public final class ArrayType<T> extends ColumnType<List<T>> {

    // The names pgjdbc's createArrayOf knows for the SQL-standard spellings Sleet uses in DDL.
    private static final Map<String, String> DRIVER_NAMES = Map.of(
            "smallint", "int2", "integer", "int4", "serial", "int4", "bigint", "int8", "bigserial", "int8",
            "real", "float4", "double precision", "float8", "boolean", "bool");

    private final ColumnType<T> element;

    /**
     * Creates the array type of an element type.
     *
     * @param element the element type; itself not an array
     */
    public ArrayType(ColumnType<T> element) {
        super(element.sqlName() + "[]", List.class);
        if (element instanceof ArrayType) {
            throw new IllegalArgumentException("arrays of arrays are not supported; PostgreSQL arrays are "
                    + "multi-dimensional values of the element type");
        }
        this.element = element;
    }

    /**
     * Returns the element type.
     *
     * @return the element type
     */
    public ColumnType<T> element() {
        return element;
    }

    @Override
    public void renderTypeName(RenderContext ctx) {
        element.renderTypeName(ctx);
        ctx.sql("[]");
    }

    @Override
    public boolean castsParameters() {
        return element.castsParameters();
    }

    @Override
    public boolean accepts(Object value) {
        if (!(value instanceof List<?> list)) {
            return false;
        }
        for (Object e : list) {
            if (e != null && !element.accepts(e)) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected void bindNonNull(PreparedStatement ps, int index, List<T> value) throws SQLException {
        Object[] elements = new Object[value.size()];
        for (int i = 0; i < elements.length; i++) {
            T e = value.get(i);
            elements[i] = e == null ? null : element.toArrayElement(e);
        }
        String driverName = element.castsParameters()
                ? "text"
                : DRIVER_NAMES.getOrDefault(element.arrayElementTypeName(), element.arrayElementTypeName());
        ps.setArray(index, ps.getConnection().createArrayOf(driverName, elements));
    }

    @Override
    public List<T> read(ResultSet rs, int index) throws SQLException {
        Array array = rs.getArray(index);
        if (array == null) {
            return null;
        }
        try {
            List<T> out = new ArrayList<>();
            element.readArrayElements(array, out);
            return Collections.unmodifiableList(out);
        } finally {
            array.free();
        }
    }

    @Override
    public void renderLiteral(List<T> value, RenderContext ctx) {
        if (value.isEmpty()) {
            ctx.sql("'{}'::");
            renderTypeName(ctx);
            return;
        }
        ctx.sql("ARRAY[");
        for (int i = 0; i < value.size(); i++) {
            if (i > 0) {
                ctx.sql(", ");
            }
            ctx.literal(value.get(i), element);
        }
        ctx.sql("]::");
        renderTypeName(ctx);
    }
}
