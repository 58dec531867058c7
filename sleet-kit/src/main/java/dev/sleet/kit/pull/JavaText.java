package dev.sleet.kit.pull;

import java.util.Locale;
import java.util.Set;

/**
 * Spelling rules for generated Java: identifiers from SQL names, string literals and comment text. Package-private:
 * only {@link JavaSchemaWriter} writes Java.
 */
final class JavaText {

    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "yield", "record", "sealed", "permits", "_");

    private JavaText() {
    }

    /** {@code user_settings} is {@code userSettings}; a name that is no identifier is made one. */
    static String camel(String sqlName) {
        String pascal = pascal(sqlName);
        String s = pascal.isEmpty() ? "" : Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
        return identifier(s);
    }

    /** {@code user_settings} is {@code UserSettings}. */
    static String pascal(String sqlName) {
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (int i = 0; i < sqlName.length(); i++) {
            char ch = sqlName.charAt(i);
            if (Character.isLetterOrDigit(ch) && ch < 128) {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            } else {
                upper = true;
            }
        }
        return identifier(out.toString());
    }

    /** {@code userSettings} or {@code user_settings} is {@code USER_SETTINGS}. */
    static String constant(String sqlName) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sqlName.length(); i++) {
            char ch = sqlName.charAt(i);
            if (Character.isLetterOrDigit(ch) && ch < 128) {
                if (Character.isUpperCase(ch) && i > 0 && Character.isLowerCase(sqlName.charAt(i - 1))) {
                    out.append('_');
                }
                out.append(Character.toUpperCase(ch));
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                out.append('_');
            }
        }
        return identifier(out.toString().replaceAll("_+$", ""));
    }

    /** Makes a string a legal Java identifier: a leading digit or a keyword gets an underscore. */
    static String identifier(String s) {
        if (s.isEmpty()) {
            return "_x";
        }
        if (!Character.isJavaIdentifierStart(s.charAt(0))) {
            s = "_" + s;
        }
        return KEYWORDS.contains(s) ? s + "_" : s;
    }

    /** Whether an enum label can be a Java enum constant as it is (the DSL takes labels from constant names). */
    static boolean isIdentifier(String s) {
        if (s.isEmpty() || KEYWORDS.contains(s) || !Character.isJavaIdentifierStart(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (!Character.isJavaIdentifierPart(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A Java string literal. Non-ASCII characters are written as escapes so that the file compiles under any
     * source encoding.
     */
    static String literal(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20 || ch > 0x7e) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * Text safe inside a comment: javac reads unicode escapes (a backslash and a u) even in comments, and a {@code *}{@code /} or a
     * line break would end one.
     */
    static String comment(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\') {
                out.append("\\\\");
            } else if (ch < 0x20) {
                out.append(' ');
            } else if (ch == '/' && i > 0 && s.charAt(i - 1) == '*') {
                out.append(" /");
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
