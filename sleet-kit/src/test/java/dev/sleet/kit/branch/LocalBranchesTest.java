package dev.sleet.kit.branch;

import dev.sleet.kit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalBranchesTest {

    private static TestServer server;
    private String parent;
    private final List<String> made = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void parentWithRows() throws SQLException {
        parent = server.createDatabase("branch_parent_" + Long.toString(System.nanoTime(), 36));
        sql(parent, "create table items (id bigint generated always as identity primary key, label text not null)",
                "insert into items (label) select 'item ' || g from generate_series(1, 100) g",
                "create schema sleet",
                "create table sleet.migrations (id text primary key)",
                "insert into sleet.migrations values ('20261101000000')");
    }

    @AfterEach
    void dropBranches() throws SQLException {
        LocalBranches branches = branches().force(true).build();
        for (int i = made.size() - 1; i >= 0; i--) {
            if (branches.find(made.get(i)).isPresent()) {
                branches.delete(made.get(i));
            }
        }
    }

    private LocalBranches.Builder branches() {
        return LocalBranches.of(server.jdbcUrl(parent));
    }

    private String name(String base) {
        String name = server.name(base + "_" + Long.toString(System.nanoTime(), 36));
        made.add(name);
        return name;
    }

    @Test
    void createChangeResetAndDelete() throws SQLException {
        LocalBranches branches = branches().build();
        String name = name("br_cycle");

        Branch created = branches.create(name, BranchOptions.defaults());
        assertThat(created.parent()).isEqualTo(parent);
        assertThat(created.size()).isPresent();
        assertThat(count(name, "select count(*) from items")).isEqualTo(100);

        sql(name, "delete from items where id <= 40", "create table scratch (x int)");
        sql(parent, "insert into items (label) values ('added to the parent later')");
        assertThat(count(name, "select count(*) from items")).isEqualTo(60);
        assertThat(count(parent, "select count(*) from items")).isEqualTo(101);

        assertThat(branches.list()).extracting(Branch::name).contains(name);
        assertThat(branches.find(name)).get().extracting(Branch::parent).isEqualTo(parent);
        assertThat(branches.url(name, false)).isEqualTo(server.jdbcUrl(name));

        Branch reset = branches.reset(name);
        assertThat(reset.createdAt()).isAfterOrEqualTo(created.createdAt());
        assertThat(count(name, "select count(*) from items")).isEqualTo(101);
        assertThat(count(name, "select count(*) from pg_tables where tablename = 'scratch'")).isZero();

        branches.delete(name);
        assertThat(branches.find(name)).isEmpty();
        assertThat(databaseExists(name)).isFalse();
        assertThat(count(parent, "select count(*) from items")).isEqualTo(101);
    }

    @Test
    void schemaOnlyKeepsTablesAndHistoryButNoRows() throws SQLException {
        LocalBranches branches = branches().build();
        String name = name("br_schema");

        Branch branch = branches.create(name, BranchOptions.defaults().withSchemaOnly());

        assertThat(branch.schemaOnly()).isTrue();
        assertThat(count(name, "select count(*) from items")).isZero();
        assertThat(count(name, "select count(*) from sleet.migrations")).isEqualTo(1);
        sql(name, "insert into items (label) values ('first')");
        assertThat(count(name, "select max(id) from items")).as("identity restarted").isEqualTo(1);

        sql(name, "insert into items (label) values ('second')");
        branches.reset(name);
        assertThat(count(name, "select count(*) from items")).as("a reset stays schema-only").isZero();
        assertThat(branches.find(name)).get().extracting(Branch::schemaOnly).isEqualTo(true);
    }

    @Test
    void branchOfABranchAndChildrenProtectTheirParent() throws SQLException {
        LocalBranches branches = branches().build();
        String first = name("br_first");
        String second = name("br_second");
        branches.create(first, BranchOptions.defaults());
        sql(first, "insert into items (label) values ('only in first')");

        Branch child = branches.create(second, BranchOptions.from(first));

        assertThat(child.parent()).isEqualTo(first);
        assertThat(count(second, "select count(*) from items")).isEqualTo(101);
        assertThatThrownBy(() -> branches.delete(first))
                .isInstanceOf(BranchException.class)
                .hasMessageContaining("cannot delete branch " + first)
                .hasMessageContaining(second);
        branches.delete(second);
        branches.delete(first);
        assertThat(databaseExists(first)).isFalse();
    }

    @Test
    void aParentInUseIsExplainedWaitedForOrForced() throws Exception {
        String name = name("br_busy");
        try (Connection user = connect(parent); Statement st = user.createStatement()) {
            st.execute("set application_name = 'busy app'");
            assertThatThrownBy(() -> branches().waitFor(Duration.ZERO).build().create(name, BranchOptions.defaults()))
                    .isInstanceOf(BranchException.class)
                    .hasMessageContaining("cannot copy database " + parent + " to branch " + name)
                    .hasMessageContaining("1 other session is connected")
                    .hasMessageContaining("'busy app'")
                    .hasMessageContaining("--force");
            assertThat(databaseExists(name)).isFalse();
            assertThat(user.isValid(2)).as("the other session was left alone").isTrue();
        }

        Connection leaving = connect(parent);
        CompletableFuture<Void> closer = CompletableFuture.runAsync(() -> {
            sleep(300);
            close(leaving);
        });
        branches().waitFor(Duration.ofSeconds(20)).build().create(name, BranchOptions.defaults());
        closer.get(10, TimeUnit.SECONDS);
        assertThat(databaseExists(name)).isTrue();

        String forced = name("br_forced");
        try (Connection stubborn = connect(parent)) {
            branches().waitFor(Duration.ZERO).force(true).build().create(forced, BranchOptions.defaults());
            assertThat(databaseExists(forced)).isTrue();
            assertThat(stubborn.isValid(2)).as("--force terminated it").isFalse();
        }
    }

    @Test
    void aBranchInUseIsNotDroppedWithoutForce() throws SQLException {
        LocalBranches branches = branches().waitFor(Duration.ZERO).build();
        String name = name("br_inuse");
        branches.create(name, BranchOptions.defaults());
        try (Connection user = connect(name)) {
            assertThatThrownBy(() -> branches.delete(name))
                    .isInstanceOf(BranchException.class)
                    .hasMessageContaining("cannot drop branch " + name)
                    .hasMessageContaining("1 other session is connected");
            assertThatThrownBy(() -> branches.reset(name)).hasMessageContaining("cannot drop branch " + name);
            assertThat(user.isValid(2)).isTrue();
        }
        assertThat(databaseExists(name)).isTrue();
    }

    @Test
    void onlyBranchesAreResetOrDeletedAndNamesAreChecked() throws SQLException {
        LocalBranches branches = branches().build();
        String name = name("br_known");
        branches.create(name, BranchOptions.defaults());

        assertThatThrownBy(() -> branches.delete(parent))
                .isInstanceOf(BranchException.class)
                .hasMessageContaining("no branch named " + parent)
                .hasMessageContaining(name)
                .hasMessageContaining("only the databases it created");
        assertThat(databaseExists(parent)).isTrue();
        assertThatThrownBy(() -> branches.url("nope", false)).hasMessageContaining("no branch named nope");
        assertThatThrownBy(() -> branches.create(name, BranchOptions.defaults()))
                .hasMessageContaining("a database of that name already exists");
        assertThatThrownBy(() -> branches.create(name("br_orphan"), BranchOptions.from("no_such_parent")))
                .hasMessageContaining("its parent database no_such_parent does not exist");
        assertThatThrownBy(() -> branches.create("x".repeat(64), BranchOptions.defaults()))
                .hasMessageContaining("longer than PostgreSQL's 63 bytes");
    }

    @Test
    void pooledUrlsNameTheBranchThroughThePooler() {
        String pooledParent = "postgres://app:secret@pooler.example:6432/" + parent + "?sslmode=disable";
        LocalBranches branches = branches().pooledUrl(pooledParent).build();
        String name = name("br_pooled");
        branches.create(name, BranchOptions.defaults());

        assertThat(branches.url(name, true))
                .isEqualTo("postgres://app:secret@pooler.example:6432/" + name + "?sslmode=disable");
        assertThat(branches.url(name, false)).isEqualTo(server.jdbcUrl(name));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(database));
    }

    private static void sql(String database, String... statements) throws SQLException {
        try (Connection c = connect(database); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    private static long count(String database, String query) throws SQLException {
        try (Connection c = connect(database); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean databaseExists(String name) throws SQLException {
        try (Connection c = connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
            return rs.next();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
