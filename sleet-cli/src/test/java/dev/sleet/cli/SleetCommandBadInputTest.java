package dev.sleet.cli;

import dev.sleet.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input at the command line - a malformed {@code sleet.properties}, a schema class that is missing or broken,
 * an unreadable or empty migration, a database that is down, wrong credentials - ends with one line on stderr that
 * names the file, key or host, exit status 1 or 2, no stack trace, no password, and nothing applied.
 */
// Swaps the global System.out and System.err: no other test class may run meanwhile.
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class SleetCommandBadInputTest {

    private static final String ROLE = "sleet_pw";
    private static final String PASSWORD = "correct-horse-7";
    private static final String WRONG_PASSWORD = "wrong-battery-9";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private static EmbeddedPostgres server;

    @TempDir
    Path project;

    private String database;
    private Path config;

    /**
     * The embedded server trusts every connection, so no password could be wrong. One role is made to need a
     * password: a scram-sha-256 rule for it goes before the trust rules of pg_hba.conf, which PostgreSQL reads
     * top down, and the server reloads it.
     */
    @BeforeAll
    static void startServerWithAPasswordRole() throws Exception {
        server = EmbeddedPostgres.start();
        execute("postgres", "SET password_encryption = 'scram-sha-256'",
                "CREATE ROLE " + ROLE + " LOGIN SUPERUSER PASSWORD '" + PASSWORD + "'");
        Path hba = server.dataDirectory().resolve("pg_hba.conf");
        String rules = Files.readString(hba);
        Files.writeString(hba, "host all " + ROLE + " 127.0.0.1/32 scram-sha-256\n" + rules,
                StandardOpenOption.TRUNCATE_EXISTING);
        execute("postgres", "SELECT pg_reload_conf()");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void createDatabaseAndProject() throws IOException, SQLException {
        database = "bad_input_" + DATABASES.incrementAndGet();
        execute("postgres", "CREATE DATABASE " + database);
        config = project.resolve("sleet.properties");
        Files.writeString(config, "schema=dev.sleet.cli.fixtures.TicketSchema\nout=migrations\nurl="
                + server.jdbcUrl(database) + "\n");
        writeMigration("20260101000000_tickets", "CREATE TABLE tickets (id bigint PRIMARY KEY, title text);\n");
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        execute("postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    @Test
    void malformedPropertiesAreOneLineNamingTheFileAndKey() throws IOException {
        String url = "url=" + server.jdbcUrl(database) + "\n";
        List<List<String>> cases = List.of(
                List.of("schema=dev.sleet.cli.fixtures.TicketSchema\nurll=x\n" + url, "unknown key 'urll'"),
                List.of("schema=dev.sleet.cli.fixtures.TicketSchema\n" + url + "out=C:\\users\\ann\n",
                        "not a valid properties file"),
                List.of("out=migrations\n" + url, "key 'schema' is required"),
                List.of("schema=dev.sleet.cli.fixtures.TicketSchema\nurl=${SLEET_TEST_NOT_SET}\n", "key 'url'"),
                List.of("schema=dev.sleet.cli.fixtures.TicketSchema\nurl=mysql://app:" + PASSWORD
                        + "@localhost/app\n", "key 'url'"));
        for (List<String> c : cases) {
            Files.writeString(config, c.get(0));

            CliRun run = sleet("migrate", "--config", config.toString());

            assertOneLine(run, SleetCommand.USAGE, config.toString(), c.get(1));
            assertNothingApplied();
        }
    }

    /**
     * Sleet loads compiled classes, so a schema that "does not compile" reaches it as what a failed or partial
     * build leaves: no class file, a damaged one, one whose dependency is missing, or one that throws while its
     * static fields (the tables) are built.
     */
    @Test
    void aSchemaClassThatIsMissingOrBrokenIsOneLineNamingTheKeyAndWritesNothing() throws IOException {
        Path classes = project.resolve("classes");
        compile(classes, "shop.Exploding", """
                package shop;
                public final class Exploding {
                    static { if (true) throw new IllegalStateException("no tables today\\nsecond line"); }
                }
                """);
        compile(classes, "shop.Silent", """
                package shop;
                public final class Silent {
                    static { if (true) throw new IllegalStateException(); }
                }
                """);
        compile(classes, "shop.NeedsHelper", """
                package shop;
                public final class NeedsHelper {
                    public static final Helper HELPER = new Helper();
                }
                class Helper {
                }
                """);
        Files.delete(classes.resolve("shop/Helper.class"));   // a class file a partial build did not write
        Files.write(classes.resolve("shop/Corrupt.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 1, 2, 3});
        List<List<String>> cases = List.of(
                List.of("shop.NoSuchSchema", "shop.NoSuchSchema was not found"),
                List.of("shop.Exploding", "shop.Exploding failed to initialise", "no tables today"),
                List.of("shop.Silent", "shop.Silent failed to initialise", "IllegalStateException"),
                List.of("shop.NeedsHelper", "shop.NeedsHelper", "shop/Helper"),
                List.of("shop.Corrupt", "shop.Corrupt cannot be loaded"));
        for (List<String> c : cases) {
            Files.writeString(config, "schema=" + c.get(0) + "\nclasspath=classes\nout=migrations\n");

            CliRun run = sleet("generate", "--config", config.toString());

            assertOneLine(run, SleetCommand.USAGE, Stream.concat(Stream.of(config.toString(), "key 'schema'"),
                    c.stream().skip(1)).toArray(String[]::new));
            assertThat(run.err()).doesNotContain("second line");
            try (Stream<Path> dirs = Files.list(project.resolve("migrations"))) {
                assertThat(dirs).as("migrations written").hasSize(1);
            }
        }
    }

    @Test
    void anUnreadableMigrationIsOneLineNamingTheFileAndNothingIsApplied() throws IOException {
        // The tests run as root, whom chmod 000 does not stop from reading; an up.sql that is a directory cannot
        // be read by anyone.
        Path up = Files.createDirectories(project.resolve("migrations/20260102000000_more/up.sql"));

        CliRun run = sleet("migrate", "--config", config.toString());

        assertOneLine(run, SleetCommand.FAILED, up.toString(), "is not a regular file");
        assertNothingApplied();

        if (!"root".equals(System.getProperty("user.name"))) {
            Files.delete(up);
            Files.writeString(up, "CREATE TABLE more (id int);\n");
            Files.setPosixFilePermissions(up, PosixFilePermissions.fromString("---------"));

            CliRun denied = sleet("migrate", "--config", config.toString());

            assertOneLine(denied, SleetCommand.FAILED, up.toString(), "cannot be read");
            assertNothingApplied();
        }
    }

    @Test
    void anEmptyMigrationIsOneLineNamingTheFileAndNothingIsApplied() throws IOException {
        Path up = writeMigration("20260102000000_more", "-- to do\n");

        CliRun run = sleet("migrate", "--config", config.toString());

        assertOneLine(run, SleetCommand.FAILED, up.toString(), "is empty");
        assertNothingApplied();
    }

    @Test
    void aDatabaseThatIsDownIsOneLineNamingTheHost() throws IOException {
        int port = freePort();
        String url = "postgres://app:" + PASSWORD + "@127.0.0.1:" + port + "/app";

        CliRun run = sleet("migrate", "--config", config.toString(), "--url", url);

        assertOneLine(run, SleetCommand.FAILED, "127.0.0.1:" + port, "--url");
        assertNothingApplied();
    }

    @Test
    void wrongCredentialsAreOneLineNamingTheHostAndUserWithoutThePassword() throws IOException {
        String host = "127.0.0.1:" + server.port();
        List<String> urls = List.of(
                "postgres://" + ROLE + ":" + WRONG_PASSWORD + "@" + host + "/" + database,
                "jdbc:postgresql://" + host + "/" + database + "?user=" + ROLE + "&password=" + WRONG_PASSWORD,
                "jdbc:postgresql://" + host + "/" + database + "?user=no_such_role");
        for (String url : urls) {
            Files.writeString(config, "schema=dev.sleet.cli.fixtures.TicketSchema\nurl=" + url + "\n");

            CliRun run = sleet("migrate", "--config", config.toString());

            assertOneLine(run, SleetCommand.USAGE, host, "key 'url' in " + config);
            assertThat(run.err()).containsAnyOf(ROLE, "no_such_role");
            assertNothingApplied();
        }
        // the right password works: the failures above were the credentials, nothing else
        Files.writeString(config, "schema=dev.sleet.cli.fixtures.TicketSchema\nurl=postgres://" + ROLE + ":"
                + PASSWORD + "@" + host + "/" + database + "\n");
        CliRun right = sleet("migrate", "--config", config.toString());
        assertThat(right.status()).as(right.err()).isZero();
        assertThat(count("SELECT count(*) FROM pg_class WHERE relname = 'tickets'")).isEqualTo(1);
    }

    private static void assertOneLine(CliRun run, int status, String... mentions) {
        String err = run.err().strip();
        assertThat(run.status()).as(run.err()).isEqualTo(status);
        assertThat(err).startsWith("sleet: ").contains(mentions).doesNotContain("\n").doesNotContain("\tat ");
        assertThat(run.out() + run.err()).doesNotContain(PASSWORD).doesNotContain(WRONG_PASSWORD);
    }

    private void assertNothingApplied() {
        assertThat(count("SELECT count(*) FROM pg_namespace WHERE nspname = 'sleet'")).as("history schema").isZero();
        assertThat(count("SELECT count(*) FROM pg_class WHERE relname = 'tickets'")).as("tickets table").isZero();
    }

    private Path writeMigration(String directory, String up) throws IOException {
        Path dir = Files.createDirectories(project.resolve("migrations").resolve(directory));
        return Files.writeString(dir.resolve("up.sql"), up);
    }

    private static void compile(Path classes, String className, String source) throws IOException {
        Path src = classes.getParent().resolve("src").resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Files.createDirectories(classes);
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                src.toString());
        assertThat(status).isZero();
    }

    private static CliRun sleet(String... args) {
        return CliRun.sleet(args);
    }

    private long count(String sql) {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(database)); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void execute(String db, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(db)); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    /** A port on which nothing listens: taken from the system, then let go. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
