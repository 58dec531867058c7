package dev.sleet;

import dev.sleet.internal.expr.Between;
import dev.sleet.internal.expr.Comparison;
import dev.sleet.internal.expr.Excluded;
import dev.sleet.internal.expr.Exists;
import dev.sleet.internal.expr.FunctionCall;
import dev.sleet.internal.expr.InList;
import dev.sleet.internal.expr.Junction;
import dev.sleet.internal.expr.Not;
import dev.sleet.internal.expr.NullCheck;
import dev.sleet.internal.expr.Val;
import dev.sleet.query.Condition;
import dev.sleet.query.Field;
import dev.sleet.query.Select;
import dev.sleet.query.SortField;
import dev.sleet.schema.Column;
import dev.sleet.schema.column.BigintType;
import dev.sleet.schema.column.NumericType;
import dev.sleet.schema.column.TextType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The operators and functions of Sleet's query language, meant for {@code import static dev.sleet.Sql.*}.
 *
 * <pre>{@code
 * db.select(USERS.id, USERS.email).from(USERS)
 *         .where(and(eq(USERS.isActive, true), like(USERS.email, "%@example.com")))
 *         .orderBy(desc(USERS.createdAt)).limit(10)
 *         .fetch();
 * }</pre>
 *
 * <p>Every operator takes a typed expression and either a value of the same Java type, which is bound as a
 * parameter, or another expression of that type: {@code eq(POSTS.authorId, USERS.id)} is a join condition,
 * {@code eq(USERS.id, 1L)} a bound value, and {@code eq(USERS.id, "x")} does not compile.
 */
public final class Sql {

    private Sql() {
    }

    // ------------------------------------------------------------------------------------------ comparisons

    /**
     * {@code field = value}.
     *
     * @param field the expression
     * @param value the value, bound as a parameter; use {@link #isNull} for null
     * @param <T>   the type
     * @return the condition
     */
    public static <T> Condition eq(Field<T> field, T value) {
        return compare(field, "=", value);
    }

    /**
     * {@code a = b} between two expressions, e.g. a join condition.
     *
     * @param a   the left expression
     * @param b   the right expression
     * @param <T> the type
     * @return the condition
     */
    public static <T> Condition eq(Field<T> a, Field<T> b) {
        return new Comparison(a, "=", b);
    }

    /**
     * {@code field <> value}.
     *
     * @param field the expression
     * @param value the value
     * @param <T>   the type
     * @return the condition
     */
    public static <T> Condition ne(Field<T> field, T value) {
        return compare(field, "<>", value);
    }

    /**
     * {@code a <> b}.
     *
     * @param a   the left expression
     * @param b   the right expression
     * @param <T> the type
     * @return the condition
     */
    public static <T> Condition ne(Field<T> a, Field<T> b) {
        return new Comparison(a, "<>", b);
    }

    /**
     * {@code field > value}.
     *
     * @param field the expression
     * @param value the value
     * @param <T>   the type
     * @return the condition
     */
    public static <T> Condition gt(Field<T> field, T value) {
        return compare(field, ">", value);
    }

    /**
     * {@code a > b}.
     *
     * @param a   the left expression
     * @param b   the right expression
     * @param <T> the type
     * @return the condition
     */
    public static <T> Condition gt(Field<T> a, Field<T> b) {
        return new Comparison(a, ">", b);
    }

    /**
     * {@code field >= value}.
     *
     * @param field the expression
     * @param value the value
     * @param <T>   the type
     * @return the condition
     */
    public static <T> Condition gte(Field<T> field, T value) {
        return compare(field, ">=", value);
    }

    /**
     * {@code a >= b}.
     *
     * @param a   the left expression
     * @param b   the right expression
     * @param <T> the type
     * @return the condition
     */
    public static <T> Condition gte(Field<T> a, Field<T> b) {
        return new Comparison(a, ">=", b);
    }

    /**
     * {@code field < value}.
     *
     * @param field the expression
     * @param value the value
     * @param <T>   the type
     * @return the condition
     */
    public static <T> Condition lt(Field<T> field, T value) {
        return compare(field, "<", value);
    }

