package dev.sleet.query;

import dev.sleet.internal.expr.DerivedColumn;
import dev.sleet.render.RenderContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A common table expression: a named statement a query reads like a table.
 *
 * <pre>{@code
 * Cte active = cte("active").as(db.select(USERS.id, USERS.email).from(USERS).where(eq(USERS.isActive, true)));
 * db.with(active).select(active.field(USERS.email)).from(active).fetch();
 * }</pre>
 *
 * A recursive CTE refers to itself before it is defined: {@code Cte t = cte("t");} then
 * {@code t = t.as(anchor.unionAll(db.select(...).from(t)...))} and {@code db.withRecursive(t)}. Its columns are
 * named by the columns (or aliases) its definition selects; {@link #field(Field)} refers to them with their
 * types. Data-modifying definitions ({@code insert}, {@code update}, {@code delete} with {@code returning})
 * are allowed, as PostgreSQL allows them at the top level.
 */
public final class Cte implements TableLike {

    private final String name;
    private final ResultQuery definition;

    private Cte(String name, ResultQuery definition) {
        this.name = Objects.requireNonNull(name, "name");
        RenderContext.quoteIdentifier(name);
        this.definition = definition;
    }

    /**
     * Names a CTE; define it with {@link #as(ResultQuery)}.
     *
     * @param name the name
     * @return the undefined CTE, usable in its own definition
     */
    public static Cte named(String name) {
        return new Cte(name, null);
    }

    /**
     * Defines the CTE.
     *
     * @param definition a select, or an insert, update or delete with {@code returning}
     * @return the defined CTE
     */
    public Cte as(ResultQuery definition) {
        return new Cte(name, Objects.requireNonNull(definition, "definition"));
    }

    /**
     * Returns the CTE's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the CTE's column that its definition produced from {@code selected}, typed like it.
     *
     * @param selected a column or aliased expression of the definition
     * @param <T>      its type
     * @return the column, as {@code "cte"."name"}
     */
    public <T> Field<T> field(Field<T> selected) {
        return new DerivedColumn<>(name, selected.name(), selected.type());
    }

    @Override
    public List<Field<?>> fields() {
        if (definition == null) {
            throw new IllegalStateException("CTE \"" + name + "\" is not defined yet; call as(...) first");
        }
        List<Field<?>> out = new ArrayList<>();
        for (Field<?> f : definition.fields()) {
            out.add(new DerivedColumn<>(name, Derived.outputName(f, "CTE \"" + name + "\""), f.type()));
        }
        return out;
    }

    /**
     * Renders {@code "name" as (definition)}, for the {@code with} clause.
     *
     * @param ctx the context
     */
    public void renderDefinition(RenderContext ctx) {
        if (definition == null) {
            throw new IllegalStateException("CTE \"" + name + "\" is used in with(...) but never defined; call "
                    + "as(...) and pass the defined CTE");
        }
        ctx.identifier(name).sql(" as (").visit(definition).sql(')');
    }

    /** Renders the name, as a query reads it. */
    @Override
    public void render(RenderContext ctx) {
        ctx.identifier(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
