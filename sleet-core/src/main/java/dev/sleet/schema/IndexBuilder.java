package dev.sleet.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Declares an index in a table constructor:
 * {@code index("posts_author_idx").on(authorId, desc(createdAt)).where("published")}. Mutable only while the
 * table class initialises.
 */
public final class IndexBuilder {

    private final Table table;
    private final String name;
    private final boolean unique;
    private final List<IndexElement> elements = new ArrayList<>();
    private String method = "btree";
    private String where;
    private boolean concurrently;
    private boolean nullsNotDistinct;

    IndexBuilder(Table table, String name, boolean unique) {
        this.table = table;
        this.name = name;
        this.unique = unique;
    }

    /**
     * Sets the indexed columns and expressions; every column must belong to this table.
     *
     * @param elements columns, {@code asc/desc(col)} elements or {@code expression(sql)}
     * @return this builder
     */
    public IndexBuilder on(IndexElement... elements) {
        declaring();
        if (elements.length == 0) {
            throw fail("on() needs at least one column or expression");
        }
        for (IndexElement e : elements) {
            Column<?> column = e instanceof Column<?> c ? c : e instanceof IndexColumn ic ? ic.column() : null;
            if (column != null && column.table() != table) {
                throw fail("column " + column + " belongs to another table; an index covers its own table's columns");
            }
            this.elements.add(e);
        }
        return this;
    }

    /**
     * Makes the index partial: only rows matching the predicate are indexed.
     *
     * @param sql the predicate, schema code written into DDL unchanged, e.g. {@code "deleted_at is null"}
     * @return this builder
     */
    public IndexBuilder where(String sql) {
        declaring();
        if (sql == null || sql.isBlank()) {
            throw fail("where() needs a predicate");
        }
        where = sql;
        return this;
    }

    /**
     * Sets the access method.
     *
     * @param method {@code btree} (default), {@code hash}, {@code gin}, {@code gist}, {@code spgist}, {@code brin}
     *               or an extension's method
     * @return this builder
     */
    public IndexBuilder using(String method) {
        declaring();
        if (method == null || !method.matches("[a-z_][a-z0-9_]*")) {
            throw fail("index method '" + method + "' is not a valid name");
        }
        this.method = method;
        return this;
    }

    /**
     * Builds the index with {@code CREATE INDEX CONCURRENTLY}, which does not block writes; migrations run it
     * outside a transaction.
     *
     * @return this builder
     */
    public IndexBuilder concurrently() {
        declaring();
        concurrently = true;
        return this;
    }

    /**
     * For a unique index: treat nulls as equal (PostgreSQL 15+).
     *
     * @return this builder
     */
    public IndexBuilder nullsNotDistinct() {
        declaring();
        if (!unique) {
            throw fail("nullsNotDistinct() applies to unique indexes only");
        }
        nullsNotDistinct = true;
        return this;
    }

    Index build() {
        if (elements.isEmpty()) {
            throw fail("no columns; call on(...)");
        }
        return new Index(name, unique, elements, method, where, concurrently, nullsNotDistinct);
    }

    private void declaring() {
        table.checkDeclaring(() -> "index \"" + name + "\"");
    }

    private SchemaDefinitionException fail(String message) {
        return new SchemaDefinitionException("table \"" + table.qualifiedName() + "\", index \"" + name + "\": "
                + message);
    }
}
