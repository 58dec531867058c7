package dev.sleet.internal.query;

import dev.sleet.exec.RowShape;
import dev.sleet.query.Derived;
import dev.sleet.query.Field;
import dev.sleet.query.Select;
import dev.sleet.query.SetOperationStep;
import dev.sleet.query.SortField;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.Column;
import dev.sleet.schema.column.BigintType;
import dev.sleet.schema.column.ColumnType;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Selects combined with {@code union}, {@code intersect} and {@code except}, each in parentheses, then ordered
 * and limited as a whole. Immutable.
 */
final class SetOperationImpl extends ResultQueryBase implements SetOperationStep {

    private record Part(String operator, Select select) {
    }

    private final Select first;
    private final List<Part> rest;
    private final List<SortField> orderBy;
    private final Long limit;
    private final Long offset;

    private SetOperationImpl(Execution execution, Select first, List<Part> rest, List<SortField> orderBy, Long limit,
                             Long offset) {
        super(execution);
        this.first = first;
        this.rest = rest;
        this.orderBy = orderBy;
        this.limit = limit;
        this.offset = offset;
    }

    static SetOperationImpl start(Execution execution, Select first, String operator, Select other) {
        return new SetOperationImpl(execution, first, List.of(), List.of(), null, null).add(operator, other);
    }

    private SetOperationImpl add(String operator, Select other) {
        Objects.requireNonNull(other, "other");
        int width = first.fields().size();
        if (other.fields().size() != width) {
            throw new IllegalArgumentException(operator + " of selects of different widths: the first has " + width
                    + " columns " + names(first) + ", the other " + other.fields().size() + " " + names(other));
        }
        if (!orderBy.isEmpty() || limit != null || offset != null) {
            throw new IllegalStateException(operator + " after order by, limit or offset: combine the selects "
                    + "first, then order and limit the result");
        }
        List<Part> parts = new ArrayList<>(rest);
        parts.add(new Part(operator, other));
        return new SetOperationImpl(execution, first, List.copyOf(parts), orderBy, limit, offset);
    }

    private static List<String> names(Select select) {
        return select.fields().stream().map(Field::name).toList();
    }

    @Override
    public SetOperationStep union(Select other) {
        return add("union", other);
    }

    @Override
    public SetOperationStep unionAll(Select other) {
        return add("union all", other);
    }

    @Override
    public SetOperationStep intersect(Select other) {
        return add("intersect", other);
    }

    @Override
    public SetOperationStep intersectAll(Select other) {
        return add("intersect all", other);
    }

    @Override
    public SetOperationStep except(Select other) {
        return add("except", other);
    }

    @Override
    public SetOperationStep exceptAll(Select other) {
        return add("except all", other);
    }

    @Override
    public SetOperationStep orderBy(SortField... fields) {
        List<SortField> list = new ArrayList<>(orderBy);
        for (SortField s : fields) {
            position(s.field());   // fails now, naming the column, rather than at render time
            list.add(s);
        }
        return new SetOperationImpl(execution, first, rest, List.copyOf(list), limit, offset);
    }

    @Override
    public SetOperationStep limit(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("limit must be 0 or more, got " + count);
        }
        return new SetOperationImpl(execution, first, rest, orderBy, count, offset);
    }

    @Override
    public SetOperationStep offset(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, got " + count);
        }
        return new SetOperationImpl(execution, first, rest, orderBy, limit, count);
    }

    /** The 1-based output position of an order-by expression among the first select's columns. */
    private int position(Field<?> field) {
        List<Field<?>> fields = first.fields();
        for (int i = 0; i < fields.size(); i++) {
            Field<?> f = fields.get(i);
            if (f.equals(field) || (!(field instanceof Column<?>) && f.name().equals(field.name()))) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("order by " + field.name() + " after a set operation: it is not one of "
                + "the combined columns " + names(first));
    }

    @Override
    public List<Field<?>> fields() {
        return first.fields();
    }

    @Override
    public Derived as(String alias) {
        return new Derived(this, alias);
    }

    @Override
    RowShape shape() {
        return new RowShape(first.fields());
    }

    @Override
    public void render(RenderContext ctx) {
        // SQL binds intersect tighter than union and except; a chain in Java reads left to right, so each
        // step's left side is parenthesised: ((a union b) intersect c).
        execution.renderWith(ctx);
        ctx.sql("(".repeat(rest.size() - 1)).sql('(').visit(first).sql(')');
        for (int i = 0; i < rest.size(); i++) {
            Part p = rest.get(i);
            ctx.sql(' ').sql(p.operator()).sql(" (").visit(p.select()).sql(')');
            if (i < rest.size() - 1) {
                ctx.sql(')');
            }
        }
        if (!orderBy.isEmpty()) {
            ctx.sql(" order by ");
            for (int i = 0; i < orderBy.size(); i++) {
                if (i > 0) {
                    ctx.sql(", ");
                }
                SortField s = orderBy.get(i);
                ctx.visit(s.withField(new OutputPosition<>(position(s.field()), s.field().type())));
            }
        }
        if (limit != null) {
            ctx.sql(" limit ").bind(limit, BigintType.INSTANCE);
        }
        if (offset != null) {
            ctx.sql(" offset ").bind(offset, BigintType.INSTANCE);
        }
    }
}
