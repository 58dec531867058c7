package dev.sleet.render;

/**
 * A fragment of SQL: a table, a column, an expression, a clause or a whole statement.
 *
 * <p>Every fragment renders itself into a {@link RenderContext}; nothing else in Sleet builds SQL text.
 * Query parts are immutable, so one can be rendered any number of times, from any thread.
 */
@FunctionalInterface
public interface QueryPart {

    /**
     * Appends this part's SQL text to {@code ctx}, registering any bind values with it.
     *
     * @param ctx the context that collects SQL text and bind values
     */
    void render(RenderContext ctx);
}
