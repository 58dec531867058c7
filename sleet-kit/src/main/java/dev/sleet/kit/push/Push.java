package dev.sleet.kit.push;

import dev.sleet.kit.ddl.MigrationSql;
import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Diff;
import dev.sleet.kit.diff.TableName;
import dev.sleet.kit.introspect.IntrospectFilter;
import dev.sleet.kit.introspect.Introspector;
import dev.sleet.kit.introspect.SnapshotNormalizer;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.RoleSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SnapshotBuilder;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.render.ParamStyle;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.Schema;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Brings a database to a Java schema directly: reads the catalog, diffs it with the schema and runs the
 * changes, for development databases (production databases get migrations). Changes that lose data (a
 * dropped table or column, a type change that is not a plain widening, {@code NOT NULL} on a column holding
 * nulls, a unique key over duplicates) are counted first and refused unless forced.
 *
 * <pre>{@code
 * PushPlan plan = Push.plan(dataSource, Schema.of(AppSchema.class));
 * if (plan.losses().isEmpty()) {
 *     Push.apply(dataSource, plan);
 * }
 * }</pre>
 *
 * <p>Renames come from {@code renamedFrom(...)} hints, as in generated migrations; without one a renamed
 * column is a drop (counted as data loss) and an add.
 */
public final class Push {

    /** Type changes that keep every value: the rest are counted as possible data loss. */
    private static final Set<List<String>> WIDENINGS = Set.of(List.of("smallint", "integer"),
            List.of("smallint", "bigint"), List.of("integer", "bigint"), List.of("real", "double precision"),
            List.of("character varying", "text"), List.of("character", "text"));

    private Push() {
    }

