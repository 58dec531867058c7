package dev.sleet.kit.snapshot;

/**
 * A check constraint.
 *
 * @param name       the constraint name
 * @param expression the boolean expression, as declared
 */
public record CheckSnapshot(String name, String expression) {
}
