package dev.sleet.internal.exec;

import dev.sleet.exec.BatchException;
import dev.sleet.exec.SleetException;
import dev.sleet.internal.query.InsertImpl;
import dev.sleet.query.Placeholder;
import dev.sleet.render.QueryPart;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code db.batch(...)}: renders every statement first (so a statement that cannot render fails before
 * any SQL is sent), then runs them in order in one transaction, each run of consecutive statements with the
 * same SQL text as one JDBC batch, which pgjdbc pipelines in one round trip.
 */
public final class Batch {

    // pgjdbc's "Batch entry N ..." message, in any language: the first number, perhaps with grouping.
    private static final Pattern FIRST_NUMBER = Pattern.compile("\\d[\\d,.\\u00a0\\u202f]*");

    private Batch() {
    }

    /**
     * Runs the statements.
     *
     * @param executor   the executor of the {@code Db}
     * @param statements the statements, none returning rows
     * @return the affected row count of each statement, in order
     * @throws BatchException when a statement fails; nothing of the batch stays
     */
    public static int[] run(JdbcExecutor executor, List<? extends QueryPart> statements) {
        // An insert of more rows than one statement can bind runs as several statements, as execute() runs it;
        // owner[k] is the caller's statement that statement k belongs to, and its count is the sum.
        List<BoundStatement> parts = new ArrayList<>(statements.size());
        int[] owners = new int[statements.size()];
        for (int i = 0; i < statements.size(); i++) {
            QueryPart statement = Objects.requireNonNull(statements.get(i), "batch statement " + i + " is null");
            List<? extends QueryPart> pieces = statement instanceof InsertImpl insert ? insert.chunks()
                    : List.of(statement);
            for (QueryPart piece : pieces) {
                BoundStatement r = executor.bound(piece);
                Placeholder.Slot slot = r.unbound();
                if (slot != null) {
                    throw new IllegalArgumentException("batch statement " + i + " has placeholder \""
                            + slot.name() + "\" without a value; a batch runs statements as they are: bind "
                            + "values directly");
                }
                if (r.bindCount() > InsertImpl.MAX_BINDS) {
                    throw new IllegalArgumentException("batch statement " + i + " binds " + r.bindCount()
                            + " values; PostgreSQL takes at most " + InsertImpl.MAX_BINDS + " in one statement");
                }
                owners = own(owners, parts.size(), i);
                parts.add(r);
            }
        }
        if (parts.isEmpty()) {
            return new int[0];
        }
        BoundStatement[] bound = parts.toArray(new BoundStatement[0]);
        Positions positions = new Positions(owners, statements.size());
        int[] partCounts = LocalTransaction.run(executor, tx -> runAll(tx, bound, positions));
        int[] counts = new int[statements.size()];
        for (int k = 0; k < partCounts.length; k++) {
            counts[owners[k]] += partCounts[k];
        }
        return counts;
    }

    /** Records that statement {@code part} belongs to the caller's statement {@code owner}. */
    private static int[] own(int[] owners, int part, int owner) {
        int[] out = part < owners.length ? owners : Arrays.copyOf(owners, Math.max(4, owners.length * 2));
        out[part] = owner;
        return out;
    }

    /** Which of the caller's statements each statement to run belongs to, for error positions. */
    private record Positions(int[] owner, int statements) {
    }

    private static int[] runAll(JdbcExecutor executor, BoundStatement[] bound, Positions positions) {
        int[] counts = new int[bound.length];
        Connection connection;
        try {
            connection = executor.source().acquire();
        } catch (SQLException e) {
            throw SleetException.of(e, null, null);
        }
        try {
            int from = 0;
            while (from < bound.length) {
                int to = from + 1;
                while (to < bound.length && bound[to].sql().equals(bound[from].sql())) {
                    to++;
                }
                runGroup(executor, connection, bound, from, to, counts, positions);
                from = to;
            }
        } finally {
            executor.source().release(connection);
        }
        return counts;
    }

