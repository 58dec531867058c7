package dev.sleet.schema;

/**
 * A check constraint.
 *
 * @param name the constraint name
 * @param sql  the boolean expression, as declared
 */
public record CheckConstraint(String name, String sql) {
}
