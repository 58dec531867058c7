package dev.sleet.render;

/** How bind parameters are written into SQL text. */
public enum ParamStyle {
    /** {@code ?}, as JDBC expects; question marks in operators are doubled. */
    JDBC,
    /** {@code $1, $2, ...}, as PostgreSQL's protocol and {@code psql} show them. */
    POSITIONAL,
    /** Values written inline as literals (DDL only: defaults, checks; never user values in queries). */
    INLINE
}
