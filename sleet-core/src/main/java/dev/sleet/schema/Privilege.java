package dev.sleet.schema;

import java.util.Locale;

/** A table privilege a role can be granted ({@code GRANT privilege ON table TO role}). */
public enum Privilege {
    /** Read rows. */
    SELECT,
    /** Add rows. */
    INSERT,
    /** Change rows. */
    UPDATE,
    /** Remove rows. */
    DELETE,
    /** Empty the table. */
    TRUNCATE,
    /** Create foreign keys that refer to the table. */
    REFERENCES,
    /** Create triggers on the table. */
    TRIGGER;

    /**
     * Returns the privilege as SQL writes it.
     *
     * @return e.g. {@code select}
     */
    public String sql() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Finds a privilege by its SQL name, as {@code aclexplode} reports it ({@code SELECT}, {@code select}).
     *
     * @param sql the name
     * @return the privilege
     * @throws IllegalArgumentException for a name that is no table privilege
     */
    public static Privilege of(String sql) {
        return valueOf(sql.strip().toUpperCase(Locale.ROOT));
    }
}
