package dev.sleet.kit.migrate;

import dev.sleet.internal.SqlLexer;

import java.util.ArrayList;
import java.util.List;

/**
 * One word of an SQL statement, for recognising what kind of statement it is without parsing it: keywords and
 * unquoted names folded to lower case as PostgreSQL folds them, quoted identifiers as written, string literals
 * and other punctuation as opaque words. Comments are skipped.
 *
 * @param text the keyword or name (without quotes), the symbol, or the literal as written
 * @param kind what the text is
 */
record SqlWord(String text, Kind kind) {

    /** What a word is. */
    enum Kind {
        /** A keyword or unquoted name, folded to lower case. */
        WORD,
        /** A quoted identifier, without its quotes. */
        QUOTED,
        /** A string literal, dollar-quoted or not, as written. */
        LITERAL,
        /** One character of punctuation or an operator. */
        SYMBOL
    }

    /** {@code true} for the unquoted keyword {@code keyword} (given in lower case). */
    boolean is(String keyword) {
        return kind == Kind.WORD && text.equals(keyword);
    }

    /** {@code true} for a word that can be a name: unquoted or quoted. */
    boolean isName() {
        return kind == Kind.WORD || kind == Kind.QUOTED;
    }

    /** Splits a statement into its words. */
    static List<SqlWord> of(String sql) {
        List<SqlWord> out = new ArrayList<>();
        for (SqlLexer.Segment segment : SqlLexer.segments(sql)) {
            String text = segment.text();
            if (segment.code()) {
                code(text, out);
            } else if (text.startsWith("\"")) {
                String inner = text.length() >= 2 && text.endsWith("\"") ? text.substring(1, text.length() - 1)
                        : text.substring(1);
                out.add(new SqlWord(inner.replace("\"\"", "\""), Kind.QUOTED));
            } else if (!text.startsWith("--") && !text.startsWith("/*")) {
                out.add(new SqlWord(text, Kind.LITERAL));
            }
        }
        return out;
    }

    private static void code(String text, List<SqlWord> out) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (isWordChar(c)) {
                int start = i;
                while (i < text.length() && isWordChar(text.charAt(i))) {
                    i++;
                }
                out.add(new SqlWord(foldAscii(text.substring(start, i)), Kind.WORD));
            } else {
                out.add(new SqlWord(String.valueOf(c), Kind.SYMBOL));
                i++;
            }
        }
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** PostgreSQL folds only ASCII letters of unquoted names. */
    private static String foldAscii(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return out.toString();
    }
}
