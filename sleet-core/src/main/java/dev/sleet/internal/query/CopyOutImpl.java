package dev.sleet.internal.query;

import dev.sleet.exec.Row;
import dev.sleet.exec.RowShape;
import dev.sleet.exec.SleetException;
import dev.sleet.internal.exec.ConnectionSource;
import dev.sleet.internal.exec.JdbcExecutor;
import dev.sleet.internal.exec.RecordMapper;
import dev.sleet.query.CopyOutStep;
import dev.sleet.query.Field;
import dev.sleet.render.RenderContext;
import dev.sleet.render.RenderedSql;
import dev.sleet.schema.Column;
import dev.sleet.schema.Table;
import dev.sleet.schema.column.ColumnType;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** {@code COPY table (columns) TO STDOUT} in text format, written out or parsed back. Immutable. */
public final class CopyOutImpl implements CopyOutStep {

    private final Execution execution;
    private final Table table;
    private final List<Column<?>> columns;

    /**
     * Starts a copy out of a table.
     *
     * @param execution where it runs
     * @param table     the table
     */
    public CopyOutImpl(Execution execution, Table table) {
        this(execution, Objects.requireNonNull(table, "table"), null);
    }

    private CopyOutImpl(Execution execution, Table table, List<Column<?>> columns) {
        this.execution = execution;
        this.table = table;
        this.columns = columns;
    }

    @Override
    public CopyOutStep columns(Column<?>... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("copy out of " + table + ": columns(...) needs at least one column");
        }
        Set<Column<?>> seen = new LinkedHashSet<>();
        for (Column<?> c : columns) {
            if (Objects.requireNonNull(c, "column").table() != table) {
                throw new IllegalArgumentException("copy out of " + table + ": " + c + " is not a column of " + table);
            }
            if (!seen.add(c)) {
                throw new IllegalArgumentException("copy out of " + table + ": column " + c.name() + " is listed twice");
            }
        }
        return new CopyOutImpl(execution, table, List.copyOf(seen));
    }

    private List<Column<?>> copied() {
        return columns != null ? columns : table.columns();
    }

    @Override
    public long to(Writer out) {
        return run(manager -> {
            long rows = manager.copyOut(sql(), out);
            out.flush();
            return rows;
        });
    }

    @Override
    public long to(OutputStream out) {
        return run(manager -> {
            long rows = manager.copyOut(sql(), out);
            out.flush();
            return rows;
        });
    }

    @Override
    public List<Row> fetch() {
        RowShape shape = shape();
        return read(values -> new Row(shape, values));
    }

    @Override
    public <R> List<R> fetchInto(Class<R> type) {
        RecordMapper<R> mapper = RecordMapper.of(shape(), type);
        return read(mapper::fromValues);
    }

    private RowShape shape() {
        return new RowShape(new ArrayList<Field<?>>(copied()));
    }

    /** Reads every row: PostgreSQL sends each row of a {@code COPY TO} as one message. */
    private <R> List<R> read(Function<Object[], R> build) {
        List<Column<?>> copied = copied();
        ColumnType<?>[] types = copied.stream().map(Column::type).toArray(ColumnType<?>[]::new);
        List<R> rows = new ArrayList<>();
        run(manager -> {
            CopyOut copy = manager.copyOut(sql());
            try {
                byte[] data;
                while ((data = copy.readFromCopy()) != null) {
                    String[] fields;
                    try {
                        fields = CopyText.split(new String(data, StandardCharsets.UTF_8), types.length);
                    } catch (IllegalStateException malformed) {
                        throw new SleetException("copy out of " + table + ": row " + (rows.size() + 1) + ": "
                                + malformed.getMessage(), sql(), malformed);
                    }
                    Object[] values = new Object[types.length];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = fields[i] == null ? null : parse(types[i], copied.get(i), fields[i], rows.size());
                    }
                    rows.add(build.apply(values));
                }
            } catch (RuntimeException | Error e) {
                if (copy.isActive()) {
                    try {
                        copy.cancelCopy();
                    } catch (SQLException | RuntimeException cancel) {
                        e.addSuppressed(cancel);
                    }
                }
                throw e;
            }
            return (long) rows.size();
        });
        return rows;
    }

    private Object parse(ColumnType<?> type, Column<?> column, String text, int row) {
        try {
            return type.readText(text);
        } catch (RuntimeException e) {
            throw new SleetException("copy out of " + table + ": row " + (row + 1) + ", column " + column.name()
                    + " could not be read: " + e.getMessage(), sql(), e);
        }
    }

    private String sql() {
        return execution.require().render(this::render).sql();
    }

    private void render(RenderContext ctx) {
        ctx.sql("copy ").visit(table).sql(" (");
        List<Column<?>> copied = copied();
        for (int i = 0; i < copied.size(); i++) {
            if (i > 0) {
                ctx.sql(", ");
            }
            ctx.identifier(copied.get(i).name());
        }
        ctx.sql(") to stdout");
    }

    /** What runs on the connection's copy API. */
    private interface CopyWork {
        long run(CopyManager manager) throws SQLException, IOException;
    }

    private long run(CopyWork work) {
        JdbcExecutor executor = execution.require();
        RenderedSql rendered = executor.render(this::render);
        ConnectionSource source = executor.source();
        long start = System.nanoTime();
        Connection connection = null;
        try {
            connection = source.acquire();
            long rows = work.run(connection.unwrap(PGConnection.class).getCopyAPI());
            executor.executed(rendered, rows, start, null);
            return rows;
        } catch (SQLException e) {
            SleetException error = CopyText.failure("copy out of", executor.render(table).sql(),
                    copied().stream().map(Column::name).toList(), e, rendered.sql());
            executor.executed(rendered, -1, start, error);
            throw error;
        } catch (IOException e) {
            executor.executed(rendered, -1, start, null);
            throw new UncheckedIOException("copy out of " + table + ": writing the rows failed: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            executor.executed(rendered, -1, start, e instanceof SleetException se ? se : null);
            throw e;
        } finally {
            if (connection != null) {
                source.release(connection);
            }
        }
    }
}
