package dev.sleet.bench.northwind;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Customers written in the text format of {@code COPY ... FROM STDIN} by hand, as the raw JDBC contender of the
 * COPY workloads does it: each row appended to a buffer (tab between values, {@code \N} for null, backslash,
 * tab, newline and carriage return escaped), the buffer sent as UTF-8 whenever it passes 64 KB, through pgjdbc's
 * {@code CopyManager}. The same encoding writes the file that {@code psql \copy} reads.
 */
public final class CustomerCopy {

    /** The statement, into {@link ScratchCustomers}. */
    public static final String SQL = "copy " + ScratchCustomers.NAME + " (" + ScratchCustomers.COLUMNS
            + ") from stdin";

    private static final int FLUSH_CHARS = 1 << 16;

    private CustomerCopy() {
    }

    /**
     * Copies customers into {@link ScratchCustomers} on a connection.
     *
     * @param connection a pgjdbc connection (a pool's wrapper is unwrapped)
     * @param rows       the customers
     * @return the rows the server reports copied
     * @throws SQLException when the server rejects the copy; it is cancelled, nothing stays
     */
    public static long copy(Connection connection, Iterable<CustomerRow> rows) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(SQL);
        try {
            StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 1024);
            for (CustomerRow row : rows) {
                append(buffer, row);
                if (buffer.length() >= FLUSH_CHARS) {
                    byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    buffer.setLength(0);
                }
            }
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            return copy.endCopy();
        } catch (SQLException | RuntimeException | Error e) {
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException cancel) {
                    e.addSuppressed(cancel);
                }
            }
            throw e;
        }
    }

    /**
     * Writes customers to a stream in the same format, for {@code psql \copy} and {@code copyIn(sql, stream)}.
     *
     * @param out  the stream, left open
     * @param rows the customers
     * @throws IOException when writing fails
     */
    public static void write(OutputStream out, Iterable<CustomerRow> rows) throws IOException {
        StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 1024);
        for (CustomerRow row : rows) {
            append(buffer, row);
            if (buffer.length() >= FLUSH_CHARS) {
                out.write(buffer.toString().getBytes(StandardCharsets.UTF_8));
                buffer.setLength(0);
            }
        }
        out.write(buffer.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Appends one customer as a line of COPY text.
     *
     * @param out the buffer
     * @param row the customer
     */
    public static void append(StringBuilder out, CustomerRow row) {
        out.append(row.id()).append('\t');
        text(out, row.companyName()).append('\t');
        text(out, row.contactName()).append('\t');
        text(out, row.contactTitle()).append('\t');
        text(out, row.address()).append('\t');
        text(out, row.city()).append('\t');
        text(out, row.postalCode()).append('\t');
        text(out, row.region()).append('\t');
        text(out, row.country()).append('\t');
        text(out, row.phone()).append('\t');
        text(out, row.fax()).append('\n');
    }

    private static StringBuilder text(StringBuilder out, String value) {
        if (value == null) {
            return out.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
        return out;
    }
}
