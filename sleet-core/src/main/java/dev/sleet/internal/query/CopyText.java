package dev.sleet.internal.query;

import dev.sleet.exec.SleetException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's {@code COPY} text format: fields separated by tabs, rows ended by a newline, {@code \N} for
 * NULL, and backslash escapes for a backslash, tab, newline and carriage return inside a value.
 */
final class CopyText {

    /** How SQL NULL is written. */
    static final String NULL = "\\N";

    private static final Pattern LINE = Pattern.compile("\\bline (\\d+)");

    private CopyText() {
    }

    /**
     * Escapes, in place, the value text appended to {@code out} from {@code start} on.
     *
     * @param out   the buffer
     * @param start where the value's text begins
     */
    static void escape(StringBuilder out, int start) {
        int end = out.length();
        int i = start;
        while (i < end && !special(out.charAt(i))) {
            i++;
        }
        if (i == end) {
            return;   // the usual case: nothing to escape, nothing copied
        }
        String tail = out.substring(i);
        out.setLength(i);
        for (int k = 0; k < tail.length(); k++) {
            char c = tail.charAt(k);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }

    /**
     * Splits one row as {@code COPY ... TO STDOUT} writes it into its unescaped fields, {@code null} for
     * {@code \N}.
     *
     * @param line     the row, with or without its newline
     * @param expected how many fields the row must have
     * @return the fields
     */
    static String[] split(String line, int expected) {
        int end = line.endsWith("\n") ? line.length() - 1 : line.length();
        String[] fields = new String[expected];
        int field = 0;
        int from = 0;
        while (true) {
            int tab = line.indexOf('\t', from);
            int to = tab < 0 || tab > end ? end : tab;
            if (field == expected) {
                throw new IllegalStateException("a COPY row has more than the " + expected + " columns asked for");
            }
            fields[field++] = unescape(line, from, to);
            if (to == end) {
                break;
            }
            from = to + 1;
        }
        if (field != expected) {
            throw new IllegalStateException("a COPY row has " + field + " columns, not the " + expected
                    + " asked for");
        }
        return fields;
    }

    private static String unescape(String line, int from, int to) {
        if (to - from == 2 && line.charAt(from) == '\\' && line.charAt(from + 1) == 'N') {
            return null;
        }
        int backslash = line.indexOf('\\', from);
        if (backslash < 0 || backslash >= to) {
            return line.substring(from, to);
        }
        StringBuilder out = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = line.charAt(i);
            if (c != '\\' || i + 1 >= to) {
                out.append(c);
                continue;
            }
            char n = line.charAt(++i);
            switch (n) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000B');
                case 'x' -> {
                    int value = 0;
                    int digits = 0;
                    while (digits < 2 && i + 1 < to && Character.digit(line.charAt(i + 1), 16) >= 0) {
                        value = value * 16 + Character.digit(line.charAt(++i), 16);
                        digits++;
                    }
                    out.append(digits == 0 ? 'x' : (char) value);
                }
                default -> {
                    if (n >= '0' && n <= '7') {
                        int value = n - '0';
                        for (int d = 0; d < 2 && i + 1 < to && line.charAt(i + 1) >= '0' && line.charAt(i + 1) <= '7'; d++) {
                            value = value * 8 + (line.charAt(++i) - '0');
                        }
                        out.append((char) value);
                    } else {
                        out.append(n);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * Describes a failed {@code COPY}: the table, the line and column PostgreSQL named in its {@code CONTEXT}
     * (never the row text that follows them there), and the server's error.
     *
     * @param verb      {@code "copy into"} or {@code "copy out of"}
     * @param table     the table as rendered
     * @param columns   the names of the copied columns
     * @param e         the driver's exception
     * @param sql       the {@code COPY} statement
     * @return the exception to throw
     */
    static dev.sleet.exec.CopyException failure(String verb, String table, List<String> columns, SQLException e,
                                                 String sql) {
        SleetException server = SleetException.of(e, sql, null);
        ServerErrorMessage message = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String where = message == null || message.getWhere() == null ? "" : message.getWhere();
        long line = 0;
        String column = null;
        // The CONTEXT reads "COPY t, line 3, column name: "<the value>"": take the line and a known column
        // name, never what follows.
        int copyContext = where.indexOf("COPY ");
        if (copyContext >= 0) {
            String context = where.substring(copyContext);
            int valueStart = context.indexOf(": ");
            String head = valueStart < 0 ? context : context.substring(0, valueStart);
            Matcher m = LINE.matcher(head);
            if (m.find()) {
                line = Long.parseLong(m.group(1));
            }
            for (String c : columns) {
                if (head.endsWith(", column " + c)) {
                    column = c;
                }
            }
        }
        StringBuilder text = new StringBuilder(verb).append(' ').append(table).append(" failed");
        if (line > 0) {
            text.append(" at line ").append(line).append(" (row ").append(line).append(" of the input)");
        }
        if (column != null) {
            text.append(", column ").append(column);
        }
        text.append(verb.equals("copy into") ? "; no row was stored: " : ": ").append(server.getMessage());
        return new dev.sleet.exec.CopyException(table, line, text.toString(), sql, server);
    }
}
