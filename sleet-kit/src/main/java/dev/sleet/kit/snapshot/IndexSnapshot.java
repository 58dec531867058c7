package dev.sleet.kit.snapshot;

import java.util.List;

/**
 * An index.
 *
 * @param name             the index name
 * @param unique           {@code UNIQUE}
 * @param method           the access method ({@code btree}, {@code gin}, ...)
 * @param elements         each element as SQL: {@code "email"}, {@code "created_at" desc nulls last},
 *                         {@code (lower(email))}
 * @param where            the partial-index predicate, or {@code null}
 * @param concurrently     built {@code CONCURRENTLY} (in a migration of its own, outside a transaction)
 * @param nullsNotDistinct for unique indexes: nulls count as equal
 */
public record IndexSnapshot(String name, boolean unique, String method, List<String> elements, String where,
                            boolean concurrently, boolean nullsNotDistinct) {

    /**
     * Copies the elements.
     *
     * @param name             the index name
     * @param unique           unique
     * @param method           the access method
     * @param elements         the elements as SQL
     * @param where            the predicate, or {@code null}
     * @param concurrently     built concurrently
     * @param nullsNotDistinct nulls count as equal
     */
    public IndexSnapshot {
        elements = List.copyOf(elements);
    }
}
