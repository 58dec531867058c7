package dev.sleet.schema;

/** What PostgreSQL does to referencing rows when the referenced row is deleted ({@code ON DELETE}). */
public enum OnDelete {
    /** Fail at the end of the statement if references remain (PostgreSQL's default; deferrable). */
    NO_ACTION("no action"),
    /** Fail at once if references remain. */
    RESTRICT("restrict"),
    /** Delete the referencing rows too. */
    CASCADE("cascade"),
    /** Set the referencing columns to {@code null}. */
    SET_NULL("set null"),
    /** Set the referencing columns to their defaults. */
    SET_DEFAULT("set default");

    private final String sql;

    OnDelete(String sql) {
        this.sql = sql;
    }

    /**
     * Returns the SQL words of this action.
     *
     * @return e.g. {@code set null}
     */
    public String sql() {
        return sql;
    }
}