    /** Runs statements {@code from} (inclusive) to {@code to} (exclusive), which share their SQL text. */
    private static void runGroup(JdbcExecutor executor, Connection connection, BoundStatement[] bound, int from,
                                 int to, int[] counts, Positions positions) {
        String sql = bound[from].sql();
        Group group = new Group(sql, bound, from, to);
        long start = System.nanoTime();
        int current = from;
        int binds = 0;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (; current < to; current++) {
                bound[current].bindTo(ps);
                binds += bound[current].bindCount();
                ps.addBatch();
            }
            int[] result = ps.executeBatch();
            long total = 0;
            for (int k = 0; k < result.length; k++) {
                // SUCCESS_NO_INFO (-2) is not a count; report 0 as execute() does for statements without one.
                counts[from + k] = Math.max(result[k], 0);
                total += counts[from + k];
            }
            group.executed(executor, binds, total, start, null);
        } catch (BatchUpdateException e) {
            int position = failedPosition(e, to - from);
            SQLException cause = e.getNextException() != null ? e.getNextException() : e;
            throw failed(executor, group, start, bound, position < 0 ? -1 : from + position, from, to, cause,
                    positions);
        } catch (SQLException e) {
            int index = Math.min(current, to - 1);
            throw failed(executor, group, start, bound, index, index, index + 1, e, positions);
        }
    }

    /** Statements {@code from} to {@code to} of one SQL text, logged as one statement with all their values. */
    private record Group(String sql, BoundStatement[] bound, int from, int to) {

        /** Logs the group; {@code binds} is how many values its statements bind, as {@link #binds()} counts. */
        void executed(JdbcExecutor executor, int binds, long rows, long start, SleetException failure) {
            executor.executed(sql, binds, this::values, rows, start, failure);
        }

        /** How many values the group's statements bind (a successful run sums them while binding). */
        int binds() {
            int binds = 0;
            for (int i = from; i < to; i++) {
                binds += bound[i].bindCount();
            }
            return binds;
        }

        private List<Object> values() {
            List<Object> values = new ArrayList<>();
            for (int i = from; i < to; i++) {
                values.addAll(bound[i].rendered().bindValues());
            }
            return values;
        }
    }

    /** The error of a failed statement; {@code index} is -1 when only the range from..to is known. */
    private static BatchException failed(JdbcExecutor executor, Group group, long start,
                                         BoundStatement[] bound, int index, int from, int to, SQLException cause,
                                         Positions positions) {
        SleetException statementError = index < 0
                ? SleetException.of(cause, bound[from].sql(), null)
                : SleetException.of(cause, bound[index].sql(), bound[index].rendered().binds());
        int[] owner = positions.owner();
        BatchException error = index < 0 && owner[from] != owner[to - 1]
                ? new BatchException(owner[from], owner[to - 1], positions.statements(), statementError)
                : new BatchException(owner[index < 0 ? from : index], positions.statements(), statementError);
        group.executed(executor, group.binds(), -1, start, error);
        return error;
    }

    /**
     * Finds which statement of a JDBC batch failed. Inside a transaction pgjdbc marks every statement of the
     * batch {@code EXECUTE_FAILED}, so the only place it tells is its message, "Batch entry N ... was aborted"
     * (translated with the JVM's locale, N still the first number).
     *
     * @return the 0-based position in the JDBC batch, or -1 when the message does not tell
     */
    private static int failedPosition(BatchUpdateException e, int size) {
        if (size == 1) {
            return 0;
        }
        Matcher m = FIRST_NUMBER.matcher(e.getMessage() == null ? "" : e.getMessage());
        if (m.find()) {
            try {
                int position = Integer.parseInt(m.group().replaceAll("[^0-9]", ""));
                if (position < size) {
                    return position;
                }
            } catch (NumberFormatException ignored) {
                // fall through: unknown
            }
        }
        return -1;
    }
}
