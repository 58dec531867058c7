package dev.sleet.query;

import dev.sleet.internal.expr.DerivedColumn;
import dev.sleet.render.RenderContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A select used as a table: {@code from(derived)}, {@code innerJoinLateral(derived).on(...)}. Its columns are
 * the select's, renamed into it: {@code derived.field(USERS.email)} renders {@code "s"."email"} with the
 * column's type, so results stay typed.
 */
public final class Derived implements TableLike {

    private final Select select;
    private final String alias;

    /**
     * Creates a derived table; use {@link Select#as(String)}.
     *
     * @param select the select
     * @param alias  its name
     */
    public Derived(Select select, String alias) {
        this.select = Objects.requireNonNull(select, "select");
        this.alias = Objects.requireNonNull(alias, "alias");
        RenderContext.quoteIdentifier(alias);
    }

    /**
     * Returns the derived table's name.
     *
     * @return the alias
     */
    public String alias() {
        return alias;
    }

    /**
     * Returns the column of this derived table that the select produced from {@code selected}.
     *
     * @param selected one of the select's expressions (a column, or an aliased expression)
     * @param <T>      its type
     * @return the column, as {@code "alias"."name"}
     * @throws IllegalArgumentException when the select does not produce it
     */
    public <T> Field<T> field(Field<T> selected) {
        for (Field<?> f : select.fields()) {
            boolean sameName = !(selected instanceof dev.sleet.schema.Column<?>) && f.name().equals(selected.name());
            if (f.equals(selected) || sameName) {
                return new DerivedColumn<>(alias, outputName(f, "derived table \"" + alias + "\""), selected.type());
            }
        }
        throw new IllegalArgumentException("derived table \"" + alias + "\" has no column " + selected.name()
                + "; its select produces " + select.fields().stream().map(Field::name).toList());
    }

    @Override
    public List<Field<?>> fields() {
        List<Field<?>> out = new ArrayList<>();
        for (Field<?> f : select.fields()) {
            out.add(new DerivedColumn<>(alias, outputName(f, "derived table \"" + alias + "\""), f.type()));
        }
        return out;
    }

    /**
     * Returns the name PostgreSQL gives a selected expression's output column: a column's or alias's name. Other
     * expressions are refused, since PostgreSQL names them after the function (or {@code ?column?}), which a
     * query reading the derived table or CTE could not know.
     *
     * @param f     a selected expression
     * @param where the derived table or CTE, for the message
     * @return the output column's name
     * @throws IllegalArgumentException for an expression without a name of its own
     */
    static String outputName(Field<?> f, String where) {
        if (f instanceof dev.sleet.schema.Column<?> || f instanceof dev.sleet.internal.expr.AliasedField<?>
                || f instanceof DerivedColumn<?> || f instanceof dev.sleet.internal.expr.ResultColumn<?>) {
            return f.name();
        }
        throw new IllegalArgumentException(where + " selects an expression without a name (" + f.name() + "); give "
                + "it one with .as(\"name\") so that queries reading " + where + " can refer to it");
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.sql('(').visit(select).sql(") as ").identifier(alias);
    }

    @Override
    public String toString() {
        return alias;
    }
}
