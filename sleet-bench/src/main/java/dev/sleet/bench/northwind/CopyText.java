package dev.sleet.bench.northwind;

/**
 * Rows in the text format of {@code COPY ... FROM STDIN}: values separated by tabs, rows by newlines,
 * {@code \N} for null, and backslash, tab, newline and carriage return escaped.
 */
final class CopyText {

    private final StringBuilder text;
    private boolean rowStarted;

    CopyText(int capacity) {
        this.text = new StringBuilder(capacity);
    }

    /** Appends a value to the current row; {@code null} is SQL null, anything else its {@code toString()}. */
    CopyText value(Object value) {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
        if (value == null) {
            text.append("\\N");
            return this;
        }
        String s = value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(ch);
            }
        }
        return this;
    }

    /** Ends the current row. */
    CopyText endRow() {
        text.append('\n');
        rowStarted = false;
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
