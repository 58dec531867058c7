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

    /**
     * Appends an array literal with every element double-quoted ({@code {"a","b \"c\"",NULL}}), so that
     * commas, braces, quotes, backslashes, spaces and the text {@code NULL} inside elements keep their meaning.
     */
    @Override
    public void writeText(List<T> value, StringBuilder out) {
        out.append('{');
        StringBuilder element = new StringBuilder();
        for (int i = 0; i < value.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            T e = value.get(i);
            if (e == null) {
                out.append("NULL");
                continue;
            }
            element.setLength(0);
            this.element.writeText(e, element);
            out.append('"');
            for (int j = 0; j < element.length(); j++) {
                char c = element.charAt(j);
                if (c == '"' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
            out.append('"');
        }
        out.append('}');
    }

    /** Reads a one-dimensional array literal as PostgreSQL writes it, with or without explicit bounds. */
    @Override
    public List<T> readText(String text) {
        int pos = 0;
        if (text.startsWith("[")) {
            // Explicit bounds ("[0:2]={...}") when the lower bound is not 1.
            pos = text.indexOf('=') + 1;
        }
        if (pos >= text.length() || text.charAt(pos) != '{' || text.charAt(text.length() - 1) != '}') {
            throw PgText.invalid(sqlName());
        }
        List<T> out = new ArrayList<>();
        int end = text.length() - 1;
        pos++;
        if (pos == end) {
            return Collections.unmodifiableList(out);
        }
        StringBuilder element = new StringBuilder();
        while (true) {
            element.setLength(0);
            boolean quoted = pos < end && text.charAt(pos) == '"';
            if (quoted) {
                pos++;
                while (pos < end && text.charAt(pos) != '"') {
                    char c = text.charAt(pos++);
                    if (c == '\\' && pos < end) {
                        c = text.charAt(pos++);
                    }
                    element.append(c);
                }
                if (pos >= end) {
                    throw PgText.invalid(sqlName());
                }
                pos++;
            } else {
                while (pos < end && text.charAt(pos) != ',') {
                    char c = text.charAt(pos++);
                    if (c == '{' || c == '"') {
                        throw new IllegalArgumentException(sqlName() + ": only one-dimensional arrays are "
                                + "supported");
                    }
                    if (c == '\\' && pos < end) {
                        c = text.charAt(pos++);
                    }
                    element.append(c);
                }
            }
            String e = element.toString();
            out.add(!quoted && e.equals("NULL") ? null : this.element.readText(e));
            if (pos == end) {
                return Collections.unmodifiableList(out);
            }
            if (text.charAt(pos) != ',') {
                throw PgText.invalid(sqlName());
            }
            pos++;
        }
    }
}
