package dev.sleet.query;

import dev.sleet.render.RenderContext;
import dev.sleet.schema.column.ColumnType;

import java.util.Objects;

/**
 * A named parameter of a prepared statement: {@code eq(USERS.id, placeholder("id"))}, given its value each
 * time the statement runs ({@code prepared.bind("id", 42L).fetch()}). It takes the type of the column or
 * expression it meets.
 *
 * @param <T> the value type
 */
public final class Placeholder<T> implements Field<T> {

    /**
     * What a placeholder leaves in a rendered statement's bind list until a value is bound.
     *
     * @param name the placeholder's name
     */
    public record Slot(String name) {
    }

    private final String name;
    private final ColumnType<T> type;

    private Placeholder(String name, ColumnType<T> type) {
        this.name = Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a placeholder needs a name");
        }
        this.type = type;
    }

    /**
     * Creates a placeholder whose type comes from where it is used.
     *
     * @param name the name values are bound by
     * @param <T>  the value type
     * @return the placeholder
     */
    public static <T> Placeholder<T> named(String name) {
        return new Placeholder<>(name, null);
    }

    /**
     * Returns this placeholder typed like another expression, unless it already has a type.
     *
     * @param like the expression it meets
     * @return the typed placeholder
     */
    public Placeholder<T> typedLike(Field<T> like) {
        return type != null ? this : new Placeholder<>(name, like.type());
    }

    /**
     * Gives an untyped placeholder the type of the expression it meets; other fields are returned as they are.
     *
     * @param field the field that may be a placeholder
     * @param like  the expression it meets
     * @param <T>   the value type
     * @return the field, typed
     */
    public static <T> Field<T> typed(Field<T> field, Field<T> like) {
        return field instanceof Placeholder<T> p ? p.typedLike(like) : field;
    }

    @Override
    public ColumnType<T> type() {
        if (type == null) {
            throw new IllegalStateException("placeholder \"" + name + "\" has no type; compare it with a column "
                    + "(eq(USERS.id, placeholder(\"" + name + "\"))) or set a column with it");
        }
        return type;
    }

    /** Returns the placeholder's name. */
    @Override
    public String name() {
        return name;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void render(RenderContext ctx) {
        ctx.bind((T) new Slot(name), type());
    }

    @Override
    public String toString() {
        return ":" + name;
    }
}
