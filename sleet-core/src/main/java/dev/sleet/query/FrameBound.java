package dev.sleet.query;

import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.column.BigintType;

/**
 * One end of a window frame: {@code unbounded preceding}, {@code 3 preceding}, {@code current row},
 * {@code 1 following}, {@code unbounded following}. Built with {@link dev.sleet.Sql#unboundedPreceding()},
 * {@link dev.sleet.Sql#preceding(long)}, {@link dev.sleet.Sql#currentRow()}, {@link dev.sleet.Sql#following(long)}
 * and {@link dev.sleet.Sql#unboundedFollowing()}. Immutable.
 */
public final class FrameBound implements QueryPart {

    private enum Kind { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING }

    private static final FrameBound UNBOUNDED_PRECEDING = new FrameBound(Kind.UNBOUNDED_PRECEDING, 0);
    private static final FrameBound CURRENT_ROW = new FrameBound(Kind.CURRENT_ROW, 0);
    private static final FrameBound UNBOUNDED_FOLLOWING = new FrameBound(Kind.UNBOUNDED_FOLLOWING, 0);

    private final Kind kind;
    private final long offset;

    private FrameBound(Kind kind, long offset) {
        this.kind = kind;
        this.offset = offset;
    }

    /**
     * {@code unbounded preceding}: the first row of the partition.
     *
     * @return the bound
     */
    public static FrameBound unboundedPreceding() {
        return UNBOUNDED_PRECEDING;
    }

    /**
     * {@code n preceding}: {@code n} rows (or, in a range frame, {@code n} units of the ordering value) before
     * the current row. The offset is bound as a parameter.
     *
     * @param n the offset, 0 or more
     * @return the bound
     */
    public static FrameBound preceding(long n) {
        return new FrameBound(Kind.PRECEDING, checkOffset(n, "preceding"));
    }

    /**
     * {@code current row}.
     *
     * @return the bound
     */
    public static FrameBound currentRow() {
        return CURRENT_ROW;
    }

    /**
     * {@code n following}: {@code n} rows (or units) after the current row. The offset is bound.
     *
     * @param n the offset, 0 or more
     * @return the bound
     */
    public static FrameBound following(long n) {
        return new FrameBound(Kind.FOLLOWING, checkOffset(n, "following"));
    }

    /**
     * {@code unbounded following}: the last row of the partition.
     *
     * @return the bound
     */
    public static FrameBound unboundedFollowing() {
        return UNBOUNDED_FOLLOWING;
    }

    private static long checkOffset(long n, String what) {
        if (n < 0) {
            throw new IllegalArgumentException("a window frame offset must be 0 or more, got " + what + "(" + n + ")");
        }
        return n;
    }

    /** The position of the bound from first to last, to reject frames that end before they start. */
    int order() {
        return kind.ordinal();
    }

    boolean isUnboundedPreceding() {
        return kind == Kind.UNBOUNDED_PRECEDING;
    }

    boolean isUnboundedFollowing() {
        return kind == Kind.UNBOUNDED_FOLLOWING;
    }

    @Override
    public void render(RenderContext ctx) {
        switch (kind) {
            case UNBOUNDED_PRECEDING -> ctx.sql("unbounded preceding");
            case PRECEDING -> ctx.bind(offset, BigintType.INSTANCE).sql(" preceding");
            case CURRENT_ROW -> ctx.sql("current row");
            case FOLLOWING -> ctx.bind(offset, BigintType.INSTANCE).sql(" following");
            case UNBOUNDED_FOLLOWING -> ctx.sql("unbounded following");
        }
    }

    @Override
    public String toString() {
        return switch (kind) {
            case UNBOUNDED_PRECEDING -> "unbounded preceding";
            case PRECEDING -> offset + " preceding";
            case CURRENT_ROW -> "current row";
            case FOLLOWING -> offset + " following";
            case UNBOUNDED_FOLLOWING -> "unbounded following";
        };
    }
}
