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

    /**
     * The clauses of a select. A step copies it, changes what the step is about and wraps the copy, so a new
     * clause is one more field here rather than one more constructor argument everywhere.
     */
    private static final class Spec implements Cloneable {
        List<Field<?>> fields = List.of();
        Table from;
        List<Join> joins = List.of();
        List<Condition> where = List.of();
        List<Field<?>> groupBy = List.of();
        List<Condition> having = List.of();
        List<SortField> orderBy = List.of();
        Long limit;
        Long offset;

        Spec copy() {
            try {
                return (Spec) clone();   // every field is immutable, so a shallow copy is a full one
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private final Spec spec;

    /**
     * Starts a select.
     *
     * @param execution where it runs
     * @param fields    the selected expressions; none means every column of the tables in {@code from}
     */
    public SelectImpl(Execution execution, List<Field<?>> fields) {
        super(execution);
        this.spec = new Spec();
        this.spec.fields = List.copyOf(fields);
    }

    private SelectImpl(Execution execution, Spec spec) {
        super(execution);
        this.spec = spec;
    }

    /** Returns a new select with one change applied to a copy of the clauses. */
    private SelectImpl with(java.util.function.Consumer<Spec> change) {
        Spec copy = spec.copy();
        change.accept(copy);
        return new SelectImpl(execution, copy);
    }

    @Override
    public SelectJoinStep from(Table table) {
        Objects.requireNonNull(table, "table");
        if (spec.from != null) {
            throw new IllegalStateException("from(...) is already " + spec.from + "; join other tables instead");
        }
        return with(s -> s.from = table);
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
        return with(s -> s.joins = append(s.joins, new Join(keyword, table, null)));
    }

    @Override
    public SelectJoinStep on(Condition condition) {
        Objects.requireNonNull(condition, "condition");
        return with(s -> {
            List<Join> list = new ArrayList<>(s.joins);
            Join last = list.remove(list.size() - 1);
            list.add(new Join(last.keyword(), last.table(), condition));
            s.joins = List.copyOf(list);
        });
    }

    @Override
    public SelectImpl where(Condition... conditions) {
        return with(s -> s.where = append(s.where, conditions));
    }

    @Override
    public SelectHavingStep groupBy(Field<?>... expressions) {
        return with(s -> s.groupBy = append(s.groupBy, expressions));
    }

    @Override
    public SelectOrderByStep having(Condition... conditions) {
        return with(s -> s.having = append(s.having, conditions));
    }

    @Override
    public SelectLimitStep orderBy(SortField... sort) {
        return with(s -> s.orderBy = append(s.orderBy, sort));
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
        return with(s -> s.limit = count);
    }

    @Override
    public Select offset(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, got " + count);
        }
        return with(s -> s.offset = count);
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
        if (!spec.fields.isEmpty()) {
            return spec.fields;
        }
        if (spec.from == null) {
            throw new IllegalStateException("select() without columns needs from(...): it selects every column "
                    + "of the tables in from and joins");
        }
        List<Field<?>> all = new ArrayList<>(spec.from.columns());
        for (Join j : spec.joins) {
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
        if (spec.from != null) {
            ctx.sql(" from ").visit(spec.from);
        }
        for (Join j : spec.joins) {
            ctx.sql(' ').sql(j.keyword()).sql(' ').visit(j.table());
            if (j.on() != null) {
                ctx.sql(" on ").visit(j.on());
            } else if (!j.keyword().equals("cross join")) {
                throw new IllegalStateException(j.keyword() + " " + j.table() + " has no on(...) condition");
            }
        }
        conditions(ctx, " where ", spec.where);
        List<Field<?>> selected = selectedFields();
        if (!spec.groupBy.isEmpty()) {
            ctx.sql(" group by ");
            for (int i = 0; i < spec.groupBy.size(); i++) {
                if (i > 0) {
                    ctx.sql(", ");
                }
                Field<?> f = spec.groupBy.get(i);
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
        conditions(ctx, " having ", spec.having);
        if (!spec.orderBy.isEmpty()) {
            ctx.sql(" order by ");
            for (int i = 0; i < spec.orderBy.size(); i++) {
                if (i > 0) {
                    ctx.sql(", ");
                }
                SortField s = spec.orderBy.get(i);
                // A selected alias is ordered by its output name, for the same reason as in group by.
                boolean selectedAlias = s.field() instanceof AliasedField<?> a && selected.contains(a);
                ctx.visit(selectedAlias ? s.withField(((AliasedField<?>) s.field()).reference()) : s);
            }
        }
        if (spec.limit != null) {
            ctx.sql(" limit ").bind(spec.limit, BigintType.INSTANCE);
        }
        if (spec.offset != null) {
            ctx.sql(" offset ").bind(spec.offset, BigintType.INSTANCE);
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
