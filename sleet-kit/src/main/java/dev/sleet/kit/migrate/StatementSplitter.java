package dev.sleet.kit.migrate;

import dev.sleet.internal.SqlLexer;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a migration file into statements at top-level {@code ;}: a semicolon inside a string literal, a quoted
 * identifier, a dollar-quoted body, a comment or parentheses does not end a statement. Pieces that hold only
 * whitespace and comments are dropped.
 *
 * <p>Known limit: the SQL-standard function body {@code BEGIN ATOMIC ... END} (PostgreSQL 14+) contains
 * top-level semicolons; write such functions with a dollar-quoted body instead.
 */
final class StatementSplitter {

    private StatementSplitter() {
    }

    static List<SqlStatement> split(String script) {
        List<SqlStatement> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean hasCode = false;
        int line = 1;
        int startLine = 1;
        int depth = 0;
        for (SqlLexer.Segment segment : SqlLexer.segments(script)) {
            String text = segment.text();
            if (!segment.code()) {
                if (!hasCode && current.toString().isBlank()) {
                    startLine = line;
                }
                // A quoted identifier or a literal is part of the statement; a comment alone is not one.
                hasCode |= !isComment(text);
                current.append(text);
                line += count(text, '\n');
                continue;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == ';' && depth == 0) {
                    if (hasCode) {
                        out.add(new SqlStatement(out.size() + 1, startLine, current.toString().strip()));
                    }
                    current.setLength(0);
                    hasCode = false;
                    startLine = line;
                    continue;
                }
                if (c == '(') {
                    depth++;
                } else if (c == ')' && depth > 0) {
                    depth--;
                }
                if (!hasCode && !Character.isWhitespace(c)) {
                    hasCode = true;
                    if (current.toString().isBlank()) {
                        startLine = line;
                    }
                }
                if (c == '\n') {
                    line++;
                }
                current.append(c);
            }
        }
        if (hasCode) {
            out.add(new SqlStatement(out.size() + 1, startLine, current.toString().strip()));
        }
        return out;
    }

    private static boolean isComment(String text) {
        return text.startsWith("--") || text.startsWith("/*");
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
