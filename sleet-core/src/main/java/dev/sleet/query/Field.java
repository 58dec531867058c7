package dev.sleet.query;

import dev.sleet.internal.expr.AliasedField;
import dev.sleet.render.QueryPart;
import dev.sleet.schema.column.ColumnType;

/**
 * A typed SQL expression: a column, a function call, an aggregate, a condition. The type parameter is the
 * Java type of its values, which is what makes {@code eq(USERS.id, "x")} a compile error.
 *
 * @param <T> the Java type of the expression's values
 */
public interface Field<T> extends QueryPart {

    /**
     * Returns the column type that reads this expression's values and binds values compared with it.
     *
     * @return the type
     */
    ColumnType<T> type();

    /**
     * Returns the name under which the value appears in results: the column name, the alias, or a name
     * derived from the function ({@code count}).
     *
     * @return the name
     */
    String name();

    /**
     * Returns this expression under another name ({@code count().as("posts")}); in a select list it renders
     * as {@code expr as "alias"}, elsewhere as a reference to the alias.
     *
     * @param alias the name
     * @return the aliased expression
     */
    default Field<T> as(String alias) {
        return new AliasedField<>(this, alias);
    }
}
