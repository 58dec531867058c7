package dev.sleet.internal.query;

import dev.sleet.exec.NoRowsException;
import dev.sleet.exec.Row;
import dev.sleet.exec.RowShape;
import dev.sleet.exec.TooManyRowsException;
import dev.sleet.internal.exec.RecordMapper;
import dev.sleet.query.Placeholder;
import dev.sleet.query.PreparedQuery;
import dev.sleet.query.PreparedResultQuery;
import dev.sleet.render.Bind;
import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderedSql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A statement rendered once with its placeholders as slots; each run fills the slots from the bound values
 * and sends the same SQL text, so pgjdbc reuses its server-side prepared statement.
 */
final class PreparedImpl implements PreparedQuery, PreparedResultQuery {

    private final Execution execution;
    private final RenderedSql rendered;
    private final RowShape shape;               // null for statements without rows
    private final Set<String> names;
    private final Map<String, Object> values;

    private PreparedImpl(Execution execution, RenderedSql rendered, RowShape shape, Set<String> names,
                         Map<String, Object> values) {
        this.execution = execution;
        this.rendered = rendered;
        this.shape = shape;
        this.names = names;
        this.values = values;
    }

    /**
     * Renders a statement once.
     *
     * @param execution where it runs
     * @param statement the statement
     * @param shape     its rows, or {@code null}
     * @return the prepared statement
     */
    static PreparedImpl of(Execution execution, QueryPart statement, RowShape shape) {
        RenderedSql rendered = execution.require().render(statement);
        if (rendered.binds().size() > InsertImpl.MAX_BINDS) {
            // execute() splits such an insert into several statements; a prepared statement is one statement.
            throw new IllegalArgumentException("the statement binds " + rendered.binds().size() + " values; "
                    + "PostgreSQL takes at most " + InsertImpl.MAX_BINDS + " in one statement, so it cannot be "
                    + "prepared: execute it directly (inserts are split) or load the rows with copyInto");
        }
        Set<String> names = new LinkedHashSet<>();
        for (Bind b : rendered.binds()) {
            if (b.value() instanceof Placeholder.Slot slot) {
                names.add(slot.name());
            }
        }
        return new PreparedImpl(execution, rendered, shape, Set.copyOf(names), Map.of());
    }

    @Override
    public PreparedImpl bind(String name, Object value) {
        if (!names.contains(name)) {
            throw new IllegalArgumentException("the statement has no placeholder \"" + name + "\"; it has "
                    + (names.isEmpty() ? "none" : names));
        }
        for (Bind b : rendered.binds()) {
            if (b.value() instanceof Placeholder.Slot slot && slot.name().equals(name) && value != null
                    && !b.type().accepts(value)) {
                throw new IllegalArgumentException("placeholder \"" + name + "\" is " + b.type().sqlName() + " ("
                        + b.type().javaType().getName() + "); a " + value.getClass().getName() + " does not fit");
            }
        }
        Map<String, Object> more = new HashMap<>(values);
        more.put(name, value);
        return new PreparedImpl(execution, rendered, shape, names, more);
    }

    /** The rendered statement with every slot replaced by its value; fails before SQL is sent if one is unbound. */
    private RenderedSql filled() {
        List<Bind> binds = new ArrayList<>(rendered.binds().size());
        for (Bind b : rendered.binds()) {
            if (b.value() instanceof Placeholder.Slot slot) {
                if (!values.containsKey(slot.name())) {
                    throw new IllegalStateException("placeholder \"" + slot.name() + "\" was never bound; call "
                            + "bind(\"" + slot.name() + "\", value) before running the statement");
                }
                binds.add(new Bind(values.get(slot.name()), b.type()));
            } else {
                binds.add(b);
            }
        }
        return new RenderedSql(rendered.sql(), binds);
    }

    @Override
    public int execute() {
        // without a row shape it is an insert, update or delete without returning: no result to describe
        return shape == null ? execution.require().executeUpdate(filled()) : execution.require().execute(filled());
    }

    @Override
    public List<Row> fetch() {
        return execution.require().fetch(filled(), ResultQueryBase.rowReader(rows()));
    }

    @Override
    public Row fetchOne() {
        return one(fetch());
    }

    @Override
    public Optional<Row> fetchOptional() {
        return optional(fetch());
    }

    @Override
    public <R> List<R> fetchInto(Class<R> type) {
        return execution.require().fetch(filled(), RecordMapper.of(rows(), type));
    }

    @Override
    public <R> R fetchOneInto(Class<R> type) {
        return one(fetchInto(type));
    }

    @Override
    public <R> Optional<R> fetchOptionalInto(Class<R> type) {
        return optional(fetchInto(type));
    }

    @Override
    public RenderedSql sql() {
        return rendered;
    }

    private RowShape rows() {
        if (shape == null) {
            throw new IllegalStateException("this statement returns no rows; use execute()");
        }
        return shape;
    }

    private <T> T one(List<T> rows) {
        if (rows.isEmpty()) {
            throw new NoRowsException(rendered.sql());
        }
        if (rows.size() > 1) {
            throw new TooManyRowsException(rows.size(), rendered.sql());
        }
        return rows.get(0);
    }

    private <T> Optional<T> optional(List<T> rows) {
        if (rows.size() > 1) {
            throw new TooManyRowsException(rows.size(), rendered.sql());
        }
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    @Override
    public String toString() {
        return rendered.sql();
    }
}
