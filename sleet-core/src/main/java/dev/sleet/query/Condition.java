package dev.sleet.query;

/**
 * A boolean SQL expression for {@code where}, {@code having}, {@code on} and check clauses, built with the
 * operators of {@link dev.sleet.Sql}: {@code and(eq(USERS.isActive, true), like(USERS.email, "%@x.com"))}.
 */
public interface Condition extends Field<Boolean> {
}
