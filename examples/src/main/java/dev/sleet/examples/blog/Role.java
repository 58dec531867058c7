package dev.sleet.examples.blog;

/** A blog user's role; the PostgreSQL enum {@code user_role} has these labels. */
public enum Role {
    /** Manages everything. */
    admin,
    /** Writes posts. */
    user,
    /** Reads only. */
    guest
}
