package dev.sleet.schema;

/**
 * Returned by {@code unique(name, cols...)} in a table constructor, to make the constraint treat nulls as
 * equal: {@code unique("members_org_email", orgId, email).nullsNotDistinct()}.
 */
public final class UniqueBuilder {

    private final Table table;
    private final String name;
    private boolean nullsNotDistinct;

    UniqueBuilder(Table table, String name) {
        this.table = table;
        this.name = name;
    }

    /**
     * Treats nulls as equal: at most one row may hold null in the key (PostgreSQL 15+).
     *
     * @return this builder
     */
    public UniqueBuilder nullsNotDistinct() {
        table.checkDeclaring(() -> "unique constraint \"" + name + "\"");
        nullsNotDistinct = true;
        return this;
    }

    boolean isNullsNotDistinct() {
        return nullsNotDistinct;
    }

    String name() {
        return name;
    }
}
