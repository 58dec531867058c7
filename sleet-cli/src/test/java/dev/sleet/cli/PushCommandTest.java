package dev.sleet.cli;

import dev.sleet.cli.fixtures.PushFixtures;
import dev.sleet.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each data-losing change: push refuses without --force, names the table, column and rows, and changes
 * nothing; --force applies it.
 */
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class PushCommandTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    /** A schema that loses data when pushed over {@link PushFixtures.Base}, and the line that says how. */
    record Case(Class<?> schema, String loss) {
        @Override
        public String toString() {
            return schema.getSimpleName();
        }
    }

    static Stream<Case> losses() {
        return Stream.of(
                new Case(PushFixtures.DropTable.class, "loses data: drop table extra: 2 rows"),
                new Case(PushFixtures.DropColumn.class, "loses data: drop column items.note: 2 rows"),
                new Case(PushFixtures.NarrowType.class, "loses data: change type of items.code from character "
                        + "varying(20) to character varying(2): 3 rows"),
                new Case(PushFixtures.NotNull.class, "loses data: set not null on items.note (rows holding null): 1 row"),
                new Case(PushFixtures.Unique.class, "loses data: unique constraint items_name_key on items (name) over "
                        + "duplicate rows: 2 rows"));
    }

    @BeforeAll
    static void start() {
        server = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("losses")
    void aDataLosingPushIsRefusedWithoutForceAndChangesNothing(Case c) throws Exception {
        String database = "push_cli_" + DATABASES.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl("postgres"));
             Statement st = admin.createStatement()) {
            st.execute("create database " + database);
        }
        String url = server.jdbcUrl(database);
        Path project = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "cli-push");
        assertThat(push(project, PushFixtures.Base.class, url).status()).isZero();
        exec(url, "insert into items (id, name, note, code) values (1, 'a', null, 'xyz'), (2, 'a', 'n', 'abcd'), "
                + "(3, 'b', 'm', 'q')");
        exec(url, "insert into extra (id) values (1), (2)");
        String before = catalog(url);

        CliRun refused = push(project, c.schema(), url);

        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.out()).contains(c.loss());
        assertThat(refused.err()).contains("push stopped").contains("nothing was changed");
        assertThat(catalog(url)).as("nothing changed").isEqualTo(before);

        if (c.schema() != PushFixtures.NotNull.class && c.schema() != PushFixtures.Unique.class
                && c.schema() != PushFixtures.NarrowType.class) {
            // forced, the change goes through; the others would fail in PostgreSQL with this data
            CliRun forced = push(project, c.schema(), url, "--force");
            assertThat(forced.status()).as(forced.err()).isZero();
            assertThat(catalog(url)).isNotEqualTo(before);
        }
    }

    private static CliRun push(Path project, Class<?> schema, String url, String... more) throws Exception {
        Path config = project.resolve("sleet.properties");
        Files.writeString(config, "schema=" + schema.getName() + "\nurl=" + url + "\n");
        String[] args = Stream.concat(Stream.of("push", "--config", config.toString()), Stream.of(more))
                .toArray(String[]::new);
        return CliRun.sleet(Optional.empty(), args);
    }

    private static void exec(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Tables, columns with types and nullability, constraints, and row counts: what a push could change. */
    private static String catalog(String url) throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select table_name, column_name, data_type, character_maximum_length,"
                     + " is_nullable from information_schema.columns where table_schema = 'public' order by 1, 2")) {
            while (rs.next()) {
                for (int i = 1; i <= 5; i++) {
                    sb.append(rs.getString(i)).append(' ');
                }
                sb.append('\n');
            }
        }
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select conname from pg_constraint where connamespace = "
                     + "'public'::regnamespace order by 1")) {
            while (rs.next()) {
                sb.append(rs.getString(1)).append('\n');
            }
        }
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select (select count(*) from items), (select count(*) from extra)")) {
            rs.next();
            sb.append(rs.getLong(1)).append(' ').append(rs.getLong(2));
        } catch (SQLException gone) {
            sb.append("a table is gone");
        }
        return sb.toString();
    }
}