    /**
     * Works out what a push would do, changing nothing.
     *
     * @param dataSource the database
     * @param schema     the schema declared in Java
     * @return the plan: changes, SQL and data losses with row counts
     * @throws IllegalStateException when the catalog cannot be read or the schema's expressions are not valid
     *                               SQL on this database, naming the error
     */
    public static PushPlan plan(DataSource dataSource, Schema schema) {
        Snapshot declared = SnapshotBuilder.of(schema);
        String[] roles = declared.roles().stream().map(RoleSnapshot::name).toArray(String[]::new);
        try (Connection c = dataSource.getConnection()) {
            Snapshot live = Introspector.read(c, IntrospectFilter.all().roles(roles));
            Snapshot target = withHints(SnapshotNormalizer.normalize(declared, live, c), declared);
            live = SnapshotNormalizer.settleAgainst(live, target, c);
            List<Change> changes = Diff.between(live, target);
            List<DataLoss> losses = new ArrayList<>();
            c.setAutoCommit(false);
            try {
                for (Change change : changes) {
                    loss(c, change, live).ifPresent(losses::add);
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
            return new PushPlan(changes, MigrationSql.upStatements(changes), losses);
        } catch (SQLException e) {
            throw new IllegalStateException("push: " + e.getMessage(), e);
        }
    }

    /**
     * Runs a plan: new enum values first (a value cannot be used in the transaction that adds it), then every
     * other change in one transaction, so a failure leaves the database as it was.
     *
     * @param dataSource the database
     * @param plan       the plan, from {@link #plan}
     * @return the number of statements run
     */
    public static int apply(DataSource dataSource, PushPlan plan) {
        List<String> outside = new ArrayList<>();
        List<String> inside = new ArrayList<>();
        for (Change change : plan.changes()) {
            (change instanceof Change.AddEnumValue ? outside : inside).addAll(MigrationSql.up(change));
        }
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String sql : outside) {
                st.execute(sql);
            }
            c.setAutoCommit(false);
            try {
                for (String sql : inside) {
                    try {
                        st.execute(sql);
                    } catch (SQLException e) {
                        throw new SQLException(e.getMessage() + "\nin: " + sql, e.getSQLState(), e);
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            return outside.size() + inside.size();
        } catch (SQLException e) {
            throw new IllegalStateException("push failed, nothing of it was applied: " + e.getMessage(), e);
        }
    }

    /** The normaliser drops rename hints (the catalog has none); a push takes them from the Java schema. */
    private static Snapshot withHints(Snapshot target, Snapshot declared) {
        List<TableSnapshot> tables = new ArrayList<>();
        for (TableSnapshot t : target.tables()) {
            TableSnapshot d = declared.table(t.schema(), t.name()).orElse(null);
            if (d == null) {
                tables.add(t);
                continue;
            }
            List<ColumnSnapshot> columns = new ArrayList<>();
            for (ColumnSnapshot col : t.columns()) {
                String hint = d.column(col.name()).map(ColumnSnapshot::renamedFrom).orElse(null);
                columns.add(col.withRenamedFrom(hint));
            }
            tables.add(t.withColumns(columns).withRenamedFrom(d.renamedFrom()));
        }
        return target.withTables(tables);
    }

    private static Optional<DataLoss> loss(Connection c, Change change, Snapshot live) {
        if (change instanceof Change.DropTable d) {
            String table = d.table().qualifiedName();
            return Optional.of(new DataLoss("drop table " + table, table, null,
                    count(c, "select count(*) from " + name(d.table().schema(), d.table().name()))));
        }
        if (change instanceof Change.DropColumn d) {
            String column = d.column().name();
            return Optional.of(new DataLoss("drop column " + d.table() + "." + column, d.table().toString(), column,
                    count(c, "select count(*) from " + name(d.table()) + " where " + ident(column) + " is not null")));
        }
        if (change instanceof Change.AlterColumnType a && !widening(a.fromType(), a.toType())) {
            return Optional.of(new DataLoss("change type of " + a.table() + "." + a.column() + " from " + a.fromType()
                    + " to " + a.toType(), a.table().toString(), a.column(),
                    count(c, "select count(*) from " + name(a.table()) + " where " + ident(a.column())
                            + " is not null")));
        }
        if (change instanceof Change.AlterNullability n && n.notNull()) {
            long nulls = count(c, "select count(*) from " + name(n.table()) + " where " + ident(n.column())
                    + " is null");
            return nulls == 0 ? Optional.empty() : Optional.of(new DataLoss("set not null on " + n.table() + "."
                    + n.column() + " (rows holding null)", n.table().toString(), n.column(), nulls));
        }
        if (change instanceof Change.AddUnique u) {
            return duplicates(c, u.table(), u.unique().columns(), "unique constraint " + u.unique().name());
        }
        if (change instanceof Change.CreateIndex i && i.index().unique() && i.index().where() == null
                && live.table(i.table().schema(), i.table().name()).isPresent()) {
            IndexSnapshot index = i.index();
            return duplicates(c, i.table(), index.elements(), "unique index " + index.name());
        }
        return Optional.empty();
    }

    private static Optional<DataLoss> duplicates(Connection c, TableName table, List<String> columns, String what) {
        List<String> quoted = columns.stream().map(e -> e.startsWith("\"") ? e : ident(e)).toList();
        String key = String.join(", ", quoted);
        long rows = count(c, "select coalesce(sum(n), 0) from (select count(*) as n from " + name(table)
                + " group by " + key + " having count(*) > 1) d");
        return rows == 0 ? Optional.empty() : Optional.of(new DataLoss(what + " on " + table + " (" + String.join(", ",
                columns) + ") over duplicate rows", table.toString(), null, rows));
    }

    private static boolean widening(String from, String to) {
        String f = from.replaceAll("\\(.*\\)", "");
        String t = to.replaceAll("\\(.*\\)", "");
        if (f.equals(t) && f.equals("character varying")) {
            return length(to) >= length(from);
        }
        return WIDENINGS.contains(List.of(f, t));
    }

    private static int length(String type) {
        int open = type.indexOf('(');
        return open < 0 ? Integer.MAX_VALUE : Integer.parseInt(type.substring(open + 1, type.indexOf(')')).strip());
    }

    /** Counts in a savepoint, so a count that fails (a table renamed by the same push) does not end the rest. */
    private static long count(Connection c, String sql) {
        try (Statement st = c.createStatement()) {
            st.execute("savepoint sleet_count");
            try (ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                st.execute("rollback to savepoint sleet_count");
                return -1;
            }
        } catch (SQLException e) {
            return -1;
        }
    }

    private static String name(TableName t) {
        return name(t.schema(), t.name());
    }

    private static String name(String schema, String table) {
        return RenderContext.render(ctx -> ctx.qualified(schema, table), ParamStyle.INLINE).sql();
    }

    private static String ident(String column) {
        return RenderContext.render(ctx -> ctx.identifier(column), ParamStyle.INLINE).sql();
    }
}
