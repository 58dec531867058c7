package dev.sleet.schema;

/** The commands a row-level security policy applies to ({@code FOR ALL|SELECT|INSERT|UPDATE|DELETE}). */
public enum PolicyCommand {
    /** Every command (the default). */
    ALL,
    /** {@code SELECT}: only {@code using} applies. */
    SELECT,
    /** {@code INSERT}: only {@code withCheck} applies. */
    INSERT,
    /** {@code UPDATE}: {@code using} picks the rows, {@code withCheck} checks the new ones. */
    UPDATE,
    /** {@code DELETE}: only {@code using} applies. */
    DELETE;

    /**
     * Returns the SQL keyword.
     *
     * @return {@code all}, {@code select}, ...
     */
    public String sql() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
