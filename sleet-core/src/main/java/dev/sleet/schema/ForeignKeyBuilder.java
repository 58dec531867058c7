package dev.sleet.schema;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Declares a foreign key over several columns in a table constructor:
 * <pre>{@code
 * foreignKey("line_order_fk").columns(orderId, tenantId)
 *         .references(() -> List.of(Orders.ORDERS.id, Orders.ORDERS.tenantId)).onDelete(OnDelete.CASCADE);
 * }</pre>
 * The target is a supplier so tables may reference each other.
 */
public final class ForeignKeyBuilder {

    private final Table table;
    private final String name;
    private List<Column<?>> columns = List.of();
    private Supplier<? extends List<? extends Column<?>>> targets;
    private OnDelete onDelete = OnDelete.NO_ACTION;
    private OnUpdate onUpdate = OnUpdate.NO_ACTION;

    ForeignKeyBuilder(Table table, String name) {
        this.table = table;
        this.name = name;
    }

    /**
     * Sets the referencing columns of this table.
     *
     * @param columns the columns, in key order
     * @return this builder
     */
    public ForeignKeyBuilder columns(Column<?>... columns) {
        declaring();
        for (Column<?> c : columns) {
            if (c.table() != table) {
                throw fail("column " + c + " belongs to another table");
            }
        }
        this.columns = List.of(columns);
        return this;
    }

    /**
     * Sets the referenced columns, resolved when the table is first used.
     *
     * @param targets the referenced columns, in key order
     * @return this builder
     */
    public ForeignKeyBuilder references(Supplier<? extends List<? extends Column<?>>> targets) {
        declaring();
        this.targets = Objects.requireNonNull(targets, "targets");
        return this;
    }

    /**
     * Sets the {@code ON DELETE} action.
     *
     * @param action the action
     * @return this builder
     */
    public ForeignKeyBuilder onDelete(OnDelete action) {
        declaring();
        this.onDelete = Objects.requireNonNull(action, "action");
        return this;
    }

    /**
     * Sets the {@code ON UPDATE} action.
     *
     * @param action the action
     * @return this builder
     */
    public ForeignKeyBuilder onUpdate(OnUpdate action) {
        declaring();
        this.onUpdate = Objects.requireNonNull(action, "action");
        return this;
    }

    ForeignKey build() {
        if (columns.isEmpty()) {
            throw fail("no columns; call columns(...)");
        }
        if (targets == null) {
            throw fail("no target; call references(...)");
        }
        List<? extends Column<?>> resolved;
        try {
            resolved = targets.get();
        } catch (RuntimeException | ExceptionInInitializerError e) {
            throw fail("the referenced columns could not be resolved: " + e);
        }
        if (resolved == null || resolved.size() != columns.size()) {
            throw fail(columns.size() + " columns reference " + (resolved == null ? 0 : resolved.size())
                    + " target columns; the counts must match");
        }
        Table target = resolved.get(0).table();
        for (int i = 0; i < resolved.size(); i++) {
            Column<?> t = resolved.get(i);
            if (t.table() != target) {
                throw fail("the referenced columns must all belong to one table");
            }
            if (!Column.sameStorageType(t.type(), columns.get(i).type())) {
                throw fail("column " + columns.get(i) + " (" + columns.get(i).type().sqlName() + ") references "
                        + t + " (" + t.type().sqlName() + "); a foreign key needs matching types");
            }
        }
        return new ForeignKey(name, columns, List.copyOf(resolved), onDelete, onUpdate);
    }

    private void declaring() {
        table.checkDeclaring(() -> "foreign key \"" + name + "\"");
    }

    private SchemaDefinitionException fail(String message) {
        return new SchemaDefinitionException("table \"" + table.qualifiedName() + "\", foreign key \"" + name
                + "\": " + message);
    }
}
