package dev.sleet.kit.introspect;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which part of a database {@link Introspector} reads, in drizzle-kit's vocabulary.
 *
 * <ul>
 *     <li>{@code schemaFilter}: the PostgreSQL schemas to read; empty means every user schema except
 *     {@code sleet}, which holds Sleet's own migration history ({@code pg_*} and {@code information_schema} are
 *     never read).</li>
 *     <li>{@code tablesFilter}: globs over table and view names ({@code *} any text, {@code ?} one character);
 *     a glob with a dot is matched against {@code schema.name} ({@code public.name} for the default schema).
 *     A glob starting with {@code !} excludes; with exclusions only, every other name is included.</li>
 *     <li>{@code rolesFilter}: globs over role names, same syntax. Roles belong to the whole cluster, not to
 *     the database, so none are read when this is empty ({@code pg_*} roles never are).</li>
 * </ul>
 *
 * <pre>{@code
 * IntrospectFilter f = IntrospectFilter.all().schemas("public", "app").tables("user*", "!audit_*").roles("app_*");
 * }</pre>
 *
 * @param schemaFilter the schemas, or empty for all
 * @param tablesFilter globs and {@code !} exclusions over table and view names
 * @param rolesFilter  globs and {@code !} exclusions over role names
 */
public record IntrospectFilter(List<String> schemaFilter, List<String> tablesFilter, List<String> rolesFilter) {

    /** The schema of Sleet's migration history, left out unless named in {@code schemaFilter}. */
    public static final String HISTORY_SCHEMA = "sleet";

    /**
     * Copies the lists and rejects empty patterns.
     *
     * @param schemaFilter the schemas
     * @param tablesFilter the table globs
     * @param rolesFilter  the role globs
     */
    public IntrospectFilter {
        schemaFilter = List.copyOf(schemaFilter);
        tablesFilter = List.copyOf(tablesFilter);
        rolesFilter = List.copyOf(rolesFilter);
        for (List<String> list : List.of(tablesFilter, rolesFilter)) {
            for (String g : list) {
                if (g.isBlank() || g.equals("!")) {
                    throw new IllegalArgumentException("an introspection filter pattern is empty in " + list
                            + "; write a name or a glob such as user* or !audit_*");
                }
            }
        }
    }

    /**
     * Every user schema and table, no roles.
     *
     * @return the filter
     */
    public static IntrospectFilter all() {
        return new IntrospectFilter(List.of(), List.of(), List.of());
    }

    /**
     * Returns this filter reading only the given schemas ({@code public} is the default schema).
     *
     * @param schemas the schema names
     * @return the filter
     */
    public IntrospectFilter schemas(String... schemas) {
        return new IntrospectFilter(List.of(schemas), tablesFilter, rolesFilter);
    }

    /**
     * Returns this filter with table globs, such as {@code user*} or {@code !audit_*}.
     *
     * @param globs the globs
     * @return the filter
     */
    public IntrospectFilter tables(String... globs) {
        return new IntrospectFilter(schemaFilter, List.of(globs), rolesFilter);
    }

    /**
     * Returns this filter with role globs.
     *
     * @param globs the globs
     * @return the filter
     */
    public IntrospectFilter roles(String... globs) {
        return new IntrospectFilter(schemaFilter, tablesFilter, List.of(globs));
    }

    /**
     * Whether a schema is read.
     *
     * @param schema the schema name as in the catalog
     * @return {@code true} when included
     */
    public boolean includesSchema(String schema) {
        if (schema.startsWith("pg_") || schema.equals("information_schema")) {
            return false;
        }
        return schemaFilter.isEmpty() ? !schema.equals(HISTORY_SCHEMA) : schemaFilter.contains(schema);
    }

    /**
     * Whether a table or view is read.
     *
     * @param schema the schema name as in the catalog ({@code public} for the default)
     * @param name   the table or view name
     * @return {@code true} when included
     */
    public boolean includesTable(String schema, String name) {
        return matches(tablesFilter, name, schema + "." + name, true);
    }

    /**
     * Whether a role is read.
     *
     * @param role the role name
     * @return {@code true} when included
     */
    public boolean includesRole(String role) {
        return !role.startsWith("pg_") && matches(rolesFilter, role, role, false);
    }

    private static boolean matches(List<String> globs, String name, String qualified, boolean emptyIncludes) {
        if (globs.isEmpty()) {
            return emptyIncludes;
        }
        boolean anyInclude = false;
        boolean included = false;
        for (String g : globs) {
            boolean exclude = g.startsWith("!");
            String glob = exclude ? g.substring(1) : g;
            boolean hit = glob(glob).matcher(glob.contains(".") ? qualified : name).matches();
            if (exclude && hit) {
                return false;
            }
            if (!exclude) {
                anyInclude = true;
                included |= hit;
            }
        }
        return !anyInclude || included;
    }

    private static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
