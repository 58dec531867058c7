package dev.sleet.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into code and the parts where characters are data: string literals ({@code '...'},
 * {@code E'...'}), quoted identifiers, dollar-quoted strings and comments. Raw SQL written by developers goes
 * through it so that a {@code ?} or {@code {0}} inside a literal stays what it is.
 */
public final class SqlLexer {

    /**
     * A run of SQL text.
     *
     * @param text the characters
     * @param code {@code true} for SQL code, {@code false} for a literal, quoted identifier or comment
     */
    public record Segment(String text, boolean code) {
    }

    private SqlLexer() {
    }

    /**
     * Splits text into segments; concatenating their texts gives the input back.
     *
     * @param sql the SQL text
     * @return the segments, in order
     */
    public static List<Segment> segments(String sql) {
        List<Segment> out = new ArrayList<>();
        int n = sql.length();
        int codeStart = 0;
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int end = -1;
            if (c == '\'') {
                boolean escapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
                        && (i < 2 || !isIdentifierChar(sql.charAt(i - 2)));
                end = quoted(sql, i, '\'', escapes);
            } else if (c == '"') {
                end = quoted(sql, i, '"', false);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                end = i;
                while (end < n && sql.charAt(end) != '\n' && sql.charAt(end) != '\r') {
                    end++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                end = blockComment(sql, i);
            } else if (c == '$' && (i == 0 || !isIdentifierChar(sql.charAt(i - 1)))) {
                end = dollarQuoted(sql, i);
            }
            if (end < 0) {
                i++;
                continue;
            }
            if (i > codeStart) {
                out.add(new Segment(sql.substring(codeStart, i), true));
            }
            out.add(new Segment(sql.substring(i, end), false));
            i = end;
            codeStart = end;
        }
        if (codeStart < n) {
            out.add(new Segment(sql.substring(codeStart), true));
        }
        return out;
    }

    /**
     * Finds the parenthesis that closes the one at {@code open}, skipping literals, quoted identifiers and
     * comments.
     *
     * @param sql  the SQL text
     * @param open the index of a {@code (}
     * @return the index just past the closing {@code )}, or -1 when it is not closed
     */
    public static int closingParenthesis(String sql, int open) {
        int depth = 0;
        int offset = open;
        for (Segment segment : segments(sql.substring(open))) {
            if (segment.code()) {
                for (int i = 0; i < segment.text().length(); i++) {
                    char ch = segment.text().charAt(i);
                    if (ch == '(') {
                        depth++;
                    } else if (ch == ')' && --depth == 0) {
                        return offset + i + 1;
                    }
                }
            }
            offset += segment.text().length();
        }
        return -1;
    }

    /**
     * Splits a list at its top-level commas: those outside parentheses, literals, quoted identifiers and
     * comments. A {@code )} that closes nothing ends the list (so the text after an opening parenthesis can be
     * passed as it is).
     *
     * @param sql the list, e.g. {@code lower(a), "b, c" desc) where ...}
     * @return the items, stripped
     */
    public static List<String> splitTopLevel(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        int depth = 0;
        for (Segment segment : segments(sql)) {
            if (!segment.code()) {
                item.append(segment.text());
                continue;
            }
            for (int i = 0; i < segment.text().length(); i++) {
                char ch = segment.text().charAt(i);
                if (ch == ')' && depth == 0) {
                    out.add(item.toString().strip());
                    return out;
                }
                if (ch == ',' && depth == 0) {
                    out.add(item.toString().strip());
                    item.setLength(0);
                    continue;
                }
                depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
                item.append(ch);
            }
        }
        if (!item.toString().isBlank()) {
            out.add(item.toString().strip());
        }
        return out;
    }

    /**
     * Splits text at whitespace outside literals, quoted identifiers and comments: {@code collate "en US" desc}
     * gives {@code collate}, {@code "en US"}, {@code desc}.
     *
     * @param sql the text
     * @return the words
     */
    public static List<String> words(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (Segment segment : segments(sql)) {
            if (!segment.code()) {
                word.append(segment.text());
                continue;
            }
            for (int i = 0; i < segment.text().length(); i++) {
                char ch = segment.text().charAt(i);
                if (Character.isWhitespace(ch)) {
                    if (word.length() > 0) {
                        out.add(word.toString());
                        word.setLength(0);
                    }
                } else {
                    word.append(ch);
                }
            }
        }
        if (word.length() > 0) {
            out.add(word.toString());
        }
        return out;
    }

    /**
     * Doubles every {@code ?} in code, as pgjdbc wants for a question mark that is not a placeholder (jsonb's
     * {@code ?}, {@code ?|}, {@code ?&}); literals and comments are left alone.
     *
     * @param sql the SQL text
     * @return the text for a JDBC prepared statement
     */
    public static String escapeQuestionMarks(String sql) {
        if (sql.indexOf('?') < 0) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length() + 4);
        for (Segment s : segments(sql)) {
            out.append(s.code() ? s.text().replace("?", "??") : s.text());
        }
        return out.toString();
    }

    private static int quoted(String sql, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();   // unterminated: PostgreSQL will say so
    }

    private static int blockComment(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** A {@code $tag$...$tag$} string; {@code $1} (a positional parameter) is not one. */
    private static int dollarQuoted(String sql, int start) {
        int i = start + 1;
        while (i < sql.length() && isIdentifierChar(sql.charAt(i))) {
            if (i == start + 1 && Character.isDigit(sql.charAt(i))) {
                return -1;
            }
            i++;
        }
        if (i >= sql.length() || sql.charAt(i) != '$') {
            return -1;
        }
        String tag = sql.substring(start, i + 1);
        int close = sql.indexOf(tag, i + 1);
        return close < 0 ? sql.length() : close + tag.length();
    }

    private static boolean isIdentifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
