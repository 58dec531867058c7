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
import dev.sleet.internal.expr.Identifier;
import dev.sleet.internal.expr.TypedSql;
import dev.sleet.internal.expr.Val;
import dev.sleet.internal.expr.ValueTypes;
import dev.sleet.query.Condition;
import dev.sleet.query.Cte;
import dev.sleet.query.Field;
import dev.sleet.query.Placeholder;
import dev.sleet.query.RawSql;
import dev.sleet.query.Select;
import dev.sleet.query.SortField;
import dev.sleet.render.QueryPart;
import dev.sleet.schema.Column;
import dev.sleet.schema.column.BigintType;
import dev.sleet.schema.column.NumericType;
import dev.sleet.schema.column.TextType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sleet.internal.expr.AggregateFunction;
import dev.sleet.internal.expr.CaseWhen;
import dev.sleet.internal.expr.Cast;
import dev.sleet.internal.expr.DateTrunc;
import dev.sleet.internal.expr.Extract;
import dev.sleet.internal.expr.JsonAccess;
import dev.sleet.internal.expr.JsonKeyExists;
import dev.sleet.internal.expr.TextSearch;
import dev.sleet.internal.expr.WindowFunctionCall;
import dev.sleet.internal.query.RelatedCondition;
import dev.sleet.query.AggregateField;
import dev.sleet.query.CaseWhenStep;
import dev.sleet.query.FrameBound;
import dev.sleet.query.TenantSafe;
import dev.sleet.query.Window;
import dev.sleet.query.WindowFunction;
import dev.sleet.schema.column.ColumnType;
import dev.sleet.schema.column.DoublePrecisionType;
import dev.sleet.schema.column.IntegerType;
import dev.sleet.schema.column.RealType;
import dev.sleet.schema.column.TimestamptzType;
import java.time.OffsetDateTime;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

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
        return new Comparison(Placeholder.typed(a, b), "=", Placeholder.typed(b, a));
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
        return new Comparison(Placeholder.typed(a, b), "<>", Placeholder.typed(b, a));
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
        return new Comparison(Placeholder.typed(a, b), ">", Placeholder.typed(b, a));
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
        return new Comparison(Placeholder.typed(a, b), ">=", Placeholder.typed(b, a));
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
        return new Comparison(Placeholder.typed(a, b), "<", Placeholder.typed(b, a));
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
        return new Comparison(Placeholder.typed(a, b), "<=", Placeholder.typed(b, a));
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
     * All conditions hold. A {@code null} condition is dropped, so optional filters compose:
     * {@code and(name == null ? null : eq(USERS.name, name), eq(USERS.isActive, true))}. No conditions left is
     * {@code true} (which update and delete refuse in place of {@code all()}).
     *
     * @param conditions the conditions; nulls are dropped
     * @return the condition
     */
    public static Condition and(Condition... conditions) {
        return new Junction(true, present(Arrays.asList(conditions)));
    }

    /**
     * All conditions hold, for conditions built in a loop; {@code null} elements are dropped.
     *
     * @param conditions the conditions
     * @return the condition
     */
    public static Condition and(Collection<? extends Condition> conditions) {
        return new Junction(true, present(conditions));
    }

    /**
     * At least one condition holds. A {@code null} condition is dropped; no conditions left is {@code false}.
     *
     * @param conditions the conditions; nulls are dropped
     * @return the condition
     */
    public static Condition or(Condition... conditions) {
        return new Junction(false, present(Arrays.asList(conditions)));
    }

    /**
     * At least one condition holds, for conditions built in a loop; {@code null} elements are dropped.
     *
     * @param conditions the conditions
     * @return the condition
     */
    public static Condition or(Collection<? extends Condition> conditions) {
        return new Junction(false, present(conditions));
    }

    private static List<Condition> present(Collection<? extends Condition> conditions) {
        List<Condition> out = new ArrayList<>(conditions.size());
        for (Condition c : conditions) {
            if (c != null) {
                out.add(c);
            }
        }
        return out;
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
     * {@code field in (subquery)}: the subquery selects one column of the field's type.
     *
     * @param field    the expression
     * @param subquery a select of one column
     * @param <T>      the type
     * @return the condition
     * @throws IllegalArgumentException when the subquery selects more or fewer columns, or another type
     */
    public static <T> Condition in(Field<T> field, Select subquery) {
        return new Comparison(field, "in", parenthesised(singleColumn("in", field, subquery)));
    }

    /**
     * {@code field not in (subquery)}. Beware SQL's rule: when the subquery yields a null, nothing is
     * {@code not in} it; {@code notExists} has no such trap.
     *
     * @param field    the expression
     * @param subquery a select of one column
     * @param <T>      the type
     * @return the condition
     */
    public static <T> Condition notIn(Field<T> field, Select subquery) {
        return new Comparison(field, "not in", parenthesised(singleColumn("not in", field, subquery)));
    }

    /**
     * A subquery that yields one value, as an expression: {@code select(USERS.name, scalar(postCount).as("posts"))}.
     * The subquery must select one column; its type is the expression's.
     *
     * @param subquery a select of one column and at most one row
     * @param <T>      the value type, as the subquery's column has it
     * @return the expression
     */
    @SuppressWarnings("unchecked")
    public static <T> Field<T> scalar(Select subquery) {
        if (subquery.fields().size() != 1) {
            throw new IllegalArgumentException("scalar(...) needs a subquery of one column, not "
                    + subquery.fields().stream().map(Field::name).toList());
        }
        Field<T> only = (Field<T>) subquery.fields().get(0);
        return new TypedSql<>(RawSql.of("({0})", subquery), only.type());
    }

    private static Select singleColumn(String operator, Field<?> field, Select subquery) {
        List<Field<?>> fields = subquery.fields();
        if (fields.size() != 1) {
            throw new IllegalArgumentException(field.name() + " " + operator + " (subquery): the subquery must "
                    + "select one column, not " + fields.stream().map(Field::name).toList());
        }
        if (!fields.get(0).type().javaType().equals(field.type().javaType())) {
            throw new IllegalArgumentException(field.name() + " " + operator + " (subquery): the subquery selects "
                    + fields.get(0).name() + " of type " + fields.get(0).type().sqlName() + ", not "
                    + field.type().sqlName());
        }
        return subquery;
    }

    private static QueryPart parenthesised(QueryPart part) {
        return ctx -> ctx.sql('(').visit(part).sql(')');
    }

    /**
     * Names a common table expression; define it with {@code .as(select)} and start the statement with
     * {@code db.with(cte)} or {@code db.withRecursive(cte)}.
     *
     * @param name the CTE's name
     * @return the CTE, not yet defined (a recursive CTE refers to itself this way)
     */
    public static Cte cte(String name) {
        return Cte.named(name);
    }

    /**
     * In a relational query ({@code db.query(USERS)}), the row has at least one related row through a relation
     * of its level's table: {@code where(related("posts"))} keeps users with posts. Rendered as a correlated
     * {@code exists}.
     *
     * @param relation the relation's name
     * @return the condition
     */
    public static Condition related(String relation) {
        return new RelatedCondition(java.util.Objects.requireNonNull(relation, "relation"), null);
    }

    /**
     * In a relational query, the row has at least one related row that meets a condition:
     * {@code where(related("posts", eq(POSTS.published, true)))}. The condition is written over the related
     * table's columns and can itself use {@code related(...)} for the next relation; {@code not(related(...))}
     * keeps rows without such related rows.
     *
     * @param relation  the relation's name
     * @param condition what a related row must meet
     * @return the condition
     */
    public static Condition related(String relation, Condition condition) {
        return new RelatedCondition(java.util.Objects.requireNonNull(relation, "relation"),
                java.util.Objects.requireNonNull(condition, "condition"));
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
    public static AggregateField<Long> count() {
        return new AggregateFunction<>("count", BigintType.INSTANCE, List.of(), false);
    }

    /**
     * {@code count(field)}: rows where the expression is not null.
     *
     * @param field the expression
     * @return the count
     */
    public static AggregateField<Long> count(Field<?> field) {
        return new AggregateFunction<>("count", BigintType.INSTANCE, List.of(field), false);
    }

    /**
     * {@code count(distinct field)}.
     *
     * @param field the expression
     * @return the count of distinct non-null values
     */
    public static AggregateField<Long> countDistinct(Field<?> field) {
        return new AggregateFunction<>("count", BigintType.INSTANCE, List.of(field), true);
    }

    /**
     * {@code sum(field)}, as a {@link BigDecimal} whatever the numeric type (PostgreSQL widens sums).
     *
     * @param field a numeric expression
     * @return the sum, null over no rows
     */
    public static AggregateField<BigDecimal> sum(Field<? extends Number> field) {
        return new AggregateFunction<>("sum", NumericType.UNCONSTRAINED, List.of(field), false);
    }

    /**
     * {@code avg(field)}, as a {@link BigDecimal}.
     *
     * @param field a numeric expression
     * @return the average, null over no rows
     */
    public static AggregateField<BigDecimal> avg(Field<? extends Number> field) {
        return new AggregateFunction<>("avg", NumericType.UNCONSTRAINED, List.of(field), false);
    }

    /**
     * {@code min(field)}.
     *
     * @param field the expression
     * @param <T>   its type
     * @return the least value
     */
    public static <T> AggregateField<T> min(Field<T> field) {
        return new AggregateFunction<>("min", field.type(), List.of(field), false);
    }

    /**
     * {@code max(field)}.
     *
     * @param field the expression
     * @param <T>   its type
     * @return the greatest value
     */
    public static <T> AggregateField<T> max(Field<T> field) {
        return new AggregateFunction<>("max", field.type(), List.of(field), false);
    }

    // ------------------------------------------------------------------------------------------ prepared statements

    /**
     * A named parameter for a statement that is {@code prepare()}d once and run many times:
     * {@code eq(USERS.id, placeholder("id"))}, then {@code prepared.bind("id", 42L).fetch()}. It takes the type of
     * the column or expression it is compared with or assigned to.
     *
     * @param name the name values are bound by
     * @param <T>  the value type
     * @return the placeholder
     */
    public static <T> Placeholder<T> placeholder(String name) {
        return Placeholder.named(name);
    }

    // ------------------------------------------------------------------------------------------ raw SQL

    /**
     * SQL written by hand, with arguments: {@code sql("{0} ~* {1}", USERS.email, "^a")}. A {@code Column} or
     * {@code Table} argument renders as its quoted name, any other query part in place, and every other value
     * is bound as a parameter. Usable as a condition and as a whole statement ({@code db.execute(sql(...))},
     * {@code db.fetch(sql(...))}).
     *
     * <p><b>The template text goes into SQL unbound.</b> Write it in code; never build it from input. Values
     * belong in the arguments.
     *
     * @param template SQL with {@code {0}}, {@code {1}}, ... placeholders
     * @param args     the arguments, each used at least once
     * @return the fragment
     * @throws IllegalArgumentException when a placeholder has no argument or an argument is unused
     */
    public static RawSql sql(String template, Object... args) {
        return RawSql.of(template, args);
    }

    /**
     * A typed SQL expression written by hand: {@code sql(Integer.class, "char_length({0})", USERS.name)} can be
     * selected, compared ({@code gt(sql(Integer.class, ...), 3)}) and read back as an {@code Integer}.
     *
     * <p><b>The template text goes into SQL unbound</b>, as with {@link #sql(String, Object...)}.
     *
     * @param type     the Java type of the result: String, a number, Boolean, UUID, a java.time class,
     *                 byte[], Interval, a record or JsonNode (as jsonb)
     * @param template SQL with {@code {n}} placeholders
     * @param args     the arguments
     * @param <T>      the result type
     * @return the expression
     */
    public static <T> Field<T> sql(Class<T> type, String template, Object... args) {
        return new TypedSql<>(RawSql.of(template, args), ValueTypes.forClass(type));
    }

    /**
     * A typed SQL expression of a column's type, for types with no Java class of their own (enums, varchar):
     * {@code sql(USERS.role, "(array['admin','member']::user_role[])[1]")}.
     *
     * @param like     a column or expression whose type the result has
     * @param template SQL with {@code {n}} placeholders
     * @param args     the arguments
     * @param <T>      the result type
     * @return the expression
     */
    public static <T> Field<T> sql(Field<T> like, String template, Object... args) {
        return new TypedSql<>(RawSql.of(template, args), like.type());
    }

    /**
     * Marks SQL as safe to run through a tenant-scoped {@code Db} ({@link Db#forTenant}), which refuses raw SQL
     * otherwise: use it for SQL that filters by tenant itself or reads no tenant-owned table. The statement still
     * runs in a transaction that has set the tenant, so row-level security applies to it.
     *
     * <pre>{@code
     * scoped.fetch(Sql.tenantSafe(sql("select count(*) from {0} where {1} = {2}", PROJECTS, PROJECTS.tenantId, id)));
     * }</pre>
     *
     * @param statement the SQL
     * @return the statement, marked
     */
    public static TenantSafe tenantSafe(QueryPart statement) {
        return new TenantSafe(statement);
    }

    /**
     * <b>Puts text into SQL unbound and unchecked.</b> For SQL that cannot be written with arguments; the text
     * must come from code, never from input, or it is an injection hole.
     *
     * @param sql the SQL text
     * @return the fragment
     */
    public static RawSql raw(String sql) {
        return RawSql.verbatim(sql);
    }

    /**
     * <b>Puts a name chosen at run time into SQL</b> (a table per tenant, a column picked from a whitelist),
     * quoted part by part: {@code identifier("app", "users")} renders {@code "app"."users"}. Quoting keeps it
     * an identifier, but which object it names is up to the caller: check it against what is allowed.
     *
     * @param parts the name's parts: schema, table, column
     * @return the name
     */
    public static QueryPart identifier(String... parts) {
        return new Identifier(Arrays.asList(parts));
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
        return Excluded.of(Objects.requireNonNull(column, "column"));
    }

    // ==========================================================================================
    // Select extras: windows, case, casts, string, date, json and full-text search functions.
    // The implementations live in dev.sleet.internal.expr; these methods only choose them.
    // ==========================================================================================

    // ------------------------------------------------------------------------------------------ windows

    /**
     * An empty window, {@code over ()}, to build on: {@code window().orderBy(POSTS.id)}.
     *
     * @return the empty window
     */
    public static Window window() {
        return Window.empty();
    }

    /**
     * A window partitioned by expressions: {@code partitionBy(POSTS.authorId).orderBy(desc(POSTS.views))}.
     *
     * @param fields the partitioning expressions
     * @return the window
     */
    public static Window partitionBy(Field<?>... fields) {
        return Window.empty().partitionBy(fields);
    }

    /**
     * A window over the whole result, ordered: {@code rowNumber().over(orderBy(desc(POSTS.views)))}.
     *
     * @param sort the sort elements
     * @return the window
     */
    public static Window orderBy(SortField... sort) {
        return Window.empty().orderBy(sort);
    }

    /**
     * A window over the whole result, ordered ascending by expressions.
     *
     * @param fields the expressions
     * @return the window
     */
    public static Window orderBy(Field<?>... fields) {
        return Window.empty().orderBy(fields);
    }

    /**
     * The frame bound {@code unbounded preceding}, for {@link Window#rowsBetween}.
     *
     * @return the bound
     */
    public static FrameBound unboundedPreceding() {
        return FrameBound.unboundedPreceding();
    }

    /**
     * The frame bound {@code n preceding}; {@code n} is bound.
     *
     * @param n rows (or, in a range frame, ordering units) before the current row
     * @return the bound
     */
    public static FrameBound preceding(long n) {
        return FrameBound.preceding(n);
    }

    /**
     * The frame bound {@code current row}.
     *
     * @return the bound
     */
    public static FrameBound currentRow() {
        return FrameBound.currentRow();
    }

    /**
     * The frame bound {@code n following}; {@code n} is bound.
     *
     * @param n rows (or ordering units) after the current row
     * @return the bound
     */
    public static FrameBound following(long n) {
        return FrameBound.following(n);
    }

    /**
     * The frame bound {@code unbounded following}.
     *
     * @return the bound
     */
    public static FrameBound unboundedFollowing() {
        return FrameBound.unboundedFollowing();
    }

    /**
     * {@code row_number()}: 1, 2, 3... within the window's partition, in its order.
     *
     * @return the function; give it a window with {@code over(...)}
     */
    public static WindowFunction<Long> rowNumber() {
        return new WindowFunctionCall<>("row_number", BigintType.INSTANCE, List.of());
    }

    /**
     * {@code rank()}: the position in the window's order, with gaps after ties (1, 1, 3).
     *
     * @return the function; give it a window with {@code over(...)}
     */
    public static WindowFunction<Long> rank() {
        return new WindowFunctionCall<>("rank", BigintType.INSTANCE, List.of());
    }

    /**
     * {@code dense_rank()}: the position in the window's order, without gaps after ties (1, 1, 2).
     *
     * @return the function; give it a window with {@code over(...)}
     */
    public static WindowFunction<Long> denseRank() {
        return new WindowFunctionCall<>("dense_rank", BigintType.INSTANCE, List.of());
    }

    /**
     * {@code percent_rank()}: the relative rank, from 0 to 1.
     *
     * @return the function; give it a window with {@code over(...)}
     */
    public static WindowFunction<Double> percentRank() {
        return new WindowFunctionCall<>("percent_rank", DoublePrecisionType.INSTANCE, List.of());
    }

    /**
     * {@code ntile(buckets)}: which of {@code buckets} nearly equal groups the row falls in, from 1.
     *
     * @param buckets the number of groups, at least 1; bound
     * @return the function; give it a window with {@code over(...)}
     */
    public static WindowFunction<Integer> ntile(int buckets) {
        if (buckets < 1) {
            throw new IllegalArgumentException("ntile needs at least 1 bucket, got " + buckets);
        }
        return new WindowFunctionCall<>("ntile", IntegerType.INSTANCE,
                List.of(new Val<>(buckets, IntegerType.INSTANCE)));
    }

    /**
     * {@code lag(field)}: the expression's value on the previous row of the window, null on the first.
     *
     * @param field the expression
     * @param <T>   its type
     * @return the function; give it a window with {@code over(...)}
     */
    public static <T> WindowFunction<T> lag(Field<T> field) {
        return new WindowFunctionCall<>("lag", field.type(), List.of(field));
    }

    /**
     * {@code lag(field, offset)}: the value {@code offset} rows before, null where there is none.
     *
     * @param field  the expression
     * @param offset how many rows back; bound
     * @param <T>    its type
     * @return the function; give it a window with {@code over(...)}
     */
    public static <T> WindowFunction<T> lag(Field<T> field, int offset) {
        return new WindowFunctionCall<>("lag", field.type(), List.of(field, new Val<>(offset, IntegerType.INSTANCE)));
    }

    /**
     * {@code lag(field, offset, fallback)}: the value {@code offset} rows before, or the fallback.
     *
     * @param field    the expression
     * @param offset   how many rows back; bound
     * @param fallback the value where there is no such row; bound with the expression's type
     * @param <T>      its type
     * @return the function; give it a window with {@code over(...)}
     */
    public static <T> WindowFunction<T> lag(Field<T> field, int offset, T fallback) {
        return new WindowFunctionCall<>("lag", field.type(),
                List.of(field, new Val<>(offset, IntegerType.INSTANCE), Val.of(fallback, field)));
    }

    /**
     * {@code lead(field)}: the expression's value on the next row of the window, null on the last.
     *
     * @param field the expression
     * @param <T>   its type
     * @return the function; give it a window with {@code over(...)}
     */
    public static <T> WindowFunction<T> lead(Field<T> field) {
        return new WindowFunctionCall<>("lead", field.type(), List.of(field));
    }

    /**
     * {@code lead(field, offset)}: the value {@code offset} rows after, null where there is none.
     *
     * @param field  the expression
     * @param offset how many rows ahead; bound
     * @param <T>    its type
     * @return the function; give it a window with {@code over(...)}
     */
    public static <T> WindowFunction<T> lead(Field<T> field, int offset) {
        return new WindowFunctionCall<>("lead", field.type(), List.of(field, new Val<>(offset, IntegerType.INSTANCE)));
    }

    /**
     * {@code lead(field, offset, fallback)}: the value {@code offset} rows after, or the fallback.
     *
     * @param field    the expression
     * @param offset   how many rows ahead; bound
     * @param fallback the value where there is no such row; bound with the expression's type
     * @param <T>      its type
     * @return the function; give it a window with {@code over(...)}
     */
    public static <T> WindowFunction<T> lead(Field<T> field, int offset, T fallback) {
        return new WindowFunctionCall<>("lead", field.type(),
                List.of(field, new Val<>(offset, IntegerType.INSTANCE), Val.of(fallback, field)));
    }

    /**
     * {@code first_value(field)}: the value on the first row of the window frame.
     *
     * @param field the expression
     * @param <T>   its type
     * @return the function; give it a window with {@code over(...)}
     */
    public static <T> WindowFunction<T> firstValue(Field<T> field) {
        return new WindowFunctionCall<>("first_value", field.type(), List.of(field));
    }

    /**
     * {@code last_value(field)}: the value on the last row of the window frame (with an ordered window the
     * default frame ends at the current row: use {@code rowsBetween(unboundedPreceding(), unboundedFollowing())}
     * for the partition's last row).
     *
     * @param field the expression
     * @param <T>   its type
     * @return the function; give it a window with {@code over(...)}
     */
    public static <T> WindowFunction<T> lastValue(Field<T> field) {
        return new WindowFunctionCall<>("last_value", field.type(), List.of(field));
    }

    // ------------------------------------------------------------------------------------------ conditional values

    /**
     * Starts {@code case when condition then value ... end}; add branches with {@code when}, finish with
     * {@code otherwise}. Later branches may give plain values, bound with this expression's type.
     *
     * <pre>{@code
     * caseWhen(gt(POSTS.views, 1000), val("hot", TextType.INSTANCE)).when(gt(POSTS.views, 10), "warm").otherwise("cold")
     * }</pre>
     *
     * @param condition the first condition
     * @param value     the first branch's expression (a column, or {@link #val(Object, ColumnType)})
     * @param <T>       the type of the branches
     * @return the case expression
     */
    public static <T> CaseWhenStep<T> caseWhen(Condition condition, Field<T> value) {
        return new CaseWhen<>(condition, value);
    }

    /**
     * A value bound with an explicit type, as an expression: {@code val("hot", TextType.INSTANCE)}.
     *
     * @param value the value, possibly {@code null}
     * @param type  the column type that binds and reads it
     * @param <T>   the type
     * @return the bound value
     */
    public static <T> Field<T> val(T value, ColumnType<T> type) {
        return new Val<>(value, type);
    }

    /**
     * {@code nullif(field, value)}: null where the expression equals the value, the expression otherwise
     * (e.g. to avoid division by zero).
     *
     * @param field the expression
     * @param value the value turned into null; bound
     * @param <T>   the type
     * @return the expression
     */
    public static <T> Field<T> nullif(Field<T> field, T value) {
        return new FunctionCall<>("nullif", field.type(), List.of(field, Val.of(value, field)), false);
    }

    /**
     * {@code nullif(a, b)}: null where the two expressions are equal, {@code a} otherwise.
     *
     * @param a   the expression
     * @param b   the expression compared with it
     * @param <T> the type
     * @return the expression
     */
    public static <T> Field<T> nullif(Field<T> a, Field<T> b) {
        return new FunctionCall<>("nullif", a.type(), List.of(a, b), false);
    }

    /**
     * {@code cast(field as type)}: {@code cast(POSTS.views, TextType.INSTANCE)},
     * {@code cast(x, new NumericType(10, 2))}. The type name comes from the column type, never from text.
     *
     * @param field the expression
     * @param type  the target type
     * @param <T>   the target Java type
     * @return the converted expression
     * @throws IllegalArgumentException for {@code serial} types, which are not types outside create table
     */
    public static <T> Field<T> cast(Field<?> field, ColumnType<T> type) {
        return new Cast<>(field, type);
    }

    // ------------------------------------------------------------------------------------------ strings

    /**
     * {@code lower(field)}.
     *
     * @param field a text expression
     * @return the lower-cased text
     */
    public static Field<String> lower(Field<String> field) {
        return new FunctionCall<>("lower", TextType.INSTANCE, List.of(field), false);
    }

    /**
     * {@code upper(field)}.
     *
     * @param field a text expression
     * @return the upper-cased text
     */
    public static Field<String> upper(Field<String> field) {
        return new FunctionCall<>("upper", TextType.INSTANCE, List.of(field), false);
    }

    /**
     * {@code length(field)}: the number of characters.
     *
     * @param field a text expression
     * @return the length
     */
    public static Field<Integer> length(Field<String> field) {
        return new FunctionCall<>("length", IntegerType.INSTANCE, List.of(field), false);
    }

    /**
     * {@code char_length(field)}: the number of characters, the SQL-standard spelling of {@link #length}.
     *
     * @param field a text expression
     * @return the length
     */
    public static Field<Integer> charLength(Field<String> field) {
        return new FunctionCall<>("char_length", IntegerType.INSTANCE, List.of(field), false);
    }

    /**
     * {@code btrim(field)} ({@code trim(both from field)}): the text without leading and trailing spaces.
     *
     * @param field a text expression
     * @return the trimmed text
     */
    public static Field<String> trim(Field<String> field) {
        return new FunctionCall<>("btrim", TextType.INSTANCE, List.of(field), false);
    }

    /**
     * {@code substring(field, from)}: the text from character {@code from} (1-based) on.
     *
     * @param field a text expression
     * @param from  the first character, from 1; bound
     * @return the part
     */
    public static Field<String> substring(Field<String> field, int from) {
        return new FunctionCall<>("substring", TextType.INSTANCE,
                List.of(field, new Val<>(from, IntegerType.INSTANCE)), false);
    }

    /**
     * {@code substring(field, from, count)}: {@code count} characters from character {@code from} (1-based).
     *
     * @param field a text expression
     * @param from  the first character, from 1; bound
     * @param count how many characters, 0 or more; bound
     * @return the part
     */
    public static Field<String> substring(Field<String> field, int from, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("substring of " + field.name() + " needs a count of 0 or more, got "
                    + count);
        }
        return new FunctionCall<>("substring", TextType.INSTANCE,
                List.of(field, new Val<>(from, IntegerType.INSTANCE), new Val<>(count, IntegerType.INSTANCE)), false);
    }

    /**
     * {@code concat(a, b, ...)}: the parts' text joined, nulls skipped. A part that is an expression renders as
     * one; a {@code String} part is bound as a text parameter:
     * {@code concat(USERS.name, " <", USERS.email, ">")}.
     *
     * @param parts expressions ({@link Field}) and text values ({@link CharSequence})
     * @return the joined text
     * @throws IllegalArgumentException for a part that is neither, or a null part
     */
    public static Field<String> concat(Object... parts) {
        List<QueryPart> args = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            Object part = parts[i];
            if (part instanceof Field<?> field) {
                args.add(field);
            } else if (part instanceof CharSequence text) {
                args.add(new Val<>(text.toString(), TextType.INSTANCE));
            } else {
                throw new IllegalArgumentException("concat part " + (i + 1) + " must be an expression or a String, got "
                        + (part == null ? "null" : part.getClass().getName()));
            }
        }
        if (args.isEmpty()) {
            throw new IllegalArgumentException("concat needs at least one part");
        }
        return new FunctionCall<>("concat", TextType.INSTANCE, args, false);
    }

    // ------------------------------------------------------------------------------------------ dates

    /**
     * {@code now()}: the start time of the current transaction.
     *
     * @return the timestamp
     */
    public static Field<OffsetDateTime> now() {
        return new FunctionCall<>("now", TimestamptzType.INSTANCE, List.of(), false);
    }

    /**
     * {@code date_trunc('unit', field)}: a timestamp cut down to the unit, e.g. {@code dateTrunc("month", x)}.
     * The unit must be one of PostgreSQL's ({@code microseconds} ... {@code millennium}); it is checked and
     * written as a literal.
     *
     * @param unit  the unit, e.g. {@code day}, {@code week}, {@code month}
     * @param field a timestamp, timestamptz or interval expression
     * @param <T>   its type
     * @return the truncated value
     * @throws IllegalArgumentException for an unknown unit or another type
     */
    public static <T> Field<T> dateTrunc(String unit, Field<T> field) {
        return new DateTrunc<>(unit, field);
    }

    /**
     * {@code extract(part from field)}, as a number, e.g. {@code extract("year", USERS.createdAt)}. The part
     * must be one of PostgreSQL's ({@code year}, {@code month}, {@code dow}, {@code epoch}...); it is checked.
     *
     * @param part  the part
     * @param field a date, time, timestamp or interval expression
     * @return the number
     * @throws IllegalArgumentException for an unknown part
     */
    public static Field<BigDecimal> extract(String part, Field<?> field) {
        return new Extract(part, field);
    }

    // ------------------------------------------------------------------------------------------ json

    /**
     * {@code json -> key}: a member of a JSON object, as JSON (jsonb for a jsonb expression); null when missing.
     * Chains: {@code jsonGet(jsonGet(EVENTS.payload, "user"), "id")}.
     *
     * @param json a json or jsonb expression
     * @param key  the member name; bound
     * @return the member
     */
    public static Field<JsonNode> jsonGet(Field<?> json, String key) {
        return JsonAccess.element(json, key);
    }

    /**
     * {@code json -> index}: an element of a JSON array (from 0; negative counts from the end), as JSON.
     *
     * @param json  a json or jsonb expression
     * @param index the index; bound
     * @return the element
     */
    public static Field<JsonNode> jsonGet(Field<?> json, int index) {
        return JsonAccess.element(json, index);
    }

    /**
     * {@code json ->> key}: a member of a JSON object, as text (a string without its quotes); null when
     * missing.
     *
     * @param json a json or jsonb expression
     * @param key  the member name; bound
     * @return the member's text
     */
    public static Field<String> jsonGetText(Field<?> json, String key) {
        return JsonAccess.elementText(json, key);
    }

    /**
     * {@code json ->> index}: an element of a JSON array, as text.
     *
     * @param json  a json or jsonb expression
     * @param index the index; bound
     * @return the element's text
     */
    public static Field<String> jsonGetText(Field<?> json, int index) {
        return JsonAccess.elementText(json, index);
    }

    /**
     * {@code jsonb @> document}: the expression contains the document, e.g.
     * {@code jsonContains(EVENTS.payload, Map.of("kind", "signup"))}. The document is written as JSON by
     * Jackson and bound as a jsonb parameter.
     *
     * @param jsonb    a jsonb expression
     * @param document a record, map, list or {@code JsonNode}
     * @return the condition
     * @throws IllegalArgumentException when the expression is not jsonb
     */
    public static Condition jsonContains(Field<?> jsonb, Object document) {
        return new Comparison(jsonb, "@>", JsonAccess.jsonbDocument(jsonb, document));
    }

    /**
     * {@code jsonb ? key}: the key exists at the top level of the object (or the string is an element of the
     * array). Renders {@code ??} over JDBC, which pgjdbc turns back into {@code ?}.
     *
     * @param jsonb a jsonb expression
     * @param key   the key; bound
     * @return the condition
     * @throws IllegalArgumentException when the expression is not jsonb
     */
    public static Condition jsonHasKey(Field<?> jsonb, String key) {
        JsonAccess.requireJsonb(jsonb, "?");
        if (key == null) {
            throw new IllegalArgumentException("jsonHasKey(" + jsonb.name() + ", null): the key must not be null");
        }
        return new JsonKeyExists(jsonb, new Val<>(key, TextType.INSTANCE));
    }

    // ------------------------------------------------------------------------------------------ full-text search

    /**
     * {@code to_tsvector(document)} with the server's {@code default_text_search_config}.
     *
     * @param document a text expression
     * @return the tsvector
     */
    public static Field<String> toTsvector(Field<String> document) {
        return TextSearch.toTsvector(null, document);
    }

    /**
     * {@code to_tsvector('config', document)}, e.g. {@code toTsvector("english", POSTS.body)}. The configuration
     * name is checked and written as a constant, so an expression index on the same call can be used.
     *
     * @param config   a text search configuration, e.g. {@code english} or {@code simple}
     * @param document a text expression
     * @return the tsvector
     */
    public static Field<String> toTsvector(String config, Field<String> document) {
        return TextSearch.toTsvector(config, document);
    }

    /**
     * {@code to_tsquery('config', query)}: a query in tsquery syntax ({@code 'fat & (rat | cat)'}); syntax
     * errors fail on the server.
     *
     * @param config a text search configuration
     * @param query  the query; bound
     * @return the tsquery
     */
    public static Field<String> toTsquery(String config, String query) {
        return TextSearch.toTsquery("to_tsquery", config, query);
    }

    /**
     * {@code plainto_tsquery('config', text)}: all the words of plain text, and-ed; never a syntax error.
     *
     * @param config a text search configuration
     * @param text   the text; bound
     * @return the tsquery
     */
    public static Field<String> plainToTsquery(String config, String text) {
        return TextSearch.toTsquery("plainto_tsquery", config, text);
    }

    /**
     * {@code websearch_to_tsquery('config', text)}: search-engine syntax ({@code "exact phrase" -excluded or});
     * never a syntax error. The one to give user input.
     *
     * @param config a text search configuration
     * @param text   the text; bound
     * @return the tsquery
     */
    public static Field<String> websearchToTsquery(String config, String text) {
        return TextSearch.toTsquery("websearch_to_tsquery", config, text);
    }

    /**
     * {@code vector @@ query}: the document matches the query.
     *
     * @param vector a tsvector expression (a plain text expression is converted with the default configuration)
     * @param query  a tsquery expression
     * @return the condition
     */
    public static Condition matches(Field<String> vector, Field<String> query) {
        return new Comparison(vector, "@@", query);
    }

    /**
     * {@code ts_rank(vector, query)}: how well the document matches, for ordering results.
     *
     * @param vector a tsvector expression
     * @param query  a tsquery expression
     * @return the rank
     */
    public static Field<Float> tsRank(Field<String> vector, Field<String> query) {
        return new FunctionCall<>("ts_rank", RealType.INSTANCE, List.of(vector, query), false);
    }
}
