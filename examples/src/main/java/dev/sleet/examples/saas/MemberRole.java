package dev.sleet.examples.saas;

/** A member's role within a tenant. */
public enum MemberRole {
    /** Manages the tenant. */
    admin,
    /** Works in it. */
    member,
    /** Reads only. */
    viewer
}
