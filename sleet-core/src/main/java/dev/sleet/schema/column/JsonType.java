package dev.sleet.schema.column;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sleet.render.RenderContext;
import dev.sleet.internal.Json;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * PostgreSQL {@code json} or {@code jsonb} as a Java type converted by Jackson: a record, a class, a
 * {@code Map}, a {@code List} or Jackson's {@code JsonNode}.
 *
 * @param <T> the Java type of the documents
 */
public final class JsonType<T> extends ColumnType<T> {

    private final boolean binary;
    private final Class<T> documentType;

    /**
     * Creates a JSON type.
     *
     * @param binary       {@code true} for {@code jsonb}, {@code false} for {@code json}
     * @param documentType the Java class documents are converted to and from
     */
    public JsonType(boolean binary, Class<T> documentType) {
        super(binary ? "jsonb" : "json", documentType);
        this.binary = binary;
        this.documentType = documentType;
    }

    /**
     * Tells whether this is {@code jsonb}.
     *
     * @return {@code true} for {@code jsonb}
     */
    public boolean binary() {
        return binary;
    }

    @Override
    public boolean castsParameters() {
        return true;
    }

    @Override
    protected void bindNonNull(PreparedStatement ps, int index, T value) throws SQLException {
        ps.setString(index, toJson(value));
    }

    @Override
    public T read(ResultSet rs, int index) throws SQLException {
        String text = rs.getString(index);
        if (text == null) {
            return null;
        }
        try {
            return mapper().readValue(text, documentType);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the stored value, which may be a secret: name only where it failed.
            String where = e instanceof com.fasterxml.jackson.databind.JsonMappingException m
                    && !m.getPath().isEmpty() ? " at " + m.getPathReference() : "";
            throw new SQLException("cannot read the " + sqlName() + " value of result column " + index + " as "
                    + documentType.getName() + where + " (" + e.getClass().getSimpleName() + ")", "22000");
        }
    }

    @Override
    public void renderLiteral(T value, RenderContext ctx) {
        ctx.stringLiteral(toJson(value)).sql("::").sql(sqlName());
    }

    @Override
    protected Object toArrayElement(T value) {
        return toJson(value);
    }

    private String toJson(T value) {
        try {
            return mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static ObjectMapper mapper() {
        return Json.mapper();
    }

    @Override
    public void writeText(T value, StringBuilder out) {
        out.append(toJson(value));
    }

    @Override
    public T readText(String text) {
        try {
            return mapper().readValue(text, documentType);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the document, which may be a secret.
            throw new IllegalArgumentException("cannot read a " + sqlName() + " value as "
                    + documentType.getName() + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
