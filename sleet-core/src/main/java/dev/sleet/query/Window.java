package dev.sleet.query;

import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The window of a window function: {@code (partition by ... order by ... rows between ... and ...)}. Immutable;
 * each method returns a new window. Start one with {@link dev.sleet.Sql#partitionBy(Field[])},
 * {@link dev.sleet.Sql#orderBy(SortField...)} or {@link dev.sleet.Sql#window()}.
 *
 * <pre>{@code
 * Window running = partitionBy(POSTS.authorId)
 *         .orderBy(asc(POSTS.publishedAt))
 *         .rowsBetween(unboundedPreceding(), currentRow());
 * db.select(POSTS.id, sum(POSTS.views).over(running)).from(POSTS).fetch();
 * }</pre>
 */
public final class Window implements QueryPart {

    /** The frame unit: rows, value range, or peer groups. */
    private enum Unit { ROWS, RANGE, GROUPS }

    private record Frame(Unit unit, FrameBound start, FrameBound end) {
    }

    private static final Window EMPTY = new Window(List.of(), List.of(), null);

    private final List<Field<?>> partitionBy;
    private final List<SortField> orderBy;
    private final Frame frame;

    private Window(List<Field<?>> partitionBy, List<SortField> orderBy, Frame frame) {
        this.partitionBy = partitionBy;
        this.orderBy = orderBy;
        this.frame = frame;
    }

    /**
     * The window of all rows of the result: {@code over ()}.
     *
     * @return the empty window
     */
    public static Window empty() {
        return EMPTY;
    }

    /**
     * Adds partitioning: the function restarts for each distinct value of these expressions.
     *
     * @param fields the partitioning expressions
     * @return a new window
     */
    public Window partitionBy(Field<?>... fields) {
        List<Field<?>> list = new ArrayList<>(partitionBy);
        for (Field<?> f : fields) {
            list.add(Objects.requireNonNull(f, "a partitionBy expression is null"));
        }
        return new Window(List.copyOf(list), orderBy, frame);
    }

    /**
     * Adds ordering within each partition, e.g. {@code orderBy(desc(POSTS.views))}.
     *
     * @param sort the sort elements
     * @return a new window
     */
    public Window orderBy(SortField... sort) {
        List<SortField> list = new ArrayList<>(orderBy);
        for (SortField s : sort) {
            list.add(Objects.requireNonNull(s, "a window orderBy element is null"));
        }
        return new Window(partitionBy, List.copyOf(list), frame);
    }

    /**
     * Adds ascending ordering by expressions within each partition.
     *
     * @param fields the expressions
     * @return a new window
     */
    public Window orderBy(Field<?>... fields) {
        return orderBy(Arrays.stream(fields).map(f -> SortField.of(f, false)).toArray(SortField[]::new));
    }

    /**
     * Sets a frame counted in rows: {@code rows between start and end}.
     *
     * @param start the first row of the frame, e.g. {@code unboundedPreceding()} or {@code preceding(2)}
     * @param end   the last row of the frame, e.g. {@code currentRow()}
     * @return a new window
     * @throws IllegalArgumentException when the frame would end before it starts
     */
    public Window rowsBetween(FrameBound start, FrameBound end) {
        return withFrame(Unit.ROWS, start, end);
    }

    /**
     * Sets a frame over the ordering value: {@code range between start and end}. With offsets
     * ({@code preceding(10)}) the window needs exactly one numeric {@code orderBy} expression.
     *
     * @param start the start of the frame
     * @param end   the end of the frame
     * @return a new window
     * @throws IllegalArgumentException when the frame would end before it starts
     */
    public Window rangeBetween(FrameBound start, FrameBound end) {
        return withFrame(Unit.RANGE, start, end);
    }

    /**
     * Sets a frame counted in peer groups (rows equal in the ordering): {@code groups between start and end}.
     *
     * @param start the start of the frame
     * @param end   the end of the frame
     * @return a new window
     * @throws IllegalArgumentException when the frame would end before it starts
     */
    public Window groupsBetween(FrameBound start, FrameBound end) {
        return withFrame(Unit.GROUPS, start, end);
    }

    private Window withFrame(Unit unit, FrameBound start, FrameBound end) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        String frameText = unit.name().toLowerCase(java.util.Locale.ROOT) + " between " + start + " and " + end;
        // PostgreSQL rejects these with a less direct message ("frame start cannot be UNBOUNDED FOLLOWING").
        if (start.isUnboundedFollowing() || end.isUnboundedPreceding() || start.order() > end.order()) {
            throw new IllegalArgumentException("the window frame '" + frameText + "' ends before it starts; the "
                    + "start must not come after the end (unbounded preceding, n preceding, current row, "
                    + "n following, unbounded following)");
        }
        return new Window(partitionBy, orderBy, new Frame(unit, start, end));
    }

    /**
     * Renders the window's contents, without parentheses: {@code partition by ... order by ... rows ...}.
     *
     * @param ctx the context
     */
    @Override
    public void render(RenderContext ctx) {
        String separator = "";
        if (!partitionBy.isEmpty()) {
            ctx.sql("partition by ").visitAll(partitionBy);
            separator = " ";
        }
        if (!orderBy.isEmpty()) {
            ctx.sql(separator).sql("order by ").visitAll(orderBy);
            separator = " ";
        }
        if (frame != null) {
            ctx.sql(separator).sql(frame.unit().name().toLowerCase(java.util.Locale.ROOT)).sql(" between ")
                    .visit(frame.start()).sql(" and ").visit(frame.end());
        }
    }
}
