package dev.sleet.kit.ddl;

import dev.sleet.ddl.ObjectDdl;
import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.CommentTarget;
import dev.sleet.kit.diff.TableName;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.EnumSnapshot;
import dev.sleet.kit.snapshot.ForeignKeySnapshot;
import dev.sleet.kit.snapshot.IdentitySnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.UniqueSnapshot;
import dev.sleet.render.ParamStyle;
import dev.sleet.render.RenderContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the SQL of a list of {@link Change}s: {@link #up} runs them in order, {@link #down} undoes them in
 * reverse order, so that up then down returns the catalog to its previous state. Where down cannot restore
 * data (a dropped column or table comes back empty), the statement is preceded by an SQL comment that says so.
 *
 * <p>Identifiers are quoted and literals escaped by {@link RenderContext}; types, defaults, check expressions
 * and index elements come from the snapshot, where the schema renderer wrote them as SQL.
 *
 * <pre>{@code
 * List<Change> changes = Diff.between(previous, current);
 * Files.writeString(dir.resolve("up.sql"), MigrationSql.up(changes));
 * Files.writeString(dir.resolve("down.sql"), MigrationSql.down(changes));
 * }</pre>
 */
public final class MigrationSql {

    private static final Set<String> REFERENTIAL_ACTIONS =
            Set.of("no action", "restrict", "cascade", "set null", "set default");
    private static final Pattern INDEX_METHOD = Pattern.compile("[a-z_][a-z0-9_]*");

    private MigrationSql() {
    }

    /**
     * Returns the forward script: every change's statements in order, each followed by {@code ;\n}.
     *
     * @param changes the changes, as {@link dev.sleet.kit.diff.Diff#between} orders them
     * @return the script, empty for no changes
     */
    public static String up(List<Change> changes) {
        return script(upStatements(changes));
    }

    /**
     * Returns the backward script: the statements undoing each change, last change first.
     *
     * @param changes the changes, as {@link dev.sleet.kit.diff.Diff#between} orders them
     * @return the script, empty for no changes
     */
    public static String down(List<Change> changes) {
        return script(downStatements(changes));
    }

    /**
     * Returns the forward statements, without terminating semicolons.
     *
     * @param changes the changes
     * @return one or more statements per change, in order
     */
    public static List<String> upStatements(List<Change> changes) {
        List<String> out = new ArrayList<>();
        for (Change c : changes) {
            out.addAll(up(c));
        }
        return out;
    }

    /**
     * Returns the backward statements, without terminating semicolons, last change first.
     *
     * @param changes the changes
     * @return the statements undoing the changes
     */
    public static List<String> downStatements(List<Change> changes) {
        List<String> out = new ArrayList<>();
        for (int i = changes.size() - 1; i >= 0; i--) {
            out.addAll(down(changes.get(i)));
        }
        return out;
    }

    /**
     * Returns the statements of one change.
     *
     * @param change the change
     * @return its statements
     */
    public static List<String> up(Change change) {
        return change.accept(new Up());
    }

    /**
     * Returns the statements that undo one change.
     *
     * @param change the change
     * @return the statements, possibly starting with an SQL comment saying what is not restored
     */
    public static List<String> down(Change change) {
        return change.accept(new Down());
    }

    /**
     * Cuts changes into migrations the plain way: consecutive changes that can run in a transaction together,
     * every change that cannot ({@link #requiresNoTransaction}) in a step of its own, in order.
     *
     * @param changes the changes, as {@link dev.sleet.kit.diff.Diff#between} orders them
     * @return the steps; empty for no changes
     */
    public static List<MigrationStep> steps(List<Change> changes) {
        List<MigrationStep> out = new ArrayList<>();
        for (List<Change> segment : segments(changes)) {
            out.add(new MigrationStep(!requiresNoTransaction(segment.get(0)), upStatements(segment),
                    downStatements(segment)));
        }
        return out;
    }

    /** Consecutive transactional changes together; every change that needs no transaction alone. */
    static List<List<Change>> segments(List<Change> changes) {
        List<List<Change>> out = new ArrayList<>();
        List<Change> current = new ArrayList<>();
        for (Change c : changes) {
            if (requiresNoTransaction(c)) {
                if (!current.isEmpty()) {
                    out.add(current);
                    current = new ArrayList<>();
                }
                out.add(List.of(c));
            } else {
                current.add(c);
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    /**
     * Tells whether a change's statements cannot run inside a transaction block, so the migration generator
     * must put the change in a migration of its own, marked {@code -- sleet:no-transaction}:
     * {@code ALTER TYPE ... ADD VALUE} (a new value cannot be used in the transaction that adds it) and
     * {@code CREATE/DROP INDEX CONCURRENTLY}. The answer holds for both directions of the change.
     *
     * @param change the change
     * @return {@code true} when it needs a migration without a transaction
     */
    public static boolean requiresNoTransaction(Change change) {
        if (change instanceof Change.AddEnumValue) {
            return true;
        }
        if (change instanceof Change.CreateIndex c) {
            return c.concurrently();
        }
        if (change instanceof Change.DropIndex d) {
            return d.concurrently();
        }
        return false;
    }

    static String script(List<String> statements) {
        StringBuilder sql = new StringBuilder();
        for (String s : statements) {
            sql.append(s).append(";\n");
        }
        return sql.toString();
    }

    // ------------------------------------------------------------------------------------------ statements

    static RenderContext ctx() {
        return new RenderContext(ParamStyle.INLINE);
    }

    static String text(RenderContext ctx) {
        return ctx.result().sql();
    }

    static RenderContext alterTable(TableName table) {
        return ctx().sql("alter table ").qualified(table.schema(), table.name()).sql(' ');
    }

    static RenderContext alterColumn(TableName table, String column) {
        return alterTable(table).sql("alter column ").identifier(column).sql(' ');
    }

    private static String createSchema(String name) {
        return text(ctx().sql("create schema ").identifier(name));
    }

    private static String dropSchema(String name) {
        return text(ctx().sql("drop schema ").identifier(name));
    }

    private static String createEnum(EnumSnapshot e) {
        RenderContext ctx = ctx().sql("create type ").qualified(e.schema(), e.name()).sql(" as enum (");
        for (int i = 0; i < e.values().size(); i++) {
            if (i > 0) {
                ctx.sql(", ");
            }
            ctx.stringLiteral(e.values().get(i));
        }
        return text(ctx.sql(')'));
    }

    private static String dropEnum(EnumSnapshot e) {
        return text(ctx().sql("drop type ").qualified(e.schema(), e.name()));
    }

    private static String createTable(TableSnapshot t) {
        RenderContext ctx = ctx().sql("create table ").qualified(t.schema(), t.name()).sql(" (\n");
        boolean first = true;
        for (ColumnSnapshot c : t.columns()) {
            ctx.sql(first ? "  " : ",\n  ");
            first = false;
            columnDefinition(ctx, c);
        }
        if (t.primaryKey() != null) {
            ctx.sql(first ? "  " : ",\n  ");
            first = false;
            ctx.sql("constraint ").identifier(t.primaryKey().name()).sql(" primary key (");
            names(ctx, t.primaryKey().columns());
            ctx.sql(')');
        }
        for (UniqueSnapshot u : t.uniques()) {
            ctx.sql(first ? "  " : ",\n  ");
            first = false;
            ctx.sql("constraint ").identifier(u.name()).sql(' ');
            unique(ctx, u);
        }
        for (var check : t.checks()) {
            ctx.sql(first ? "  " : ",\n  ");
            first = false;
            ctx.sql("constraint ").identifier(check.name()).sql(" check (").rawSql(check.expression()).sql(')');
        }
        return text(ctx.sql("\n)"));
    }

    private static String dropTable(TableSnapshot t) {
        return text(ctx().sql("drop table ").qualified(t.schema(), t.name()));
    }

    private static String renameTable(TableName from, TableName to) {
        return text(ctx().sql("alter table ").qualified(from.schema(), from.name()).sql(" rename to ")
                .identifier(to.name()));
    }

    private static void columnDefinition(RenderContext ctx, ColumnSnapshot c) {
        ctx.identifier(c.name()).sql(' ').rawSql(c.type());
        if (c.identity() != null) {
            ctx.sql(c.identity().always() ? " generated always as identity" : " generated by default as identity");
            String options = identityOptions(c.identity());
            if (!options.isEmpty()) {
                ctx.sql(" (").sql(options).sql(")");
            }
        }
        if (c.generated() != null) {
            ctx.sql(" generated always as (").rawSql(c.generated()).sql(") stored");
        }
        if (c.defaultSql() != null) {
            ctx.sql(" default ").rawSql(c.defaultSql());
        }
        if (c.notNull() && c.identity() == null) {
            ctx.sql(" not null");
        }
    }

    /** Sequence options as {@code start with 1 increment by 1 ...}; empty when all are defaults. */
    private static String identityOptions(IdentitySnapshot i) {
        StringBuilder sql = new StringBuilder();
        if (i.start() != null) {
            sql.append(" start with ").append(i.start());
        }
        if (i.increment() != null) {
            sql.append(" increment by ").append(i.increment());
        }
        if (i.minValue() != null) {
            sql.append(" minvalue ").append(i.minValue());
        }
        if (i.maxValue() != null) {
            sql.append(" maxvalue ").append(i.maxValue());
        }
        if (i.cache() != null) {
            sql.append(" cache ").append(i.cache());
        }
        if (i.cycle()) {
            sql.append(" cycle");
        }
        return sql.length() == 0 ? "" : sql.substring(1);
    }

    private static String addColumn(TableName table, ColumnSnapshot c) {
        RenderContext ctx = alterTable(table).sql("add column ");
        columnDefinition(ctx, c);
        return text(ctx);
    }

    private static String dropColumn(TableName table, String column) {
        return text(alterTable(table).sql("drop column ").identifier(column));
    }

    private static String renameColumn(TableName table, String from, String to) {
        return text(alterTable(table).sql("rename column ").identifier(from).sql(" to ").identifier(to));
    }

    private static String alterType(TableName table, String column, String type) {
        return text(alterColumn(table, column).sql("type ").rawSql(type).sql(" using ").identifier(column)
                .sql("::").rawSql(type));
    }

    static String nullability(TableName table, String column, boolean notNull) {
        return text(alterColumn(table, column).sql(notNull ? "set not null" : "drop not null"));
    }

    private static String setDefault(TableName table, String column, String defaultSql) {
        RenderContext ctx = alterColumn(table, column);
        return text(defaultSql == null ? ctx.sql("drop default") : ctx.sql("set default ").rawSql(defaultSql));
    }

    private static String addIdentity(TableName table, String column, IdentitySnapshot identity) {
        RenderContext ctx = alterColumn(table, column)
                .sql(identity.always() ? "add generated always as identity" : "add generated by default as identity");
        String options = identityOptions(identity);
        if (!options.isEmpty()) {
            ctx.sql(" (").sql(options).sql(")");
        }
        return text(ctx);
    }

    private static String dropIdentity(TableName table, String column) {
        return text(alterColumn(table, column).sql("drop identity"));
    }

    /** Every option that differs is set; an option left unset goes back to PostgreSQL's default. */
    private static String alterIdentity(TableName table, String column, IdentitySnapshot from, IdentitySnapshot to) {
        RenderContext ctx = alterColumn(table, column);
        List<String> sets = new ArrayList<>();
        if (from.always() != to.always()) {
            sets.add(to.always() ? "set generated always" : "set generated by default");
        }
        long increment = to.increment() == null ? 1 : to.increment();
        if (!java.util.Objects.equals(from.increment(), to.increment())) {
            sets.add("set increment by " + increment);
        }
        if (!java.util.Objects.equals(from.minValue(), to.minValue())) {
            sets.add(to.minValue() == null ? "set no minvalue" : "set minvalue " + to.minValue());
        }
        if (!java.util.Objects.equals(from.maxValue(), to.maxValue())) {
            sets.add(to.maxValue() == null ? "set no maxvalue" : "set maxvalue " + to.maxValue());
        }
        if (!java.util.Objects.equals(from.start(), to.start())) {
            sets.add("set start with " + ObjectSql.start(to.start(), to.increment(), to.minValue(), to.maxValue()));
        }
        if (!java.util.Objects.equals(from.cache(), to.cache())) {
            sets.add("set cache " + (to.cache() == null ? 1 : to.cache()));
        }
        if (from.cycle() != to.cycle()) {
            sets.add(to.cycle() ? "set cycle" : "set no cycle");
        }
        return text(ctx.sql(String.join(" ", sets)));
    }

    private static String addPrimaryKey(TableName table, String name, List<String> columns) {
        RenderContext ctx = alterTable(table).sql("add constraint ").identifier(name).sql(" primary key (");
        names(ctx, columns);
        return text(ctx.sql(')'));
    }

    private static String addUnique(TableName table, UniqueSnapshot u) {
        RenderContext ctx = alterTable(table).sql("add constraint ").identifier(u.name()).sql(' ');
        unique(ctx, u);
        return text(ctx);
    }

    private static void unique(RenderContext ctx, UniqueSnapshot u) {
        ctx.sql("unique");
        if (u.nullsNotDistinct()) {
            ctx.sql(" nulls not distinct");
        }
        ctx.sql(" (");
        names(ctx, u.columns());
        ctx.sql(')');
    }

    static String addForeignKey(TableName table, ForeignKeySnapshot fk) {
        RenderContext ctx = alterTable(table).sql("add constraint ").identifier(fk.name()).sql(" foreign key (");
        names(ctx, fk.columns());
        ctx.sql(") references ").qualified(fk.targetSchema(), fk.targetTable()).sql(" (");
        names(ctx, fk.targetColumns());
        ctx.sql(')');
        if (!"no action".equals(fk.onDelete())) {
            ctx.sql(" on delete ").sql(action(fk, fk.onDelete()));
        }
        if (!"no action".equals(fk.onUpdate())) {
            ctx.sql(" on update ").sql(action(fk, fk.onUpdate()));
        }
        return text(ctx);
    }

    private static String action(ForeignKeySnapshot fk, String action) {
        if (!REFERENTIAL_ACTIONS.contains(action)) {
            throw new IllegalArgumentException("foreign key \"" + fk.name() + "\": referential action \"" + action
                    + "\" is not one of " + REFERENTIAL_ACTIONS);
        }
        return action;
    }

    static String addCheck(TableName table, String name, String expression) {
        return text(alterTable(table).sql("add constraint ").identifier(name).sql(" check (").rawSql(expression)
                .sql(')'));
    }

    private static String grant(boolean grant, TableName table, String role, List<String> privileges) {
        return ObjectDdl.grant(grant, table.schema(), table.name(), role, privileges);
    }

    static String dropConstraint(TableName table, String name) {
        return text(alterTable(table).sql("drop constraint ").identifier(name));
    }

    private static String renameConstraint(TableName table, String from, String to) {
        return text(alterTable(table).sql("rename constraint ").identifier(from).sql(" to ").identifier(to));
    }

    static String createIndex(TableName table, IndexSnapshot i, boolean concurrently) {
        if (!INDEX_METHOD.matcher(i.method()).matches()) {
            throw new IllegalArgumentException("index \"" + i.name() + "\": access method \"" + i.method()
                    + "\" is not a plain name");
        }
        RenderContext ctx = ctx().sql(i.unique() ? "create unique index " : "create index ");
        if (concurrently) {
            ctx.sql("concurrently ");
        }
        ctx.identifier(i.name()).sql(" on ").qualified(table.schema(), table.name()).sql(" using ").sql(i.method())
                .sql(" (");
        for (int e = 0; e < i.elements().size(); e++) {
            if (e > 0) {
                ctx.sql(", ");
            }
            ctx.rawSql(i.elements().get(e));
        }
        ctx.sql(')');
        if (i.nullsNotDistinct()) {
            ctx.sql(" nulls not distinct");
        }
        if (i.where() != null) {
            ctx.sql(" where ").rawSql(i.where());
        }
        return text(ctx);
    }

    static String dropIndex(TableName table, String name, boolean concurrently) {
        return text(ctx().sql(concurrently ? "drop index concurrently " : "drop index ")
                .qualified(table.schema(), name));
    }

    private static String renameIndex(TableName table, String from, String to) {
        return text(ctx().sql("alter index ").qualified(table.schema(), from).sql(" rename to ").identifier(to));
    }

    private static void names(RenderContext ctx, List<String> columns) {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                ctx.sql(", ");
            }
            ctx.identifier(columns.get(i));
        }
    }

    private static String comment(String text) {
        return "-- " + text.replace('\n', ' ') + "\n";
    }

    private static String qualified(TableName t) {
        return t.toString();
    }

    private static List<String> withTableExtras(String create, TableSnapshot table) {
        List<String> out = new ArrayList<>();
        out.add(create);
        out.addAll(ObjectSql.tableExtras(table));
        return out;
    }

    private static List<String> withColumnComment(String add, TableName table, ColumnSnapshot column) {
        if (column.comment() == null) {
            return List.of(add);
        }
        return List.of(add, ObjectSql.comment(new CommentTarget("column", table.schema(), table.name(),
                column.name()), column.comment()));
    }

    // ------------------------------------------------------------------------------------------ directions

    /** The forward statements of each kind of change. */
    private static final class Up implements Change.Visitor<List<String>> {

        @Override
        public List<String> visit(Change.CreateSchema c) {
            return List.of(createSchema(c.name()));
        }

        @Override
        public List<String> visit(Change.DropSchema c) {
            return List.of(dropSchema(c.name()));
        }

        @Override
        public List<String> visit(Change.CreateEnum c) {
            return List.of(createEnum(c.pgEnum()));
        }

        @Override
        public List<String> visit(Change.DropEnum c) {
            return List.of(dropEnum(c.pgEnum()));
        }

        @Override
        public List<String> visit(Change.AddEnumValue c) {
            EnumSnapshot e = c.before();
            RenderContext ctx = ctx().sql("alter type ").qualified(e.schema(), e.name()).sql(" add value ")
                    .stringLiteral(c.value());
            if (c.beforeValue() != null) {
                ctx.sql(" before ").stringLiteral(c.beforeValue());
            } else if (c.afterValue() != null) {
                ctx.sql(" after ").stringLiteral(c.afterValue());
            }
            return List.of(text(ctx));
        }

        @Override
        public List<String> visit(Change.CreateTable c) {
            return withTableExtras(createTable(c.table()), c.table());
        }

        @Override
        public List<String> visit(Change.DropTable c) {
            return List.of(dropTable(c.table()));
        }

        @Override
        public List<String> visit(Change.RenameTable c) {
            return List.of(renameTable(c.from(), c.to()));
        }

        @Override
        public List<String> visit(Change.AddColumn c) {
            return withColumnComment(addColumn(c.table(), c.column()), c.table(), c.column());
        }

        @Override
        public List<String> visit(Change.DropColumn c) {
            return List.of(dropColumn(c.table(), c.column().name()));
        }

        @Override
        public List<String> visit(Change.RenameColumn c) {
            return List.of(renameColumn(c.table(), c.from(), c.to()));
        }

        @Override
        public List<String> visit(Change.AlterColumnType c) {
            return List.of(alterType(c.table(), c.column(), c.toType()));
        }

        @Override
        public List<String> visit(Change.AlterNullability c) {
            return List.of(nullability(c.table(), c.column(), c.notNull()));
        }

        @Override
        public List<String> visit(Change.AlterDefault c) {
            return List.of(setDefault(c.table(), c.column(), c.after()));
        }

        @Override
        public List<String> visit(Change.AddIdentity c) {
            return List.of(addIdentity(c.table(), c.column(), c.identity()));
        }

        @Override
        public List<String> visit(Change.DropIdentity c) {
            return List.of(dropIdentity(c.table(), c.column()));
        }

        @Override
        public List<String> visit(Change.AlterIdentity c) {
            return List.of(alterIdentity(c.table(), c.column(), c.before(), c.after()));
        }

        @Override
        public List<String> visit(Change.AddPrimaryKey c) {
            return List.of(addPrimaryKey(c.table(), c.key().name(), c.key().columns()));
        }

        @Override
        public List<String> visit(Change.DropPrimaryKey c) {
            return List.of(dropConstraint(c.table(), c.key().name()));
        }

        @Override
        public List<String> visit(Change.AddUnique c) {
            return List.of(addUnique(c.table(), c.unique()));
        }

        @Override
        public List<String> visit(Change.DropUnique c) {
            return List.of(dropConstraint(c.table(), c.unique().name()));
        }

        @Override
        public List<String> visit(Change.AddForeignKey c) {
            return List.of(addForeignKey(c.table(), c.key()));
        }

        @Override
        public List<String> visit(Change.DropForeignKey c) {
            return List.of(dropConstraint(c.table(), c.key().name()));
        }

        @Override
        public List<String> visit(Change.AddCheck c) {
            return List.of(addCheck(c.table(), c.check().name(), c.check().expression()));
        }

        @Override
        public List<String> visit(Change.DropCheck c) {
            return List.of(dropConstraint(c.table(), c.check().name()));
        }

        @Override
        public List<String> visit(Change.RenameConstraint c) {
            return List.of(renameConstraint(c.table(), c.from(), c.to()));
        }

        @Override
        public List<String> visit(Change.CreateIndex c) {
            return List.of(createIndex(c.table(), c.index(), c.concurrently()));
        }

        @Override
        public List<String> visit(Change.DropIndex c) {
            return List.of(dropIndex(c.table(), c.index().name(), c.concurrently()));
        }

        @Override
        public List<String> visit(Change.RenameIndex c) {
            return List.of(renameIndex(c.table(), c.from(), c.to()));
        }

        @Override
        public List<String> visit(Change.CreateRole c) {
            return List.of(ObjectSql.createRole(c.role()));
        }

        @Override
        public List<String> visit(Change.DropRole c) {
            return List.of(ObjectSql.dropRole(c.role()));
        }

        @Override
        public List<String> visit(Change.AlterRole c) {
            return List.of(ObjectSql.alterRole(c.after()));
        }

        @Override
        public List<String> visit(Change.CreateSequence c) {
            return ObjectSql.createSequence(c.sequence());
        }

        @Override
        public List<String> visit(Change.DropSequence c) {
            return List.of(ObjectSql.dropSequence(c.sequence()));
        }

        @Override
        public List<String> visit(Change.AlterSequence c) {
            return List.of(ObjectSql.alterSequence(c.before(), c.after()));
        }

        @Override
        public List<String> visit(Change.CreateView c) {
            return ObjectSql.createView(c.view());
        }

        @Override
        public List<String> visit(Change.DropView c) {
            return List.of(ObjectSql.dropView(c.view()));
        }

        @Override
        public List<String> visit(Change.AlterRowLevelSecurity c) {
            return ObjectSql.alterRowLevelSecurity(c.table(), c.enabledBefore(), c.forcedBefore(), c.enabled(),
                    c.forced());
        }

        @Override
        public List<String> visit(Change.CreatePolicy c) {
            return List.of(ObjectSql.createPolicy(c.table(), c.policy()));
        }

        @Override
        public List<String> visit(Change.DropPolicy c) {
            return List.of(ObjectSql.dropPolicy(c.table(), c.policy()));
        }

        @Override
        public List<String> visit(Change.SetComment c) {
            return List.of(ObjectSql.comment(c.target(), c.after()));
        }

        @Override
        public List<String> visit(Change.GrantPrivileges c) {
            return List.of(grant(true, c.table(), c.role(), c.privileges()));
        }

        @Override
        public List<String> visit(Change.RevokePrivileges c) {
            return List.of(grant(false, c.table(), c.role(), c.privileges()));
        }
    }

    /** The statements undoing each kind of change. */
    private static final class Down implements Change.Visitor<List<String>> {

        @Override
        public List<String> visit(Change.CreateSchema c) {
            return List.of(dropSchema(c.name()));
        }

        @Override
        public List<String> visit(Change.DropSchema c) {
            return List.of(createSchema(c.name()));
        }

        @Override
        public List<String> visit(Change.CreateEnum c) {
            return List.of(dropEnum(c.pgEnum()));
        }

        @Override
        public List<String> visit(Change.DropEnum c) {
            return List.of(createEnum(c.pgEnum()));
        }

        @Override
        public List<String> visit(Change.AddEnumValue c) {
            EnumSnapshot e = c.before();
            String name = e.schema() == null ? e.name() : e.schema() + "." + e.name();
            // PostgreSQL has no ALTER TYPE ... DROP VALUE: down says so instead of failing.
            return List.of(comment("enum \"" + name + "\" keeps value '" + c.value().replace("'", "''")
                    + "': PostgreSQL cannot drop an enum value; remove it by hand (new type, move columns, drop old) "
                    + "if it must go").strip());
        }

        @Override
        public List<String> visit(Change.CreateTable c) {
            return List.of(dropTable(c.table()));
        }

        @Override
        public List<String> visit(Change.DropTable c) {
            return withTableExtras(comment("table \"" + c.table().qualifiedName() + "\" is created again without its "
                    + "rows: its data is not restored") + createTable(c.table()), c.table());
        }

        @Override
        public List<String> visit(Change.RenameTable c) {
            return List.of(renameTable(c.to(), c.from()));
        }

        @Override
        public List<String> visit(Change.AddColumn c) {
            return List.of(dropColumn(c.table(), c.column().name()));
        }

        @Override
        public List<String> visit(Change.DropColumn c) {
            return withColumnComment(comment("column \"" + qualified(c.table()) + "\".\"" + c.column().name()
                    + "\" is added again empty: its data is not restored") + addColumn(c.table(), c.column()),
                    c.table(), c.column());
        }

        @Override
        public List<String> visit(Change.RenameColumn c) {
            return List.of(renameColumn(c.table(), c.to(), c.from()));
        }

        @Override
        public List<String> visit(Change.AlterColumnType c) {
            return List.of(alterType(c.table(), c.column(), c.fromType()));
        }

        @Override
        public List<String> visit(Change.AlterNullability c) {
            return List.of(nullability(c.table(), c.column(), !c.notNull()));
        }

        @Override
        public List<String> visit(Change.AlterDefault c) {
            return List.of(setDefault(c.table(), c.column(), c.before()));
        }

        @Override
        public List<String> visit(Change.AddIdentity c) {
            return List.of(dropIdentity(c.table(), c.column()));
        }

        @Override
        public List<String> visit(Change.DropIdentity c) {
            return List.of(addIdentity(c.table(), c.column(), c.identity()));
        }

        @Override
        public List<String> visit(Change.AlterIdentity c) {
            return List.of(alterIdentity(c.table(), c.column(), c.after(), c.before()));
        }

        @Override
        public List<String> visit(Change.AddPrimaryKey c) {
            return List.of(dropConstraint(c.table(), c.key().name()));
        }

        @Override
        public List<String> visit(Change.DropPrimaryKey c) {
            return List.of(addPrimaryKey(c.table(), c.key().name(), c.key().columns()));
        }

        @Override
        public List<String> visit(Change.AddUnique c) {
            return List.of(dropConstraint(c.table(), c.unique().name()));
        }

        @Override
        public List<String> visit(Change.DropUnique c) {
            return List.of(addUnique(c.table(), c.unique()));
        }

        @Override
        public List<String> visit(Change.AddForeignKey c) {
            return List.of(dropConstraint(c.table(), c.key().name()));
        }

        @Override
        public List<String> visit(Change.DropForeignKey c) {
            return List.of(addForeignKey(c.table(), c.key()));
        }

        @Override
        public List<String> visit(Change.AddCheck c) {
            return List.of(dropConstraint(c.table(), c.check().name()));
        }

        @Override
        public List<String> visit(Change.DropCheck c) {
            return List.of(addCheck(c.table(), c.check().name(), c.check().expression()));
        }

        @Override
        public List<String> visit(Change.RenameConstraint c) {
            return List.of(renameConstraint(c.table(), c.to(), c.from()));
        }

        @Override
        public List<String> visit(Change.CreateIndex c) {
            return List.of(dropIndex(c.table(), c.index().name(), c.concurrently()));
        }

        @Override
        public List<String> visit(Change.DropIndex c) {
            return List.of(createIndex(c.table(), c.index(), c.concurrently()));
        }

        @Override
        public List<String> visit(Change.RenameIndex c) {
            return List.of(renameIndex(c.table(), c.to(), c.from()));
        }

        @Override
        public List<String> visit(Change.CreateRole c) {
            return List.of(ObjectSql.dropRole(c.role()));
        }

        @Override
        public List<String> visit(Change.DropRole c) {
            return List.of(ObjectSql.createRole(c.role()));
        }

        @Override
        public List<String> visit(Change.AlterRole c) {
            return List.of(ObjectSql.alterRole(c.before()));
        }

        @Override
        public List<String> visit(Change.CreateSequence c) {
            return List.of(ObjectSql.dropSequence(c.sequence()));
        }

        @Override
        public List<String> visit(Change.DropSequence c) {
            List<String> out = new ArrayList<>(ObjectSql.createSequence(c.sequence()));
            out.set(0, comment("sequence \"" + c.sequence().qualifiedName() + "\" is created again: it restarts "
                    + "from its start value") + out.get(0));
            return out;
        }

        @Override
        public List<String> visit(Change.AlterSequence c) {
            return List.of(ObjectSql.alterSequence(c.after(), c.before()));
        }

        @Override
        public List<String> visit(Change.CreateView c) {
            return List.of(ObjectSql.dropView(c.view()));
        }

        @Override
        public List<String> visit(Change.DropView c) {
            return ObjectSql.createView(c.view());
        }

        @Override
        public List<String> visit(Change.AlterRowLevelSecurity c) {
            return ObjectSql.alterRowLevelSecurity(c.table(), c.enabled(), c.forced(), c.enabledBefore(),
                    c.forcedBefore());
        }

        @Override
        public List<String> visit(Change.CreatePolicy c) {
            return List.of(ObjectSql.dropPolicy(c.table(), c.policy()));
        }

        @Override
        public List<String> visit(Change.DropPolicy c) {
            return List.of(ObjectSql.createPolicy(c.table(), c.policy()));
        }

        @Override
        public List<String> visit(Change.SetComment c) {
            return List.of(ObjectSql.comment(c.target(), c.before()));
        }
        @Override
        public List<String> visit(Change.GrantPrivileges c) {
            return List.of(grant(false, c.table(), c.role(), c.privileges()));
        }

        @Override
        public List<String> visit(Change.RevokePrivileges c) {
            return List.of(grant(true, c.table(), c.role(), c.privileges()));
        }
    }
}
