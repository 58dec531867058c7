package dev.sleet.internal.query;

import dev.sleet.exec.CopyProgress;
import dev.sleet.exec.SleetException;
import dev.sleet.internal.exec.ConnectionSource;
import dev.sleet.internal.exec.JdbcExecutor;
import dev.sleet.query.CopyIntoStep;
import dev.sleet.render.RenderContext;
import dev.sleet.render.RenderedSql;
import dev.sleet.schema.Column;
import dev.sleet.schema.Table;
import dev.sleet.schema.column.ColumnType;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/** {@code COPY table (columns) FROM STDIN} in text format, fed row by row from records or maps. Immutable. */
public final class CopyIntoImpl implements CopyIntoStep {

    // Rows are encoded into a buffer and sent whenever it passes this many characters: large enough for few
    // CopyData messages, small enough that the input is never held in memory.
    private static final int FLUSH_CHARS = 1 << 16;

    private final Execution execution;
    private final Table table;
    private final List<Column<?>> columns;
    private final long progressEvery;
    private final CopyProgress progress;

    /**
     * Starts a copy into a table.
     *
     * @param execution where it runs
     * @param table     the table
     */
    public CopyIntoImpl(Execution execution, Table table) {
        this(execution, Objects.requireNonNull(table, "table"), null, 0, null);
    }

    private CopyIntoImpl(Execution execution, Table table, List<Column<?>> columns, long progressEvery,
                         CopyProgress progress) {
        this.execution = execution;
        this.table = table;
        this.columns = columns;
        this.progressEvery = progressEvery;
        this.progress = progress;
    }

