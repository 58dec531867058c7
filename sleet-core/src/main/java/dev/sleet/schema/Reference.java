package dev.sleet.schema;

/**
 * A single-column foreign key declared on a column with {@code references(...)}, resolved.
 *
 * @param target   the referenced column
 * @param onDelete the {@code ON DELETE} action
 * @param onUpdate the {@code ON UPDATE} action
 * @param name     the constraint name
 */
public record Reference(Column<?> target, OnDelete onDelete, OnUpdate onUpdate, String name) {
}
