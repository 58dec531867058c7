package dev.sleet.schema;

import java.util.List;

/**
 * An index of a table, as built from {@code index(name)} or {@code uniqueIndex(name)} in the table class.
 *
 * @param name             the index name
 * @param unique           {@code CREATE UNIQUE INDEX}
 * @param elements         columns and expressions, in order
 * @param method           the access method ({@code btree}, {@code gin}, {@code gist}, ...)
 * @param where            the predicate of a partial index, or {@code null}
 * @param concurrently     build with {@code CONCURRENTLY} (outside a transaction)
 * @param nullsNotDistinct for unique indexes: nulls count as equal (PostgreSQL 15+)
 */
public record Index(String name, boolean unique, List<IndexElement> elements, String method, String where,
                    boolean concurrently, boolean nullsNotDistinct) {

    /**
     * Copies the element list.
     *
     * @param name             the index name
     * @param unique           {@code CREATE UNIQUE INDEX}
     * @param elements         columns and expressions, in order
     * @param method           the access method
     * @param where            the predicate of a partial index, or {@code null}
     * @param concurrently     build with {@code CONCURRENTLY}
     * @param nullsNotDistinct for unique indexes: nulls count as equal
     */
    public Index {
        elements = List.copyOf(elements);
    }
}