    @Override
    public CopyIntoStep columns(Column<?>... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("copy into " + table + ": columns(...) needs at least one column");
        }
        Set<Column<?>> seen = new LinkedHashSet<>();
        for (Column<?> c : columns) {
            if (Objects.requireNonNull(c, "column").table() != table) {
                throw new IllegalArgumentException("copy into " + table + ": " + c + " is not a column of " + table);
            }
            if (c.generatedExpression() != null) {
                throw new IllegalArgumentException("copy into " + table + ": column " + c.name() + " is generated "
                        + "by PostgreSQL (generated always as ...) and cannot be copied into; leave it out");
            }
            if (!seen.add(c)) {
                throw new IllegalArgumentException("copy into " + table + ": column " + c.name() + " is listed twice");
            }
        }
        return new CopyIntoImpl(execution, table, List.copyOf(seen), progressEvery, progress);
    }

    @Override
    public CopyIntoStep onProgress(long everyRows, CopyProgress progress) {
        if (everyRows < 1) {
            throw new IllegalArgumentException("copy into " + table + ": onProgress needs a row interval of at "
                    + "least 1, got " + everyRows);
        }
        return new CopyIntoImpl(execution, table, columns, everyRows, Objects.requireNonNull(progress, "progress"));
    }

    @Override
    public long from(Stream<?> rows) {
        try (Stream<?> input = rows) {
            return load(input.iterator());
        }
    }

    @Override
    public long from(Iterable<?> rows) {
        return load(rows.iterator());
    }

    private long load(Iterator<?> input) {
        JdbcExecutor executor = execution.require();
        if (!input.hasNext()) {
            return 0;
        }
        Object first = input.next();
        List<Column<?>> copied = columns != null ? columns : defaultColumns(first);
        Encoders encoders = new Encoders(copied);
        RenderedSql rendered = executor.render(ctx -> render(ctx, copied));
        List<String> names = copied.stream().map(Column::name).toList();
        String target = executor.render(table).sql();
        ConnectionSource source = executor.source();
        long start = System.nanoTime();
        Connection connection = null;
        CopyIn copy = null;
        try {
            connection = source.acquire();
            copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(rendered.sql());
            StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 4096);
            long rows = 0;
            Object row = first;
            while (true) {
                rows++;
                encoders.write(row, rows, buffer);
                if (buffer.length() >= FLUSH_CHARS) {
                    send(copy, buffer);
                }
                if (progress != null && rows % progressEvery == 0) {
                    progress.rowsCopied(rows);
                }
                if (!input.hasNext()) {
                    break;
                }
                row = input.next();
            }
            send(copy, buffer);
            long copiedRows = copy.endCopy();
            executor.executed(rendered, copiedRows, start, null);
            return copiedRows;
        } catch (SQLException e) {
            cancel(copy, e);
            SleetException error = CopyText.failure("copy into", target, names, e, rendered.sql());
            executor.executed(rendered, -1, start, error);
            throw error;
        } catch (RuntimeException | Error e) {
            // A bad row, the caller's stream or progress listener: cancel, so that nothing is stored.
            cancel(copy, e);
            executor.executed(rendered, -1, start, null);
            throw e;
        } finally {
            if (connection != null) {
                source.release(connection);
            }
        }
    }

    private void render(RenderContext ctx, List<Column<?>> copied) {
        ctx.sql("copy ").visit(table).sql(" (");
        for (int i = 0; i < copied.size(); i++) {
            if (i > 0) {
                ctx.sql(", ");
            }
            ctx.identifier(copied.get(i).name());
        }
        ctx.sql(") from stdin");
    }

    private static void send(CopyIn copy, StringBuilder buffer) throws SQLException {
        if (buffer.length() == 0) {
            return;
        }
        // pgjdbc always runs with client_encoding UTF8.
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    private static void cancel(CopyIn copy, Throwable first) {
        if (copy != null && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException | RuntimeException e) {
                first.addSuppressed(e);
            }
        }
    }

    /** Without {@code columns(...)}: what the first row has values for, generated columns left out. */
    private List<Column<?>> defaultColumns(Object first) {
        List<Column<?>> out = new ArrayList<>();
        if (first instanceof Record record) {
            Map<String, Column<?>> byName = byName();
            Set<Column<?>> matched = new LinkedHashSet<>();
            for (RecordComponent rc : record.getClass().getRecordComponents()) {
                Column<?> c = byName.get(normalise(rc.getName()));
                if (c == null) {
                    throw noSuchColumn(record.getClass(), rc.getName());
                }
                matched.add(c);
            }
            for (Column<?> c : table.columns()) {
                if (matched.contains(c) && !generated(c)) {
                    out.add(c);
                }
            }
        } else if (first instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                column(key);
            }
            for (Column<?> c : table.columns()) {
                if (map.containsKey(c)) {
                    if (c.generatedExpression() != null) {
                        throw new IllegalArgumentException("copy into " + table + ": column " + c.name() + " is "
                                + "generated by PostgreSQL and cannot be copied into; leave it out of the rows");
                    }
                    out.add(c);
                }
            }
        } else {
            throw notARow(first, 1);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("copy into " + table + ": the rows have values for no column that "
                    + "can be copied");
        }
        return out;
    }

    /** Columns PostgreSQL fills itself: generated expressions and {@code generated always} identities. */
    private static boolean generated(Column<?> c) {
        return c.generatedExpression() != null || (c.identity() != null && c.identity().always());
    }

    private Map<String, Column<?>> byName() {
        Map<String, Column<?>> byName = new HashMap<>();
        for (Column<?> c : table.columns()) {
            byName.put(normalise(c.name()), c);
        }
        return byName;
    }

    private Column<?> column(Object key) {
        if (!(key instanceof Column<?> c) || c.table() != table) {
            throw new IllegalArgumentException("copy into " + table + ": map keys must be columns of " + table
                    + ", not " + key);
        }
        return c;
    }

    private IllegalArgumentException noSuchColumn(Class<?> type, String component) {
        return new IllegalArgumentException("copy into " + table + ": " + type.getSimpleName() + "." + component
                + " matches no column of " + table + "; columns are "
                + table.columns().stream().map(Column::name).toList());
    }

    private IllegalArgumentException notARow(Object row, long number) {
        return new IllegalArgumentException("copy into " + table + ": row " + number + " must be a record or a "
                + "Map<Column, ?>, not " + (row == null ? "null" : row.getClass().getName()));
    }

    private static String normalise(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    /** Writes rows of the copied columns as COPY text, resolving each record class once. */
    private final class Encoders {
        private final List<Column<?>> copied;
        private final ColumnType<?>[] types;
        private final Map<Class<?>, RecordEncoder> records = new HashMap<>();
        private RecordEncoder last;   // the previous row's encoder: the rows are mostly of one class

        Encoders(List<Column<?>> copied) {
            this.copied = copied;
            this.types = copied.stream().map(Column::type).toArray(ColumnType<?>[]::new);
        }

        void write(Object row, long number, StringBuilder out) {
            if (row instanceof Record record) {
                RecordEncoder encoder = last;
                if (encoder == null || encoder.type != record.getClass()) {
                    encoder = records.computeIfAbsent(record.getClass(), this::resolve);
                    last = encoder;
                }
                encoder.write(record, number, out);
            } else if (row instanceof Map<?, ?> map) {
                writeMap(map, number, out);
            } else {
                throw notARow(row, number);
            }
        }

        private void writeMap(Map<?, ?> map, long number, StringBuilder out) {
            if (map.size() != copied.size()) {
                for (Object key : map.keySet()) {
                    if (!copied.contains(column(key))) {
                        throw new IllegalArgumentException("copy into " + table + ": row " + number + " has a value "
                                + "for column " + ((Column<?>) key).name() + ", which is not copied; the columns "
                                + "copied are " + copied.stream().map(Column::name).toList());
                    }
                }
            }
            for (int i = 0; i < types.length; i++) {
                Column<?> c = copied.get(i);
                if (!map.containsKey(c)) {
                    throw new IllegalArgumentException("copy into " + table + ": row " + number + " has no value "
                            + "for column " + c.name() + "; every row must have the copied columns "
                            + copied.stream().map(Column::name).toList() + " (a null value copies NULL)");
                }
                Object v = map.get(c);
                if (v != null && !types[i].accepts(v)) {
                    throw new IllegalArgumentException("copy into " + table + ": row " + number + ", column "
                            + c.name() + " is " + types[i].sqlName() + " (" + types[i].javaType().getName()
                            + "); a " + v.getClass().getName() + " does not fit");
                }
                value(i, v, out);
            }
            out.append('\n');
        }

        @SuppressWarnings("unchecked")
        private void value(int i, Object v, StringBuilder out) {
            if (i > 0) {
                out.append('\t');
            }
            if (v == null) {
                out.append(CopyText.NULL);
                return;
            }
            int start = out.length();
            ((ColumnType<Object>) types[i]).writeText(v, out);
            CopyText.escape(out, start);
        }

        private RecordEncoder resolve(Class<?> type) {
            Map<String, Column<?>> byName = byName();
            RecordComponent[] all = type.getRecordComponents();
            Map<Column<?>, Integer> components = new HashMap<>();
            for (int k = 0; k < all.length; k++) {
                Column<?> c = byName.get(normalise(all[k].getName()));
                if (c == null) {
                    throw noSuchColumn(type, all[k].getName());
                }
                components.put(c, k);
            }
            // the copied columns' components in their order, then those that must be null
            List<Integer> read = new ArrayList<>(all.length);
            for (Column<?> c : copied) {
                Integer k = components.remove(c);
                if (k == null) {
                    throw new IllegalArgumentException("copy into " + table + ": " + type.getSimpleName() + " has no "
                            + "component for column " + c.name() + "; give it one, or copy fewer columns with "
                            + "columns(...)");
                }
                RecordComponent rc = all[k];
                if (!c.type().javaType().isAssignableFrom(RecordGetters.boxedType(rc))) {
                    throw new IllegalArgumentException("copy into " + table + ": " + type.getSimpleName() + "."
                            + rc.getName() + " is " + rc.getType().getName() + ", but column " + c.name() + " is "
                            + c.type().sqlName() + " (" + c.type().javaType().getName() + ")");
                }
                read.add(k);
            }
            // Components of generated columns that are not copied must be null, as in an insert.
            List<String> mustBeNullNames = new ArrayList<>();
            for (Map.Entry<Column<?>, Integer> e : components.entrySet()) {
                if (generated(e.getKey())) {
                    read.add(e.getValue());
                    mustBeNullNames.add(all[e.getValue()].getName());
                }
            }
            int[] order = read.stream().mapToInt(Integer::intValue).toArray();
            return new RecordEncoder(type, RecordGetters.reader(type, order), copied.size(),
                    mustBeNullNames.toArray(String[]::new));
        }

        /** How records of one class are written: their copied columns' values, then those that must be null. */
        private final class RecordEncoder {
            private final Class<?> type;
            private final RecordGetters.Reader reader;
            private final int copiedCount;
            private final String[] mustBeNullNames;

            RecordEncoder(Class<?> type, RecordGetters.Reader reader, int copiedCount, String[] mustBeNullNames) {
                this.type = type;
                this.reader = reader;
                this.copiedCount = copiedCount;
                this.mustBeNullNames = mustBeNullNames;
            }

            void write(Record record, long number, StringBuilder out) {
                Object[] values = reader.read(record);
                for (int i = 0; i < copiedCount; i++) {
                    value(i, values[i], out);
                }
                for (int i = 0; i < mustBeNullNames.length; i++) {
                    if (values[copiedCount + i] != null) {
                        throw new IllegalArgumentException("copy into " + table + ": row " + number + ": "
                                + type.getSimpleName() + "." + mustBeNullNames[i] + " has a value, but its column is "
                                + "generated by PostgreSQL; leave it null, or name the column in columns(...) to "
                                + "copy identity values");
                    }
                }
                out.append('\n');
            }
        }
    }
}
