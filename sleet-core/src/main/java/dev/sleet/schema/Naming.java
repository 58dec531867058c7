package dev.sleet.schema;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The names Sleet derives for constraints ({@code users_pkey}, {@code users_email_unique},
 * {@code posts_author_id_users_id_fk}), kept within PostgreSQL's 63-byte identifier limit. Public so that
 * tools that write schema code ({@code sleet pull}) can tell a derived name from a chosen one.
 */
public final class Naming {

    /** PostgreSQL truncates identifiers longer than this (NAMEDATALEN - 1). */
    static final int MAX_IDENTIFIER_BYTES = 63;

    private Naming() {
    }

    /**
     * Returns {@code <table>_<middle>_<suffix>}; when too long, a shortened form that ends in a hash of the
     * full name, so two long names stay distinct and the result is the same on every run.
     *
     * @param table  the table name
     * @param middle the column names or target, joined by Sleet
     * @param suffix {@code unique}, {@code fk}, ...
     * @return the name
     */
    public static String constraintName(String table, String middle, String suffix) {
        return withSuffix(table + "_" + middle, suffix);
    }

    /**
     * Returns {@code <base>_<suffix>}, shortened with a hash like {@link #constraintName} when too long.
     *
     * @param base   the start of the name, e.g. the table name
     * @param suffix the end, e.g. {@code pkey}
     * @return the name
     */
    public static String withSuffix(String base, String suffix) {
        String full = base + "_" + suffix;
        if (full.getBytes(StandardCharsets.UTF_8).length <= MAX_IDENTIFIER_BYTES) {
            return full;
        }
        String hash = Integer.toHexString(full.hashCode() & 0x7fffffff);
        String tail = "_" + hash + "_" + suffix;
        StringBuilder head = new StringBuilder();
        for (int i = 0; i < full.length(); ) {
            int cp = full.codePointAt(i);
            String next = head + new String(Character.toChars(cp));
            if ((next + tail).getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
                break;
            }
            head.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        return head + tail;
    }

    /** Fails unless {@code name} is a usable PostgreSQL identifier. */
    static void checkIdentifier(String name, Supplier<String> what) {
        if (name == null || name.isEmpty()) {
            throw new SchemaDefinitionException(what.get() + ": the name must not be empty");
        }
        if (name.indexOf('\0') >= 0) {
            throw new SchemaDefinitionException(what.get() + ": the name must not contain a NUL character");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
            throw new SchemaDefinitionException(what.get() + ": name \"" + name + "\" is longer than "
                    + "PostgreSQL's " + MAX_IDENTIFIER_BYTES + " bytes and would be truncated");
        }
    }

    /**
     * {@code author_id} is {@code authorId}: a snake_case SQL name as a Java-style camelCase name (relation names
     * derived from foreign keys).
     */
    static String camel(String snake) {
        StringBuilder b = new StringBuilder(snake.length());
        boolean up = false;
        for (int i = 0; i < snake.length(); i++) {
            char ch = snake.charAt(i);
            if (ch == '_') {
                up = b.length() > 0;
            } else {
                b.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return b.toString();
    }
}
