package dev.sleet.internal.expr;

import dev.sleet.query.Field;
import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sleet.schema.column.ColumnType;
import dev.sleet.schema.column.IntegerType;
import dev.sleet.schema.column.JsonType;
import dev.sleet.schema.column.TextType;

import java.util.Objects;

/**
 * {@code json -> key} (an element as JSON) or {@code json ->> key} (an element as text). The key, a text or
 * an integer, is bound.
 *
 * @param <T> the result type: a JSON document type for {@code ->}, {@code String} for {@code ->>}
 */
public final class JsonAccess<T> implements Field<T> {

    private final Field<?> json;
    private final boolean asText;
    private final QueryPart key;
    private final String keyName;
    private final ColumnType<T> type;

    /**
     * Creates the access.
     *
     * @param json    the json or jsonb expression
     * @param asText  {@code true} for {@code ->>}
     * @param key     the bound key or array index
     * @param keyName the key as text, used as the result's name
     * @param type    the result type
     */
    public JsonAccess(Field<?> json, boolean asText, QueryPart key, String keyName, ColumnType<T> type) {
        this.json = Objects.requireNonNull(json, "json");
        this.asText = asText;
        this.key = Objects.requireNonNull(key, "key");
        this.keyName = keyName;
        this.type = type;
    }

    private static final JsonType<JsonNode> JSON_NODE = new JsonType<>(false, JsonNode.class);
    private static final JsonType<JsonNode> JSONB_NODE = new JsonType<>(true, JsonNode.class);
    private static final JsonType<Object> JSONB_DOCUMENT = new JsonType<>(true, Object.class);

    /**
     * {@code json -> key} or {@code json -> index}, as a JSON document of the same kind (json or jsonb).
     *
     * @param json  a json or jsonb expression
     * @param key   a {@code String} key or an {@code Integer} array index
     * @return the element
     */
    public static Field<JsonNode> element(Field<?> json, Object key) {
        JsonType<?> type = requireJson(json, "->");
        return new JsonAccess<>(json, false, bindKey(json, key), String.valueOf(key),
                type.binary() ? JSONB_NODE : JSON_NODE);
    }

    /**
     * {@code json ->> key} or {@code json ->> index}, as text.
     *
     * @param json a json or jsonb expression
     * @param key  a {@code String} key or an {@code Integer} array index
     * @return the element's text
     */
    public static Field<String> elementText(Field<?> json, Object key) {
        requireJson(json, "->>");
        return new JsonAccess<>(json, true, bindKey(json, key), String.valueOf(key), TextType.INSTANCE);
    }

    /**
     * A document bound as a jsonb parameter, for {@code @>}.
     *
     * @param jsonb    the jsonb expression it is compared with
     * @param document the document: a record, a map, a list, a {@code JsonNode}...
     * @return the bound document
     */
    public static Val<Object> jsonbDocument(Field<?> jsonb, Object document) {
        requireJsonb(jsonb, "@>");
        if (document == null) {
            throw new IllegalArgumentException("jsonContains(" + jsonb.name() + ", null) is never true; use isNull");
        }
        return new Val<>(document, JSONB_DOCUMENT);
    }

    /**
     * Checks that an expression is jsonb, for the operators json lacks ({@code @>}, {@code ?}).
     *
     * @param field    the expression
     * @param operator the operator, for the message
     */
    public static void requireJsonb(Field<?> field, String operator) {
        if (!requireJson(field, operator).binary()) {
            throw new IllegalArgumentException("the " + operator + " operator needs jsonb, but " + field.name()
                    + " is json; declare the column with jsonb(...) or cast it: cast(x, new JsonType<>(true, ...))");
        }
    }

    private static JsonType<?> requireJson(Field<?> field, String operator) {
        if (field.type() instanceof JsonType<?> json) {
            return json;
        }
        throw new IllegalArgumentException("the " + operator + " operator needs a json or jsonb expression, but "
                + field.name() + " is " + field.type().sqlName());
    }

    private static QueryPart bindKey(Field<?> json, Object key) {
        if (key instanceof String text) {
            return new Val<>(text, TextType.INSTANCE);
        }
        if (key instanceof Integer index) {
            return new Val<>(index, IntegerType.INSTANCE);
        }
        throw new IllegalArgumentException("a key into " + json.name() + " must be a String or an int index, got "
                + (key == null ? "null" : key.getClass().getSimpleName()));
    }

    @Override
    public ColumnType<T> type() {
        return type;
    }

    @Override
    public String name() {
        return keyName;
    }

    @Override
    public void render(RenderContext ctx) {
        // parenthesised so that a chain or a comparison binds the way the Java code nests
        ctx.sql('(').visit(json).sql(asText ? " ->> " : " -> ").visit(key).sql(')');
    }
}