    /**
     * {@code a < b}.
     *
     * @param a   the left expression
     * @param b   the right expression
     * @param <T> the type
     * @return the condition
     */
    public static <T> Condition lt(Field<T> a, Field<T> b) {
        return new Comparison(a, "<", b);
    }

    /**
     * {@code field <= value}.
     *
     * @param field the expression
     * @param value the value
     * @param <T>   the type
     * @return the condition
     */
    public static <T> Condition lte(Field<T> field, T value) {
        return compare(field, "<=", value);
    }

    /**
     * {@code a <= b}.
     *
     * @param a   the left expression
     * @param b   the right expression
     * @param <T> the type
     * @return the condition
     */
    public static <T> Condition lte(Field<T> a, Field<T> b) {
        return new Comparison(a, "<=", b);
    }

    private static <T> Condition compare(Field<T> field, String operator, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " " + operator + " null is never true in SQL; use isNull("
                    + field.name() + ") or isNotNull(...)");
        }
        return new Comparison(field, operator, Val.of(value, field));
    }

    // ------------------------------------------------------------------------------------------ logic

    /**
     * All conditions hold; no conditions is {@code true}.
     *
     * @param conditions the conditions
     * @return the condition
     */
    public static Condition and(Condition... conditions) {
        return new Junction(true, Arrays.asList(conditions));
    }

    /**
     * All conditions hold, for conditions built in a loop.
     *
     * @param conditions the conditions
     * @return the condition
     */
    public static Condition and(Collection<? extends Condition> conditions) {
        return new Junction(true, new ArrayList<>(conditions));
    }

    /**
     * At least one condition holds; no conditions is {@code false}.
     *
     * @param conditions the conditions
     * @return the condition
     */
    public static Condition or(Condition... conditions) {
        return new Junction(false, Arrays.asList(conditions));
    }

    /**
     * At least one condition holds, for conditions built in a loop.
     *
     * @param conditions the conditions
     * @return the condition
     */
    public static Condition or(Collection<? extends Condition> conditions) {
        return new Junction(false, new ArrayList<>(conditions));
    }

    /**
     * The condition does not hold.
     *
     * @param condition the condition
     * @return the negation
     */
    public static Condition not(Condition condition) {
        return new Not(condition);
    }

    // ------------------------------------------------------------------------------------------ patterns

    /**
     * {@code field like pattern} ({@code %} any run, {@code _} one character; case-sensitive).
     *
     * @param field   a text expression
     * @param pattern the pattern, bound as a parameter
     * @return the condition
     */
    public static Condition like(Field<String> field, String pattern) {
        return new Comparison(field, "like", text(pattern));
    }

    /**
     * {@code field not like pattern}.
     *
     * @param field   a text expression
     * @param pattern the pattern
     * @return the condition
     */
    public static Condition notLike(Field<String> field, String pattern) {
        return new Comparison(field, "not like", text(pattern));
    }

    /**
     * {@code field ilike pattern}: like, ignoring case.
     *
     * @param field   a text expression
     * @param pattern the pattern
     * @return the condition
     */
    public static Condition ilike(Field<String> field, String pattern) {
        return new Comparison(field, "ilike", text(pattern));
    }

    /**
     * {@code field not ilike pattern}.
     *
     * @param field   a text expression
     * @param pattern the pattern
     * @return the condition
     */
    public static Condition notIlike(Field<String> field, String pattern) {
        return new Comparison(field, "not ilike", text(pattern));
    }

    private static Val<String> text(String pattern) {
        if (pattern == null) {
            throw new IllegalArgumentException("a like pattern must not be null; use isNull(...) to find nulls");
        }
        return new Val<>(pattern, TextType.INSTANCE);
    }

    // ------------------------------------------------------------------------------------------ sets and ranges

    /**
     * {@code field in (values...)}; an empty list matches nothing.
     *
     * @param field  the expression
     * @param values the candidates, each bound
     * @param <T>    the type
     * @return the condition
     */
    @SafeVarargs
    @SuppressWarnings("varargs")   // the array is only read
    public static <T> Condition in(Field<T> field, T... values) {
        return in(field, Arrays.asList(values));
    }

    /**
     * {@code field in (values...)} for a collection; an empty collection matches nothing.
     *
     * @param field  the expression
     * @param values the candidates, each bound
     * @param <T>    the type
     * @return the condition
     */
    public static <T> Condition in(Field<T> field, Collection<? extends T> values) {
        return new InList(field, vals(field, values), false);
    }

    /**
     * {@code field not in (values...)}; an empty list matches everything.
     *
     * @param field  the expression
     * @param values the excluded values
     * @param <T>    the type
     * @return the condition
     */
    @SafeVarargs
    @SuppressWarnings("varargs")   // the array is only read
    public static <T> Condition notIn(Field<T> field, T... values) {
        return notIn(field, Arrays.asList(values));
    }

    /**
     * {@code field not in (values...)} for a collection.
     *
     * @param field  the expression
     * @param values the excluded values
     * @param <T>    the type
     * @return the condition
     */
    public static <T> Condition notIn(Field<T> field, Collection<? extends T> values) {
        return new InList(field, vals(field, values), true);
    }

    private static <T> List<Val<T>> vals(Field<T> field, Collection<? extends T> values) {
        List<Val<T>> out = new ArrayList<>(values.size());
        for (T v : values) {
            if (v == null) {
                throw new IllegalArgumentException("in(" + field.name() + ", ...) with a null never matches in SQL; "
                        + "use or(in(...), isNull(" + field.name() + "))");
            }
            out.add(Val.of(v, field));
        }
        return out;
    }

    /**
     * {@code field is null}.
     *
     * @param field the expression
     * @return the condition
     */
    public static Condition isNull(Field<?> field) {
        return new NullCheck(field, false);
    }

    /**
     * {@code field is not null}.
     *
     * @param field the expression
     * @return the condition
     */
    public static Condition isNotNull(Field<?> field) {
        return new NullCheck(field, true);
    }

    /**
     * {@code field between low and high}, bounds included.
     *
     * @param field the expression
     * @param low   the lower bound
     * @param high  the upper bound
     * @param <T>   the type
     * @return the condition
     */
    public static <T> Condition between(Field<T> field, T low, T high) {
        checkBounds(field, low, high);
        return new Between(field, Val.of(low, field), Val.of(high, field), false);
    }

    /**
     * {@code field not between low and high}.
     *
     * @param field the expression
     * @param low   the lower bound
     * @param high  the upper bound
     * @param <T>   the type
     * @return the condition
     */
    public static <T> Condition notBetween(Field<T> field, T low, T high) {
        checkBounds(field, low, high);
        return new Between(field, Val.of(low, field), Val.of(high, field), true);
    }

    private static void checkBounds(Field<?> field, Object low, Object high) {
        if (low == null || high == null) {
            throw new IllegalArgumentException("between on " + field.name() + " with a null bound is never true "
                    + "in SQL; use gte(...) or lte(...) for a one-sided range");
        }
    }

    /**
     * {@code exists (subquery)}: the subquery returns at least one row.
     *
     * @param subquery the subquery, usually correlated with the outer query
     * @return the condition
     */
    public static Condition exists(Select subquery) {
        return new Exists(subquery, false);
    }

    /**
     * {@code not exists (subquery)}.
     *
     * @param subquery the subquery
     * @return the condition
     */
    public static Condition notExists(Select subquery) {
        return new Exists(subquery, true);
    }

    // ------------------------------------------------------------------------------------------ arrays

    /**
     * {@code array @> values}: the array holds every one of the values.
     *
     * @param array  an array expression
     * @param values the values
     * @param <T>    the element type
     * @return the condition
     */
    public static <T> Condition arrayContains(Field<List<T>> array, List<T> values) {
        return new Comparison(array, "@>", Val.of(values, array));
    }

    /**
     * {@code array <@ values}: every element of the array is among the values.
     *
     * @param array  an array expression
     * @param values the values
     * @param <T>    the element type
     * @return the condition
     */
    public static <T> Condition arrayContained(Field<List<T>> array, List<T> values) {
        return new Comparison(array, "<@", Val.of(values, array));
    }

    /**
     * {@code array && values}: the array and the values have an element in common.
     *
     * @param array  an array expression
     * @param values the values
     * @param <T>    the element type
     * @return the condition
     */
    public static <T> Condition arrayOverlaps(Field<List<T>> array, List<T> values) {
        return new Comparison(array, "&&", Val.of(values, array));
    }

    // ------------------------------------------------------------------------------------------ ordering

    /**
     * Ascending order on an expression; add {@code .nullsFirst()} or {@code .nullsLast()} as needed.
     *
     * @param field the expression
     * @return the sort element
     */
    public static SortField asc(Field<?> field) {
        return SortField.of(field, false);
    }

    /**
     * Descending order on an expression.
     *
     * @param field the expression
     * @return the sort element
     */
    public static SortField desc(Field<?> field) {
        return SortField.of(field, true);
    }

    // ------------------------------------------------------------------------------------------ aggregates

    /**
     * {@code count(*)}.
     *
     * @return the row count of the group
     */
    public static Field<Long> count() {
        return new FunctionCall<>("count", BigintType.INSTANCE, List.of(), false);
    }

    /**
     * {@code count(field)}: rows where the expression is not null.
     *
     * @param field the expression
     * @return the count
     */
    public static Field<Long> count(Field<?> field) {
        return new FunctionCall<>("count", BigintType.INSTANCE, List.of(field), false);
    }

    /**
     * {@code count(distinct field)}.
     *
     * @param field the expression
     * @return the count of distinct non-null values
     */
    public static Field<Long> countDistinct(Field<?> field) {
        return new FunctionCall<>("count", BigintType.INSTANCE, List.of(field), true);
    }

    /**
     * {@code sum(field)}, as a {@link BigDecimal} whatever the numeric type (PostgreSQL widens sums).
     *
     * @param field a numeric expression
     * @return the sum, null over no rows
     */
    public static Field<BigDecimal> sum(Field<? extends Number> field) {
        return new FunctionCall<>("sum", NumericType.UNCONSTRAINED, List.of(field), false);
    }

    /**
     * {@code avg(field)}, as a {@link BigDecimal}.
     *
     * @param field a numeric expression
     * @return the average, null over no rows
     */
    public static Field<BigDecimal> avg(Field<? extends Number> field) {
        return new FunctionCall<>("avg", NumericType.UNCONSTRAINED, List.of(field), false);
    }

    /**
     * {@code min(field)}.
     *
     * @param field the expression
     * @param <T>   its type
     * @return the least value
     */
    public static <T> Field<T> min(Field<T> field) {
        return new FunctionCall<>("min", field.type(), List.of(field), false);
    }

    /**
     * {@code max(field)}.
     *
     * @param field the expression
     * @param <T>   its type
     * @return the greatest value
     */
    public static <T> Field<T> max(Field<T> field) {
        return new FunctionCall<>("max", field.type(), List.of(field), false);
    }

    // ------------------------------------------------------------------------------------------ values

    /**
     * {@code coalesce(field, fallback)}: the expression, or the fallback where it is null.
     *
     * @param field    the expression
     * @param fallback the value used for null, bound
     * @param <T>      the type
     * @return the expression
     */
    public static <T> Field<T> coalesce(Field<T> field, T fallback) {
        return new FunctionCall<>("coalesce", field.type(), List.of(field, Val.of(fallback, field)), false);
    }

    /**
     * {@code coalesce(a, b, ...)}: the first non-null expression.
     *
     * @param first  the first expression
     * @param others the following ones
     * @param <T>    the type
     * @return the expression
     */
    @SafeVarargs
    @SuppressWarnings("varargs")   // the array is only read
    public static <T> Field<T> coalesce(Field<T> first, Field<T>... others) {
        List<Field<T>> args = new ArrayList<>();
        args.add(first);
        args.addAll(Arrays.asList(others));
        return new FunctionCall<>("coalesce", first.type(), args, false);
    }

    /**
     * A value as an expression, typed like {@code like}: for the rare place where an expression is needed
     * rather than a value. The value is bound.
     *
     * @param value the value
     * @param like  an expression of the same type
     * @param <T>   the type
     * @return the bound value
     */
    public static <T> Field<T> val(T value, Field<T> like) {
        return Val.of(value, like);
    }

    /**
     * {@code excluded."column"}: in {@code onConflictDoUpdate}, the value the insert proposed.
     *
     * @param column the column
     * @param <T>    its type
     * @return the expression
     */
    public static <T> Field<T> excluded(Column<T> column) {
        return new Excluded<>(column);
    }
}
