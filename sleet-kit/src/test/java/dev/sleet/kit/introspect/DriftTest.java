package dev.sleet.kit.introspect;

import dev.sleet.kit.TestServer;
import dev.sleet.kit.generate.Generator;
import dev.sleet.kit.migrate.Migrator;
import dev.sleet.schema.Column;
import dev.sleet.schema.Schema;
import dev.sleet.schema.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Ten kinds of change made by hand after migrating are each reported, and an untouched database has none. */
class DriftTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static TestServer server;

    @TempDir
    static Path folder;

    static final class Parents extends Table {
        static final Parents PARENTS = new Parents();
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> name = text("name").notNull().defaultValue("unnamed");

        private Parents() {
            super("parents");
            index("parents_name_idx").on(name);
            check("parents_name_short", "length(name) < 100");
            policy("everyone").using("true");
        }
    }

    static final class Children extends Table {
        static final Children CHILDREN = new Children();
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> parentId = bigint("parent_id").references(() -> Parents.PARENTS.id);
        final Column<Integer> age = integer("age");

        private Children() {
            super("children");
        }
    }

    /** A change made by hand, and what the report must say about it. */
    record Case(String name, String sql, String reported) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> manualChanges() {
        return Stream.of(
                new Case("column added", "alter table parents add column nickname text",
                        "column parents.nickname is in the database but not in the migrations"),
                new Case("column dropped", "alter table children drop column age",
                        "column children.age is in the migrations but not in the database"),
                new Case("default changed", "alter table parents alter column name set default 'anon'",
                        "the default of parents.name is 'anon'::text in the database"),
                new Case("index added", "create index extra_idx on children (age)",
                        "index extra_idx on children is in the database but not in the migrations"),
                new Case("index dropped", "drop index parents_name_idx",
                        "index parents_name_idx on parents is in the migrations but not in the database"),
                new Case("policy dropped", "drop policy everyone on parents",
                        "policy everyone on parents is in the migrations but not in the database"),
                new Case("row-level security off", "alter table parents disable row level security",
                        "row-level security on parents is off in the database, enabled in the migrations"),
                new Case("type changed", "alter table children alter column age type bigint",
                        "column children.age is bigint in the database, integer in the migrations"),
                new Case("not null added", "alter table children alter column age set not null",
                        "column children.age is not null in the database, nullable in the migrations"),
                new Case("foreign key dropped", "alter table children drop constraint "
                        + "children_parent_id_parents_id_fk",
                        "foreign key children_parent_id_parents_id_fk on children is in the migrations"),
                new Case("check dropped", "alter table parents drop constraint parents_name_short",
                        "check parents_name_short on parents is in the migrations but not in the database"),
                new Case("table added", "create table notes (id int)",
                        "table notes is in the database but not in the migrations"),
                new Case("privilege granted to everyone", "grant delete on children to public",
                        "privileges delete on children to public are granted in the database, not in the migrations"));
    }

    @BeforeAll
    static void migrations() {
        server = TestServer.start();
        Generator.generate(new Schema(List.of(), List.of(Parents.PARENTS, Children.CHILDREN)), folder, "init", false,
                Clock.fixed(Instant.parse("2026-11-21T09:30:00Z"), ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manualChanges")
    void aChangeMadeByHandIsReportedWithTheSqlThatRestoresIt(Case c) throws SQLException {
        String db = freshDatabase();
        try {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(server.jdbcUrl(db));
            Migrator.of(ds, folder).migrate();
            assertThat(Drift.check(ds, folder).drifted()).as("right after migrate").isFalse();

            try (Connection conn = ds.getConnection(); Statement s = conn.createStatement()) {
                s.execute(c.sql());
            }
            DriftReport report = Drift.check(ds, folder);

            assertThat(report.drifted()).isTrue();
            assertThat(report.migrationId()).isEqualTo("20261121093000");
            assertThat(report.lines()).anySatisfy(line -> assertThat(line).contains(c.reported())
                    .contains("; to restore: "));
        } finally {
            drop(db);
        }
    }

    private static String freshDatabase() throws SQLException {
        String name = server.name("drift_" + DATABASES.incrementAndGet());
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"));
             Statement s = c.createStatement()) {
            s.execute("create database \"" + name + "\"");
        }
        return name;
    }

    private static void drop(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"));
             Statement s = c.createStatement()) {
            s.execute("drop database if exists \"" + name + "\" with (force)");
        }
    }
}
