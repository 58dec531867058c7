package dev.sleet.internal.expr;

import dev.sleet.query.Field;
import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;

import java.util.Objects;

/**
 * {@code jsonb ? key}: the key exists at the top level (or the string is an array element). In JDBC mode
 * the operator renders as {@code ??} so that pgjdbc does not take it for a placeholder.
 */
public final class JsonKeyExists extends BooleanCondition {

    private final Field<?> json;
    private final QueryPart key;

    /**
     * Creates the test.
     *
     * @param json a jsonb expression
     * @param key  the bound key
     */
    public JsonKeyExists(Field<?> json, QueryPart key) {
        this.json = Objects.requireNonNull(json, "json");
        this.key = Objects.requireNonNull(key, "key");
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.visit(json).sql(' ').questionMarkOperator("?").sql(' ').visit(key);
    }
}
