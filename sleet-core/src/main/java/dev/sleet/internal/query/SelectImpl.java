package dev.sleet.internal.query;

import dev.sleet.exec.RowShape;
import dev.sleet.internal.expr.AliasedField;
import dev.sleet.query.Condition;
import dev.sleet.query.Field;
import dev.sleet.query.Select;
import dev.sleet.query.SelectFromStep;
import dev.sleet.query.SelectHavingStep;
import dev.sleet.query.SelectJoinStep;
import dev.sleet.query.SelectLimitStep;
import dev.sleet.query.SelectOffsetStep;
import dev.sleet.query.SelectOnStep;
import dev.sleet.query.SelectOrderByStep;
import dev.sleet.query.SortField;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.Column;
import dev.sleet.schema.Table;
import dev.sleet.schema.column.BigintType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The one implementation of every select step. Immutable: each step returns a new instance sharing the
 * unchanged parts.
 */
public final class SelectImpl extends ResultQueryBase
        implements SelectFromStep, SelectJoinStep, SelectOnStep, SelectHavingStep, SelectOffsetStep {

    private record Join(String keyword, Table table, Condition on) {
    }

    private final List<Field<?>> fields;
    private final Table from;
    private final List<Join> joins;
    private final List<Condition> where;
    private final List<Field<?>> groupBy;
    private final List<Condition> having;
    private final List<SortField> orderBy;
    private final Long limit;
    private final Long offset;

    /**
     * Starts a select.
     *
     * @param execution where it runs
     * @param fields    the selected expressions; none means every column of the tables in {@code from}
     */
    public SelectImpl(Execution execution, List<Field<?>> fields) {
        this(execution, List.copyOf(fields), null, List.of(), List.of(), List.of(), List.of(), List.of(), null, null);
    }

    private SelectImpl(Execution execution, List<Field<?>> fields, Table from, List<Join> joins,
                       List<Condition> where, List<Field<?>> groupBy, List<Condition> having,
                       List<SortField> orderBy, Long limit, Long offset) {
        super(execution);
        this.fields = fields;
        this.from = from;
        this.joins = joins;
        this.where = where;
        this.groupBy = groupBy;
        this.having = having;
        this.orderBy = orderBy;
        this.limit = limit;
        this.offset = offset;
    }

    @Override
    public SelectJoinStep from(Table table) {
        Objects.requireNonNull(table, "table");
        if (from != null) {
            throw new IllegalStateException("from(...) is already " + from + "; join other tables instead");
        }
        return new SelectImpl(execution, fields, table, joins, where, groupBy, having, orderBy, limit, offset);
    }

    @Override
    public SelectOnStep innerJoin(Table table) {
        return join("inner join", table);
    }

    @Override
    public SelectOnStep leftJoin(Table table) {
        return join("left join", table);
    }

    @Override
    public SelectOnStep rightJoin(Table table) {
        return join("right join", table);
    }

    @Override
    public SelectOnStep fullJoin(Table table) {
        return join("full join", table);
    }

    @Override
    public SelectJoinStep crossJoin(Table table) {
        return join("cross join", table);
    }

    private SelectImpl join(String keyword, Table table) {
        Objects.requireNonNull(table, "table");
        List<Join> list = new ArrayList<>(joins);
        list.add(new Join(keyword, table, null));
        return new SelectImpl(execution, fields, from, List.copyOf(list), where, groupBy, having, orderBy, limit, offset);
    }

    @Override
    public SelectJoinStep on(Condition condition) {
        Objects.requireNonNull(condition, "condition");
        List<Join> list = new ArrayList<>(joins);
        Join last = list.remove(list.size() - 1);
        list.add(new Join(last.keyword(), last.table(), condition));
        return new SelectImpl(execution, fields, from, List.copyOf(list), where, groupBy, having, orderBy, limit, offset);
    }

    @Override
    public SelectImpl where(Condition... conditions) {
        return new SelectImpl(execution, fields, from, joins, append(where, conditions), groupBy, having, orderBy,
                limit, offset);
    }

    @Override
    public SelectHavingStep groupBy(Field<?>... expressions) {
        return new SelectImpl(execution, fields, from, joins, where, append(groupBy, expressions), having, orderBy,
                limit, offset);
    }

    @Override
    public SelectOrderByStep having(Condition... conditions) {
        return new SelectImpl(execution, fields, from, joins, where, groupBy, append(having, conditions), orderBy,
                limit, offset);
    }

    @Override
    public SelectLimitStep orderBy(SortField... sort) {
        return new SelectImpl(execution, fields, from, joins, where, groupBy, having, append(orderBy, sort), limit,
                offset);
    }

    @Override
    public SelectLimitStep orderBy(Field<?>... sort) {
        SortField[] asc = new SortField[sort.length];
        for (int i = 0; i < sort.length; i++) {
            asc[i] = SortField.of(sort[i], false);
        }
        return orderBy(asc);
    }

    @Override
    public SelectOffsetStep limit(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("limit must be 0 or more, got " + count);
        }
        return new SelectImpl(execution, fields, from, joins, where, groupBy, having, orderBy, count, offset);
    }

    @Override
    public Select offset(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, got " + count);
        }
        return new SelectImpl(execution, fields, from, joins, where, groupBy, having, orderBy, limit, count);
    }

    @SafeVarargs
    @SuppressWarnings("varargs")   // the array is only read
    private static <T> List<T> append(List<T> list, T... more) {
        for (T t : more) {
            Objects.requireNonNull(t, "a null was passed where an expression was expected");
        }
        if (list.isEmpty()) {
            return List.of(more);
        }
        List<T> out = new ArrayList<>(list);
        out.addAll(Arrays.asList(more));
        return List.copyOf(out);
    }

    /** Returns the selected expressions, expanding {@code select()} to every column of the tables. */
    List<Field<?>> selectedFields() {
        if (!fields.isEmpty()) {
            return fields;
        }
        if (from == null) {
            throw new IllegalStateException("select() without columns needs from(...): it selects every column "
                    + "of the tables in from and joins");
        }
        List<Field<?>> all = new ArrayList<>(from.columns());
        for (Join j : joins) {
            for (Column<?> c : j.table().columns()) {
                all.add(c);
            }
        }
        return all;
    }

    @Override
    RowShape shape() {
        return new RowShape(selectedFields());
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.sql("select ");
        SelectList.render(ctx, selectedFields());
        if (from != null) {
            ctx.sql(" from ").visit(from);
        }
        for (Join j : joins) {
            ctx.sql(' ').sql(j.keyword()).sql(' ').visit(j.table());
            if (j.on() != null) {
                ctx.sql(" on ").visit(j.on());
            } else if (!j.keyword().equals("cross join")) {
                throw new IllegalStateException(j.keyword() + " " + j.table() + " has no on(...) condition");
            }
        }
        conditions(ctx, " where ", where);
        List<Field<?>> selected = selectedFields();
        if (!groupBy.isEmpty()) {
            ctx.sql(" group by ");
            for (int i = 0; i < groupBy.size(); i++) {
                if (i > 0) {
                    ctx.sql(", ");
                }
                Field<?> f = groupBy.get(i);
                int position = selected.indexOf(f);
                // A selected expression is grouped by its position: written out again it would carry its own
                // bind parameters, and PostgreSQL could not tell it is the same expression as the selected one.
                if (position >= 0 && !(f instanceof Column<?>)) {
                    ctx.sql(Integer.toString(position + 1));
                } else {
                    ctx.visit(f);
                }
            }
        }
        conditions(ctx, " having ", having);
        if (!orderBy.isEmpty()) {
            ctx.sql(" order by ");
            for (int i = 0; i < orderBy.size(); i++) {
                if (i > 0) {
                    ctx.sql(", ");
                }
                SortField s = orderBy.get(i);
                // A selected alias is ordered by its output name, for the same reason as in group by.
                boolean selectedAlias = s.field() instanceof AliasedField<?> a && selected.contains(a);
                ctx.visit(selectedAlias ? s.withField(((AliasedField<?>) s.field()).reference()) : s);
            }
        }
        if (limit != null) {
            ctx.sql(" limit ").bind(limit, BigintType.INSTANCE);
        }
        if (offset != null) {
            ctx.sql(" offset ").bind(offset, BigintType.INSTANCE);
        }
    }

    static void conditions(RenderContext ctx, String keyword, List<Condition> conditions) {
        if (conditions.isEmpty()) {
            return;
        }
        ctx.sql(keyword);
        if (conditions.size() == 1) {
            ctx.visit(conditions.get(0));
        } else {
            ctx.visitAll(conditions, " and ");
        }
    }
}
