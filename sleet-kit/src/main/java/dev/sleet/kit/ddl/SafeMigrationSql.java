package dev.sleet.kit.ddl;

import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.TableName;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.Naming;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Cuts changes into migrations that keep locks short on a table that is in use ({@code sleet generate --safe}):
 * the forms the linter ({@code dev.sleet.kit.lint.MigrationLinter}) asks for, written for the changes that
 * have one. On a table the same changes create nothing is rewritten: it is new and empty.
 *
 * <ul>
 *   <li>every transactional migration starts with {@value #LOCK_TIMEOUT}, so a statement that waits for its
 *       lock fails after five seconds instead of queueing every query behind it;</li>
 *   <li>a foreign key or check is added {@code NOT VALID} and validated in the next migration, whose scan
 *       takes a lock that lets reads and writes go on;</li>
 *   <li>{@code SET NOT NULL} becomes a {@code CHECK (col IS NOT NULL) NOT VALID}, validated in the next
 *       migration, which then sets {@code NOT NULL} without scanning (PostgreSQL 12+ trusts the valid check)
 *       and drops the check;</li>
 *   <li>an index is created and dropped {@code CONCURRENTLY}, each in a {@code -- sleet:no-transaction}
 *       migration of its own;</li>
 *   <li>a unique constraint or primary key gets its index built {@code CONCURRENTLY} first and is then added
 *       {@code USING INDEX} (unless a foreign key added by the same changes refers to it: that needs the
 *       constraint before the foreign key, and keeps the plain form).</li>
 * </ul>
 *
 * <p>Drops, renames, type changes and new {@code NOT NULL} columns without a default have no mechanical safe
 * form (they need code released in between); they are written as usual, and the linter still reports them.
 *
 * <p>Each migration undoes itself in its {@code down.sql}, so a rollback through all of them leaves the catalog
 * as it was. The statements are a function of the changes alone: {@code sleet check} computes them again to
 * compare with a folder whose migrations carry the {@code -- sleet:safe} marker.
 */
public final class SafeMigrationSql {

    /** The statement that opens each transactional migration. */
    public static final String LOCK_TIMEOUT = "set local lock_timeout = '5s'";

    private SafeMigrationSql() {
    }

    /**
     * Cuts changes into safe migrations.
     *
     * @param changes the changes, as {@link dev.sleet.kit.diff.Diff#between} orders them
     * @return the steps, in the order they run; empty for no changes
     */
    public static List<MigrationStep> steps(List<Change> changes) {
        Set<TableName> created = new HashSet<>();
        Set<String> referenced = new HashSet<>();
        for (Change c : changes) {
            if (c instanceof Change.CreateTable t) {
                created.add(new TableName(t.table().schema(), t.table().name()));
            } else if (c instanceof Change.AddForeignKey fk) {
                referenced.add(key(fk.key().targetSchema(), fk.key().targetTable(), fk.key().targetColumns()));
            }
        }
        List<MigrationStep> out = new ArrayList<>();
        for (List<Change> segment : MigrationSql.segments(changes)) {
            if (MigrationSql.requiresNoTransaction(segment.get(0))) {
                out.add(new MigrationStep(false, MigrationSql.upStatements(segment),
                        MigrationSql.downStatements(segment)));
            } else {
                new Segment(created, referenced).add(segment).stepsInto(out);
            }
        }
        return out;
    }

    private static String key(String schema, String table, List<String> columns) {
        return schema + "\u0000" + table + "\u0000" + String.join("\u0000", columns);
    }

    /** One transactional run of changes, taken apart into the migrations that replace it. */
    private static final class Segment {

        private final Set<TableName> created;
        private final Set<String> referenced;
        /** {@code DROP INDEX CONCURRENTLY}, one migration each, before the rest. */
        private final List<MigrationStep> dropsFirst = new ArrayList<>();
        private final List<String> mainUp = new ArrayList<>();
        /** Per change, as {@link MigrationSql#downStatements} keeps them: reversed when the step is built. */
        private final List<List<String>> mainDown = new ArrayList<>();
        private final List<String> validateUp = new ArrayList<>();
        private final List<String> notNullUp = new ArrayList<>();
        private final List<String> notNullDown = new ArrayList<>();
        /** {@code CREATE INDEX CONCURRENTLY}, one migration each, after the validation. */
        private final List<MigrationStep> indexesAfter = new ArrayList<>();
        private final List<String> attachUp = new ArrayList<>();
        private final List<String> attachDown = new ArrayList<>();

        Segment(Set<TableName> created, Set<String> referenced) {
            this.created = created;
            this.referenced = referenced;
        }

        Segment add(List<Change> changes) {
            for (Change c : changes) {
                if (!rewrite(c)) {
                    mainUp.addAll(MigrationSql.up(c));
                    mainDown.add(MigrationSql.down(c));
                }
            }
            return this;
        }

        /** Adds the safe form of a change; {@code false} when it keeps its plain form. */
        private boolean rewrite(Change c) {
            if (c instanceof Change.AddForeignKey fk && existing(fk.table())) {
                plainInMain(c, MigrationSql.addForeignKey(fk.table(), fk.key()) + " not valid");
                validateUp.add(validate(fk.table(), fk.key().name()));
                return true;
            }
            if (c instanceof Change.AddCheck check && existing(check.table())) {
                plainInMain(c, MigrationSql.addCheck(check.table(), check.check().name(), check.check().expression())
                        + " not valid");
                validateUp.add(validate(check.table(), check.check().name()));
                return true;
            }
            if (c instanceof Change.AlterNullability n && n.notNull() && existing(n.table())) {
                notNull(n.table(), n.column());
                return true;
            }
            if (c instanceof Change.AddUnique u && existing(u.table())
                    && !referenced.contains(key(u.table().schema(), u.table().name(), u.unique().columns()))) {
                usingIndex(u.table(), u.unique().name(), u.unique().columns(), u.unique().nullsNotDistinct(),
                        "unique");
                return true;
            }
            if (c instanceof Change.AddPrimaryKey pk && existing(pk.table())
                    && !referenced.contains(key(pk.table().schema(), pk.table().name(), pk.key().columns()))) {
                usingIndex(pk.table(), pk.key().name(), pk.key().columns(), false, "primary key");
                return true;
            }
            if (c instanceof Change.CreateIndex i && !i.concurrently() && existing(i.table())) {
                Change.CreateIndex concurrent = new Change.CreateIndex(i.table(), i.index(), true);
                indexesAfter.add(new MigrationStep(false, MigrationSql.up(concurrent), MigrationSql.down(concurrent)));
                return true;
            }
            if (c instanceof Change.DropIndex d && !d.concurrently() && existing(d.table())) {
                Change.DropIndex concurrent = new Change.DropIndex(d.table(), d.index(), true);
                dropsFirst.add(new MigrationStep(false, MigrationSql.up(concurrent), MigrationSql.down(concurrent)));
                return true;
            }
            return false;
        }

        private boolean existing(TableName table) {
            return !created.contains(table);
        }

        /** The change's statement replaced by its {@code NOT VALID} form; its down is unchanged. */
        private void plainInMain(Change c, String up) {
            mainUp.add(up);
            mainDown.add(MigrationSql.down(c));
        }

        /**
         * {@code CHECK (col IS NOT NULL) NOT VALID} now; validate it, {@code SET NOT NULL} and drop it later.
         * The check's name is Sleet's own, so it cannot meet a constraint the schema declares.
         */
        private void notNull(TableName table, String column) {
            String check = Naming.constraintName(table.name(), column, "not_null_sleet");
            String add = MigrationSql.addCheck(table, check, RenderContext.quoteIdentifier(column) + " is not null")
                    + " not valid";
            String drop = MigrationSql.dropConstraint(table, check);
            mainUp.add(add);
            mainDown.add(List.of(drop));
            validateUp.add(validate(table, check));
            notNullUp.add(MigrationSql.nullability(table, column, true));
            notNullUp.add(drop);
            // undone last step first: the check comes back, NOT VALID, for the first step's down to drop
            notNullDown.add(add);
            notNullDown.add(MigrationSql.nullability(table, column, false));
        }

        /** The constraint's index built concurrently, then the constraint added over it. */
        private void usingIndex(TableName table, String name, List<String> columns, boolean nullsNotDistinct,
                                String kind) {
            List<String> elements = columns.stream().map(RenderContext::quoteIdentifier).toList();
            IndexSnapshot index = new IndexSnapshot(name, true, "btree", elements, null, true, nullsNotDistinct);
            // ADD ... USING INDEX takes the index over; dropping the constraint drops it, hence "if exists"
            indexesAfter.add(new MigrationStep(false, List.of(MigrationSql.createIndex(table, index, true)),
                    List.of(MigrationSql.text(MigrationSql.ctx().sql("drop index concurrently if exists ")
                            .qualified(table.schema(), name)))));
            attachUp.add(MigrationSql.text(MigrationSql.alterTable(table).sql("add constraint ").identifier(name)
                    .sql(' ').sql(kind).sql(" using index ").identifier(name)));
            attachDown.add(MigrationSql.dropConstraint(table, name));
        }

        private static String validate(TableName table, String constraint) {
            return MigrationSql.text(MigrationSql.alterTable(table).sql("validate constraint ").identifier(constraint));
        }

        void stepsInto(List<MigrationStep> out) {
            out.addAll(dropsFirst);
            if (!mainUp.isEmpty()) {
                List<String> down = new ArrayList<>();
                for (int i = mainDown.size() - 1; i >= 0; i--) {
                    down.addAll(mainDown.get(i));
                }
                out.add(transactional(mainUp, down));
            }
            if (!validateUp.isEmpty()) {
                List<String> up = new ArrayList<>(validateUp);
                up.addAll(notNullUp);
                // a validated constraint stays valid on the way back; the first step's down drops it
                out.add(transactional(up, notNullDown));
            }
            out.addAll(indexesAfter);
            if (!attachUp.isEmpty()) {
                List<String> down = new ArrayList<>(attachDown);
                Collections.reverse(down);
                out.add(transactional(attachUp, down));
            }
        }

        private static MigrationStep transactional(List<String> up, List<String> down) {
            List<String> u = new ArrayList<>();
            u.add(LOCK_TIMEOUT);
            u.addAll(up);
            List<String> d = new ArrayList<>();
            d.add(LOCK_TIMEOUT);
            d.addAll(down);
            return new MigrationStep(true, u, d);
        }
    }
}
