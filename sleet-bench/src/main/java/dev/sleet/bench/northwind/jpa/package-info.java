/**
 * JPA entities of the Northwind tables, for the Hibernate contender: mapped to the schema {@code northwind},
 * field access, every association lazy, as Hibernate's guide recommends. {@code toRow()} turns an entity into
 * the record the other contenders return, for the benchmarks' self-checks.
 */
package dev.sleet.bench.northwind.jpa;
