package dev.sleet.internal.expr;

import dev.sleet.query.CaseWhenStep;
import dev.sleet.query.Condition;
import dev.sleet.query.Field;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.column.ColumnType;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code case when c1 then v1 when c2 then v2 [else e] end}. Immutable: each branch makes a new instance.
 *
 * @param <T> the value type
 */
public final class CaseWhen<T> implements CaseWhenStep<T> {

    private record Branch(Condition condition, Field<?> value) {
    }

    private final ColumnType<T> type;
    private final List<Branch> branches;
    private final Field<T> otherwise;

    /**
     * Starts a case expression with its first branch, whose expression also gives the type of later values.
     *
     * @param condition the first condition
     * @param value     the first value expression
     */
    public CaseWhen(Condition condition, Field<T> value) {
        this(value.type(), List.of(new Branch(Objects.requireNonNull(condition, "condition"), value)), null);
    }

    private CaseWhen(ColumnType<T> type, List<Branch> branches, Field<T> otherwise) {
        this.type = type;
        this.branches = branches;
        this.otherwise = otherwise;
    }

    @Override
    public CaseWhenStep<T> when(Condition condition, T value) {
        return when(condition, new Val<>(value, type));
    }

    @Override
    public CaseWhenStep<T> when(Condition condition, Field<T> value) {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(value, "value (use the value overload for a null)");
        List<Branch> more = new ArrayList<>(branches);
        more.add(new Branch(condition, value));
        return new CaseWhen<>(type, List.copyOf(more), null);
    }

    @Override
    public Field<T> otherwise(T value) {
        return otherwise(new Val<>(value, type));
    }

    @Override
    public Field<T> otherwise(Field<T> value) {
        return new CaseWhen<>(type, branches, Objects.requireNonNull(value, "value"));
    }

    @Override
    public ColumnType<T> type() {
        return type;
    }

    @Override
    public String name() {
        return "case";
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.sql("case");
        for (Branch b : branches) {
            ctx.sql(" when ").visit(b.condition()).sql(" then ").visit(b.value());
        }
        if (otherwise != null) {
            ctx.sql(" else ").visit(otherwise);
        }
        ctx.sql(" end");
    }
}
