package dev.sleet.kit.diff;

import dev.sleet.kit.snapshot.CheckSnapshot;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.EnumSnapshot;
import dev.sleet.kit.snapshot.ForeignKeySnapshot;
import dev.sleet.kit.snapshot.GrantSnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.PolicySnapshot;
import dev.sleet.kit.snapshot.PrimaryKeySnapshot;
import dev.sleet.kit.snapshot.RoleSnapshot;
import dev.sleet.kit.snapshot.SequenceSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.UniqueSnapshot;
import dev.sleet.kit.snapshot.ViewSnapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Compares two snapshots and lists the changes that turn the first into the second, in an order PostgreSQL
 * accepts:
 * <ol>
 *     <li>new and altered roles (policies name them);</li>
 *     <li>new schemas, new enums and enum values, new and altered sequences (defaults may use them);</li>
 *     <li>drops of views (last declared first) and of policies;</li>
 *     <li>drops of foreign keys, then of indexes, then of check, unique and primary key constraints;</li>
 *     <li>renames of tables, columns, constraints and indexes;</li>
 *     <li>drops of columns, then of tables;</li>
 *     <li>new tables, new columns, then column alterations (type, nullability, default, identity);</li>
 *     <li>new primary key, unique and check constraints, then indexes, then foreign keys (after both tables);</li>
 *     <li>row-level security switched on or off, new policies, new views (in declaration order), comments;</li>
 *     <li>drops of sequences, enums, schemas, then roles;</li>
 *     <li>indexes built {@code concurrently} on existing tables, which cannot run in a transaction.</li>
 * </ol>
 *
 * <p>A view whose definition changes is dropped and created again; so is every view when a column changes
 * type, since PostgreSQL refuses to change the type of a column a view reads. A changed policy is dropped
 * and created again.
 *
 * <p>Renames come only from {@code renamedFrom(...)} hints in the target snapshot; without a hint a table or
 * column that disappears is dropped and a new one created, and {@link #possibleRenames} lists such pairs so
 * that a command can ask or name the hint to add. A changed index or constraint is dropped and created again;
 * one whose definition is unchanged but whose name changed is renamed.
 *
 * <pre>{@code
 * List<Change> changes = Diff.between(previous, SnapshotBuilder.of(Schema.of(AppSchema.class)));
 * String up = MigrationSql.up(changes);
 * }</pre>
 */
public final class Diff {

    private final List<Change> roleChanges = new ArrayList<>();
    private final List<Change> createSchemas = new ArrayList<>();
    private final List<Change> enumChanges = new ArrayList<>();
    private final List<Change> sequenceChanges = new ArrayList<>();
    private final List<Change> dropViews = new ArrayList<>();
    private final List<Change> dropPolicies = new ArrayList<>();
    private final List<Change> dropForeignKeys = new ArrayList<>();
    private final List<Change> dropIndexes = new ArrayList<>();
    private final List<Change> dropConstraints = new ArrayList<>();
    private final List<Change> renameTables = new ArrayList<>();
    private final List<Change> renameColumns = new ArrayList<>();
    private final List<Change> renameConstraints = new ArrayList<>();
    private final List<Change> dropColumns = new ArrayList<>();
    private final List<Change> dropTables = new ArrayList<>();
    private final List<Change> createTables = new ArrayList<>();
    private final List<Change> addColumns = new ArrayList<>();
    private final List<Change> alterColumns = new ArrayList<>();
    private final List<Change> addConstraints = new ArrayList<>();
    private final List<Change> createIndexes = new ArrayList<>();
    private final List<Change> concurrentIndexes = new ArrayList<>();
    private final List<Change> addForeignKeys = new ArrayList<>();
    private final List<Change> rowLevelSecurity = new ArrayList<>();
    private final List<Change> createPolicies = new ArrayList<>();
    private final List<Change> createViews = new ArrayList<>();
    private final List<Change> comments = new ArrayList<>();
    private final List<Change> dropSequences = new ArrayList<>();
    private final List<Change> dropEnums = new ArrayList<>();
    private final List<Change> dropSchemas = new ArrayList<>();
    private final List<Change> dropRoles = new ArrayList<>();

    /** Tables (new names) that lose a primary key, unique constraint or unique index a foreign key may use. */
    private final Set<TableName> keysDropped = new HashSet<>();
    /** Columns (new table and column names) whose type changes. */
    private final Set<List<Object>> typeChanged = new HashSet<>();

    private final Pairing pairing;

    private Diff(Pairing pairing) {
        this.pairing = pairing;
    }

    /**
     * Lists the changes from one snapshot to another.
     *
     * @param from the schema as it is (the previous migration's snapshot, or {@link Snapshot#empty()})
     * @param to   the schema as declared now
     * @return the changes, in the order they must run; empty when the schemas are the same
     * @throws IllegalStateException when the change cannot be generated, such as an enum value removed or
     *                               reordered (PostgreSQL cannot drop or move enum values); the message names the
     *                               enum and value and says that it needs a hand-written migration
     */
    public static List<Change> between(Snapshot from, Snapshot to) {
        Diff diff = new Diff(new Pairing(normalize(from), normalize(to)));
        diff.run();
        List<Change> all = new ArrayList<>();
        for (List<Change> phase : List.of(diff.roleChanges, diff.createSchemas, diff.enumChanges, diff.sequenceChanges,
                diff.dropViews, diff.dropPolicies, diff.dropForeignKeys, diff.dropIndexes, diff.dropConstraints,
                diff.renameTables, diff.renameColumns, diff.renameConstraints, diff.dropColumns, diff.dropTables,
                diff.createTables, diff.addColumns, diff.alterColumns, diff.addConstraints, diff.createIndexes,
                diff.addForeignKeys, diff.rowLevelSecurity, diff.createPolicies, diff.createViews, diff.comments,
                diff.dropSequences, diff.dropEnums, diff.dropSchemas, diff.dropRoles, diff.concurrentIndexes)) {
            all.addAll(phase);
        }
        return List.copyOf(all);
    }

    /**
     * Lists dropped and added objects that could be renames not declared with {@code renamedFrom(...)}: a
     * dropped and a created table in the same schema, and a dropped and an added column of the same type in
     * the same table. {@link #between} treats each as a drop and a create; a command asks on a terminal or
     * fails with {@link PossibleRename#hint()}.
     *
     * @param from the schema as it is
     * @param to   the schema as declared now
     * @return the candidate pairs, empty when there is nothing to ask
     */
    public static List<PossibleRename> possibleRenames(Snapshot from, Snapshot to) {
        Pairing p = new Pairing(normalize(from), normalize(to));
        List<PossibleRename> out = new ArrayList<>();
        for (TableSnapshot created : p.createdTables) {
            for (TableSnapshot dropped : p.droppedTables) {
                if (Objects.equals(created.schema(), dropped.schema())) {
                    out.add(new PossibleRename(PossibleRename.Kind.TABLE, TableName.of(created), dropped.name(),
                            created.name()));
                }
            }
        }
        for (Map.Entry<TableSnapshot, TableSnapshot> pair : p.tablePairs.entrySet()) {
            TableSnapshot t = pair.getKey();
            ColumnPairing cp = new ColumnPairing(pair.getValue(), t);
            for (ColumnSnapshot added : cp.added) {
                for (ColumnSnapshot dropped : cp.dropped) {
                    if (added.type().equals(dropped.type())) {
                        out.add(new PossibleRename(PossibleRename.Kind.COLUMN, TableName.of(t), dropped.name(),
                                added.name()));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    // ------------------------------------------------------------------------------------------ the walk

    /**
     * The privileges a table gains and loses, per role: revokes run with the policy drops (before renames and
     * before roles go, so under the old name), grants with the policy creates (after tables and roles exist).
     */
    private void grants(TableName old, TableName table, List<GrantSnapshot> before, List<GrantSnapshot> after) {
        Map<String, List<String>> was = new TreeMap<>();
        before.forEach(g -> was.put(g.role(), g.privileges()));
        Map<String, List<String>> is = new TreeMap<>();
        after.forEach(g -> is.put(g.role(), g.privileges()));
        for (Map.Entry<String, List<String>> e : was.entrySet()) {
            List<String> lost = new ArrayList<>(e.getValue());
            lost.removeAll(is.getOrDefault(e.getKey(), List.of()));
            if (!lost.isEmpty()) {
                dropPolicies.add(new Change.RevokePrivileges(old, e.getKey(), lost));
            }
        }
        for (Map.Entry<String, List<String>> e : is.entrySet()) {
            List<String> gained = new ArrayList<>(e.getValue());
            gained.removeAll(was.getOrDefault(e.getKey(), List.of()));
            if (!gained.isEmpty()) {
                createPolicies.add(new Change.GrantPrivileges(table, e.getKey(), gained));
            }
        }
    }

    private void run() {
        Snapshot from = pairing.from;
        Snapshot to = pairing.to;
        for (String s : to.schemas()) {
            if (!from.schemas().contains(s)) {
                createSchemas.add(new Change.CreateSchema(s));
            }
        }
        for (String s : from.schemas()) {
            if (!to.schemas().contains(s)) {
                dropSchemas.add(new Change.DropSchema(s));
            }
        }
        roles(from.roles(), to.roles());
        enums(from.enums(), to.enums());
        sequences(from.sequences(), to.sequences());

        for (TableSnapshot t : pairing.createdTables) {
            TableName name = TableName.of(t);
            createTables.add(new Change.CreateTable(t));
            for (ForeignKeySnapshot fk : t.foreignKeys()) {
                addForeignKeys.add(new Change.AddForeignKey(name, fk));
            }
            for (IndexSnapshot i : t.indexes()) {
                // A new table is empty: building its indexes concurrently buys nothing and forbids the transaction.
                createIndexes.add(new Change.CreateIndex(name, i, false));
            }
            for (PolicySnapshot p : t.policies()) {
                createPolicies.add(new Change.CreatePolicy(name, p));
            }
            grants(name, name, List.of(), t.grants());
        }
        for (TableSnapshot f : pairing.droppedTables) {
            TableName name = TableName.of(f);
            for (PolicySnapshot p : f.policies()) {
                dropPolicies.add(new Change.DropPolicy(name, p));
            }
            // revoked explicitly, so that down.sql, which creates the table again, grants them again too
            grants(name, name, f.grants(), List.of());
            for (ForeignKeySnapshot fk : f.foreignKeys()) {
                dropForeignKeys.add(new Change.DropForeignKey(name, fk));
            }
            for (IndexSnapshot i : f.indexes()) {
                dropIndexes.add(new Change.DropIndex(name, i, false));
            }
            dropTables.add(new Change.DropTable(f));
        }
        pairing.tablePairs.forEach((t, f) -> table(f, t));
        // Second pass: whether a kept foreign key must be rebuilt depends on every table's key and type changes.
        pairing.tablePairs.forEach((t, f) -> foreignKeys(f, t));
        views(from.views(), to.views());
    }

    private void roles(List<RoleSnapshot> before, List<RoleSnapshot> after) {
        Map<String, RoleSnapshot> old = new LinkedHashMap<>();
        for (RoleSnapshot f : before) {
            old.put(f.name(), f);
        }
        for (RoleSnapshot t : after) {
            RoleSnapshot f = old.remove(t.name());
            if (f == null) {
                roleChanges.add(new Change.CreateRole(t));
            } else if (!f.equals(t)) {
                roleChanges.add(new Change.AlterRole(f, t));
            }
        }
        for (RoleSnapshot f : old.values()) {
            dropRoles.add(new Change.DropRole(f));
        }
    }

    private void sequences(List<SequenceSnapshot> before, List<SequenceSnapshot> after) {
        Map<List<Object>, SequenceSnapshot> old = new HashMap<>();
        for (SequenceSnapshot f : before) {
            old.put(java.util.Arrays.asList(f.schema(), f.name()), f);
        }
        for (SequenceSnapshot t : after) {
            SequenceSnapshot f = old.remove(java.util.Arrays.asList(t.schema(), t.name()));
            if (f == null) {
                sequenceChanges.add(new Change.CreateSequence(t));
                continue;
            }
            if (!withoutComment(f).equals(withoutComment(t))) {
                sequenceChanges.add(new Change.AlterSequence(f, t));
            }
            comment(new CommentTarget("sequence", t.schema(), t.name(), null), f.comment(), t.comment());
        }
        for (SequenceSnapshot f : old.values().stream().sorted(java.util.Comparator.comparing(
                SequenceSnapshot::qualifiedName)).toList()) {
            dropSequences.add(new Change.DropSequence(f));
        }
    }

    private static SequenceSnapshot withoutComment(SequenceSnapshot q) {
        return new SequenceSnapshot(q.schema(), q.name(), q.type(), q.start(), q.increment(), q.minValue(),
                q.maxValue(), q.cache(), q.cycle(), null);
    }

    /**
     * Views are dropped last-declared first and created in declaration order. An unchanged view is rebuilt
     * when a column changes type, since PostgreSQL will not change a column a view reads, and Sleet does not
     * parse view queries to know which columns those are.
     */
    private void views(List<ViewSnapshot> before, List<ViewSnapshot> after) {
        boolean rebuildAll = alterColumns.stream().anyMatch(c -> c instanceof Change.AlterColumnType);
        Map<List<Object>, ViewSnapshot> next = new HashMap<>();
        for (ViewSnapshot t : after) {
            next.put(java.util.Arrays.asList(t.schema(), t.name()), t);
        }
        Set<List<Object>> kept = new HashSet<>();
        for (int i = before.size() - 1; i >= 0; i--) {
            ViewSnapshot f = before.get(i);
            List<Object> key = java.util.Arrays.asList(f.schema(), f.name());
            ViewSnapshot t = next.get(key);
            if (t != null && !rebuildAll && sameView(f, t)) {
                kept.add(key);
                comment(new CommentTarget(t.kind(), t.schema(), t.name(), null), f.comment(), t.comment());
            } else {
                dropViews.add(new Change.DropView(f));
            }
        }
        for (ViewSnapshot t : after) {
            if (!kept.contains(java.util.Arrays.asList(t.schema(), t.name()))) {
                createViews.add(new Change.CreateView(t));
            }
        }
    }

    private static boolean sameView(ViewSnapshot f, ViewSnapshot t) {
        return f.materialized() == t.materialized() && f.definition().equals(t.definition())
                && f.securityInvoker() == t.securityInvoker() && f.withNoData() == t.withNoData();
    }

    private void comment(CommentTarget target, String before, String after) {
        if (!Objects.equals(before, after)) {
            comments.add(new Change.SetComment(target, before, after));
        }
    }

    private void enums(List<EnumSnapshot> fromEnums, List<EnumSnapshot> toEnums) {
        Map<List<Object>, EnumSnapshot> before = new HashMap<>();
        for (EnumSnapshot e : fromEnums) {
            before.put(key(e), e);
        }
        Set<List<Object>> kept = new HashSet<>();
        for (EnumSnapshot t : toEnums) {
            EnumSnapshot f = before.get(key(t));
            if (f == null) {
                enumChanges.add(new Change.CreateEnum(t));
            } else {
                kept.add(key(t));
                enumValues(f, t);
            }
        }
        for (EnumSnapshot f : fromEnums) {
            if (!kept.contains(key(f))) {
                dropEnums.add(new Change.DropEnum(f));
            }
        }
    }

    private void enumValues(EnumSnapshot f, EnumSnapshot t) {
        String name = f.schema() == null ? f.name() : f.schema() + "." + f.name();
        for (String v : f.values()) {
            if (!t.values().contains(v)) {
                throw new IllegalStateException("enum \"" + name + "\": value \"" + v + "\" was removed; PostgreSQL "
                        + "cannot drop an enum value, so this needs a hand-written migration (sleet generate --custom "
                        + "--adopt-schema): create a new type, move the columns to it and drop the old one");
            }
        }
        List<String> keptOrder = new ArrayList<>(t.values());
        keptOrder.retainAll(f.values());
        if (!keptOrder.equals(f.values())) {
            throw new IllegalStateException("enum \"" + name + "\": values " + f.values() + " were reordered to "
                    + keptOrder + "; PostgreSQL cannot move enum values, so this needs a hand-written migration "
                    + "(sleet generate --custom --adopt-schema)");
        }
        List<String> current = new ArrayList<>(f.values());
        for (int i = 0; i < t.values().size(); i++) {
            String v = t.values().get(i);
            if (current.contains(v)) {
                continue;
            }
            EnumSnapshot state = new EnumSnapshot(f.schema(), f.name(), current);
            if (i > 0) {
                String after = t.values().get(i - 1);
                enumChanges.add(new Change.AddEnumValue(state, v, null, after));
                current.add(current.indexOf(after) + 1, v);
            } else if (!current.isEmpty()) {
                enumChanges.add(new Change.AddEnumValue(state, v, current.get(0), null));
                current.add(0, v);
            } else {
                enumChanges.add(new Change.AddEnumValue(state, v, null, null));
                current.add(v);
            }
        }
    }

    private void table(TableSnapshot f, TableSnapshot t) {
        TableName old = TableName.of(f);
        TableName name = TableName.of(t);
        if (!old.equals(name)) {
            renameTables.add(new Change.RenameTable(old, name));
        }
        ColumnPairing cp = new ColumnPairing(f, t);
        cp.pairs.forEach((tc, fc) -> {
            if (!fc.name().equals(tc.name())) {
                renameColumns.add(new Change.RenameColumn(name, fc.name(), tc.name()));
            }
            column(name, fc, tc);
        });
        for (ColumnSnapshot fc : cp.dropped) {
            dropColumns.add(new Change.DropColumn(name, fc));
        }
        for (ColumnSnapshot tc : cp.added) {
            addColumns.add(new Change.AddColumn(name, tc));
        }
        comment(new CommentTarget("table", name.schema(), name.name(), null), f.comment(), t.comment());
        if (f.rowLevelSecurity() != t.rowLevelSecurity() || f.forceRowLevelSecurity() != t.forceRowLevelSecurity()) {
            rowLevelSecurity.add(new Change.AlterRowLevelSecurity(name, f.rowLevelSecurity(),
                    f.forceRowLevelSecurity(), t.rowLevelSecurity(), t.forceRowLevelSecurity()));
        }
        grants(old, name, f.grants(), t.grants());
        match(f.policies(), t.policies(), PolicySnapshot::name, PolicySnapshot::equals,
                a -> dropPolicies.add(new Change.DropPolicy(old, a)),
                b -> createPolicies.add(new Change.CreatePolicy(name, b)),
                (a, b) -> {
                    dropPolicies.add(new Change.DropPolicy(old, a));
                    createPolicies.add(new Change.CreatePolicy(name, b));
                });
        Function<List<String>, List<String>> cols = list -> mapColumns(cp.renames, list);

        match(f.primaryKey() == null ? List.of() : List.of(f.primaryKey()),
                t.primaryKey() == null ? List.of() : List.of(t.primaryKey()), PrimaryKeySnapshot::name,
                (a, b) -> cols.apply(a.columns()).equals(b.columns()),
                a -> {
                    dropConstraints.add(new Change.DropPrimaryKey(old, a));
                    keysDropped.add(name);
                },
                b -> addConstraints.add(new Change.AddPrimaryKey(name, b)),
                (a, b) -> renameConstraints.add(new Change.RenameConstraint(name, a.name(), b.name())));
        match(f.uniques(), t.uniques(), UniqueSnapshot::name,
                (a, b) -> cols.apply(a.columns()).equals(b.columns()) && a.nullsNotDistinct() == b.nullsNotDistinct(),
                a -> {
                    dropConstraints.add(new Change.DropUnique(old, a));
                    keysDropped.add(name);
                },
                b -> addConstraints.add(new Change.AddUnique(name, b)),
                (a, b) -> renameConstraints.add(new Change.RenameConstraint(name, a.name(), b.name())));
        match(f.checks(), t.checks(), CheckSnapshot::name,
                (a, b) -> a.expression().equals(b.expression()),
                a -> dropConstraints.add(new Change.DropCheck(old, a)),
                b -> addConstraints.add(new Change.AddCheck(name, b)),
                (a, b) -> renameConstraints.add(new Change.RenameConstraint(name, a.name(), b.name())));
        match(f.indexes(), t.indexes(), IndexSnapshot::name,
                (a, b) -> a.unique() == b.unique() && a.method().equals(b.method())
                        && a.elements().equals(b.elements()) && Objects.equals(a.where(), b.where())
                        && a.nullsNotDistinct() == b.nullsNotDistinct(),
                a -> {
                    dropIndexes.add(new Change.DropIndex(old, a, a.concurrently()));
                    if (a.unique()) {
                        keysDropped.add(name);
                    }
                },
                // A concurrent build runs outside a transaction, so it comes last: everything else stays in one
                // migration before it, and it only reads the table as the rest left it.
                b -> (b.concurrently() ? concurrentIndexes : createIndexes)
                        .add(new Change.CreateIndex(name, b, b.concurrently())),
                (a, b) -> renameConstraints.add(new Change.RenameIndex(name, a.name(), b.name())));
    }

    private void column(TableName table, ColumnSnapshot fc, ColumnSnapshot tc) {
        String c = tc.name();
        if (!Objects.equals(fc.generated(), tc.generated())) {
            // PostgreSQL cannot turn a column into a generated one; a generated column's values are computed anyway.
            dropColumns.add(new Change.DropColumn(table, fc.withName(c)));
            addColumns.add(new Change.AddColumn(table, tc));
            return;
        }
        comment(new CommentTarget("column", table.schema(), table.name(), c), fc.comment(), tc.comment());
        boolean typeChange = !fc.type().equals(tc.type());
        if (fc.identity() != null && tc.identity() == null) {
            alterColumns.add(new Change.DropIdentity(table, c, fc.identity()));
        }
        String defaultNow = fc.defaultSql();
        if (typeChange && defaultNow != null) {
            // The old default may not cast to the new type; it is set again after the type change.
            alterColumns.add(new Change.AlterDefault(table, c, defaultNow, null));
            defaultNow = null;
        }
        if (typeChange) {
            alterColumns.add(new Change.AlterColumnType(table, c, fc.type(), tc.type()));
            typeChanged.add(List.of(table, c));
        }
        if (fc.notNull() != tc.notNull()) {
            alterColumns.add(new Change.AlterNullability(table, c, tc.notNull()));
        }
        if (!Objects.equals(defaultNow, tc.defaultSql())) {
            alterColumns.add(new Change.AlterDefault(table, c, defaultNow, tc.defaultSql()));
        }
        if (fc.identity() == null && tc.identity() != null) {
            alterColumns.add(new Change.AddIdentity(table, c, tc.identity()));
        } else if (fc.identity() != null && tc.identity() != null && !fc.identity().equals(tc.identity())) {
            alterColumns.add(new Change.AlterIdentity(table, c, fc.identity(), tc.identity()));
        }
    }

    private void foreignKeys(TableSnapshot f, TableSnapshot t) {
        TableName old = TableName.of(f);
        TableName name = TableName.of(t);
        Map<String, String> renames = new ColumnPairing(f, t).renames;
        match(f.foreignKeys(), t.foreignKeys(), ForeignKeySnapshot::name,
                (a, b) -> sameForeignKey(renames, a, b) && !mustRebuild(name, b),
                a -> dropForeignKeys.add(new Change.DropForeignKey(old, a)),
                b -> addForeignKeys.add(new Change.AddForeignKey(name, b)),
                (a, b) -> renameConstraints.add(new Change.RenameConstraint(name, a.name(), b.name())));
    }

    private boolean sameForeignKey(Map<String, String> renames, ForeignKeySnapshot a, ForeignKeySnapshot b) {
        TableName target = new TableName(a.targetSchema(), a.targetTable());
        TableName newTarget = pairing.tableRenames.getOrDefault(target, target);
        TableSnapshot targetTo = pairing.to.table(newTarget.schema(), newTarget.name()).orElse(null);
        Map<String, String> targetRenames = Map.of();
        if (targetTo != null && pairing.tablePairs.containsKey(targetTo)) {
            targetRenames = new ColumnPairing(pairing.tablePairs.get(targetTo), targetTo).renames;
        }
        return mapColumns(renames, a.columns()).equals(b.columns())
                && newTarget.equals(new TableName(b.targetSchema(), b.targetTable()))
                && mapColumns(targetRenames, a.targetColumns()).equals(b.targetColumns())
                && a.onDelete().equals(b.onDelete()) && a.onUpdate().equals(b.onUpdate());
    }

    /** A kept foreign key must be dropped and added again when its key or a column's type changes under it. */
    private boolean mustRebuild(TableName table, ForeignKeySnapshot fk) {
        TableName target = new TableName(fk.targetSchema(), fk.targetTable());
        if (keysDropped.contains(target)) {
            return true;
        }
        for (String c : fk.columns()) {
            if (typeChanged.contains(List.of(table, c))) {
                return true;
            }
        }
        for (String c : fk.targetColumns()) {
            if (typeChanged.contains(List.of(target, c))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Matches named objects: same name and definition is no change; same name and another definition is a drop
     * and an add; another name and the same definition is a rename; the rest are drops and adds.
     */
    private static <T> void match(List<T> before, List<T> after, Function<T, String> name,
                                  BiPredicate<T, T> sameDefinition, Consumer<T> drop, Consumer<T> add,
                                  java.util.function.BiConsumer<T, T> rename) {
        List<T> unmatched = new ArrayList<>(before);
        List<T> pending = new ArrayList<>();
        for (T b : after) {
            T a = unmatched.stream().filter(x -> name.apply(x).equals(name.apply(b))).findFirst().orElse(null);
            if (a == null) {
                pending.add(b);
                continue;
            }
            unmatched.remove(a);
            if (!sameDefinition.test(a, b)) {
                drop.accept(a);
                add.accept(b);
            }
        }
        for (T b : pending) {
            T a = unmatched.stream().filter(x -> sameDefinition.test(x, b)).findFirst().orElse(null);
            if (a == null) {
                add.accept(b);
            } else {
                unmatched.remove(a);
                rename.accept(a, b);
            }
        }
        unmatched.forEach(drop);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static List<String> mapColumns(Map<String, String> renames, List<String> columns) {
        List<String> out = new ArrayList<>(columns.size());
        for (String c : columns) {
            out.add(renames.getOrDefault(c, c));
        }
        return out;
    }

    private static List<Object> key(EnumSnapshot e) {
        return java.util.Arrays.asList(e.schema(), e.name());
    }

    /**
     * Makes {@code notNull} say what the catalog will say: identity and primary key columns are {@code NOT NULL}
     * whether or not the schema repeats it.
     */
    private static Snapshot normalize(Snapshot s) {
        List<TableSnapshot> tables = new ArrayList<>();
        for (TableSnapshot t : s.tables()) {
            List<ColumnSnapshot> columns = new ArrayList<>();
            for (ColumnSnapshot c : t.columns()) {
                boolean notNull = c.notNull() || c.identity() != null
                        || (t.primaryKey() != null && t.primaryKey().columns().contains(c.name()));
                columns.add(c.withNotNull(notNull));
            }
            tables.add(t.withColumns(columns));
        }
        return s.withTables(tables);
    }

    /** Which tables of the two snapshots are the same table, by name or by a rename hint. */
    private static final class Pairing {
        final Snapshot from;
        final Snapshot to;
        /** Target table to source table, in target order. */
        final Map<TableSnapshot, TableSnapshot> tablePairs = new LinkedHashMap<>();
        final Map<TableName, TableName> tableRenames = new HashMap<>();
        final List<TableSnapshot> createdTables = new ArrayList<>();
        final List<TableSnapshot> droppedTables = new ArrayList<>();

        Pairing(Snapshot from, Snapshot to) {
            this.from = from;
            this.to = to;
            Set<TableName> paired = new HashSet<>();
            for (TableSnapshot t : to.tables()) {
                TableSnapshot f = from.table(t.schema(), t.name()).orElse(null);
                if (f == null && t.renamedFrom() != null && to.table(t.schema(), t.renamedFrom()).isEmpty()) {
                    f = from.table(t.schema(), t.renamedFrom()).orElse(null);
                }
                if (f == null || paired.contains(TableName.of(f))) {
                    createdTables.add(t);
                } else {
                    paired.add(TableName.of(f));
                    tablePairs.put(t, f);
                    if (!f.name().equals(t.name())) {
                        tableRenames.put(TableName.of(f), TableName.of(t));
                    }
                }
            }
            for (TableSnapshot f : from.tables()) {
                if (!paired.contains(TableName.of(f))) {
                    droppedTables.add(f);
                }
            }
        }
    }

    /** Which columns of a kept table are the same column, by name or by a rename hint. */
    private static final class ColumnPairing {
        /** Target column to source column, in target order. */
        final Map<ColumnSnapshot, ColumnSnapshot> pairs = new LinkedHashMap<>();
        /** Old name to new name. */
        final Map<String, String> renames = new HashMap<>();
        final List<ColumnSnapshot> added = new ArrayList<>();
        final List<ColumnSnapshot> dropped = new ArrayList<>();

        ColumnPairing(TableSnapshot f, TableSnapshot t) {
            Set<String> paired = new HashSet<>();
            for (ColumnSnapshot tc : t.columns()) {
                ColumnSnapshot fc = f.column(tc.name()).orElse(null);
                if (fc == null && tc.renamedFrom() != null && t.column(tc.renamedFrom()).isEmpty()) {
                    fc = f.column(tc.renamedFrom()).orElse(null);
                }
                if (fc == null || paired.contains(fc.name())) {
                    added.add(tc);
                } else {
                    paired.add(fc.name());
                    pairs.put(tc, fc);
                    if (!fc.name().equals(tc.name())) {
                        renames.put(fc.name(), tc.name());
                    }
                }
            }
            for (ColumnSnapshot fc : f.columns()) {
                if (!paired.contains(fc.name())) {
                    dropped.add(fc);
                }
            }
        }
    }
}
