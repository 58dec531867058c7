package dev.sleet.schema;

/**
 * How a row-level security policy combines with the others on its table ({@code AS PERMISSIVE|RESTRICTIVE}).
 */
public enum PolicyAs {
    /** A row passes when any permissive policy lets it (the default). */
    PERMISSIVE,
    /** A row passes only when every restrictive policy lets it, in addition to a permissive one. */
    RESTRICTIVE;

    /**
     * Returns the SQL keyword.
     *
     * @return {@code permissive} or {@code restrictive}
     */
    public String sql() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
