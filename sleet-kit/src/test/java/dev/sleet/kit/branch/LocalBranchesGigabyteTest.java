package dev.sleet.kit.branch;

import dev.sleet.kit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A branch of a database of more than a gigabyte is created, changed, reset and deleted, and the parent stays
 * exactly as it was: every table's row count and the sum of 64-bit hashes of its rows' full text are compared
 * before and after.
 */
class LocalBranchesGigabyteTest {

    private static final long GIGABYTE = 1L << 30;

    private static TestServer server;
    private static String parent;

    @BeforeAll
    static void gigabyteParent() throws SQLException {
        server = TestServer.start();
        parent = server.createDatabase("branch_gigabyte");
        sql(parent,
                // ~530 bytes a row, stored inline and uncompressed (rows under 2 kB are never compressed)
                "create table events as select g::bigint as id, g % 1000 as account_id, "
                        + "lpad('', 480, md5(g::text)) as payload, timestamptz '2026-01-01' + g * interval '1 second'"
                        + " as created_at from generate_series(1, 2100000) g",
                "alter table events add primary key (id)",
                "create table accounts as select g as id, 'account ' || g as name, g % 7 = 0 as closed "
                        + "from generate_series(0, 999) g",
                "alter table accounts add primary key (id)",
                "create table tags (event_id bigint references events, tag text not null)",
                "insert into tags select g, 'tag' || (g % 13) from generate_series(1, 50000) g",
                "vacuum analyze");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aGigabyteBranchIsCreatedChangedResetAndDeletedWithoutTouchingItsParent() throws SQLException {
        assertThat(databaseSize(parent)).isGreaterThanOrEqualTo(GIGABYTE);
        Map<String, String> before = checksums(parent);
        List<String> progress = new CopyOnWriteArrayList<>();
        LocalBranches branches = LocalBranches.of(server.jdbcUrl(parent)).progress(progress::add).build();
        String name = server.name("branch_gigabyte_copy");

        long started = System.nanoTime();
        Branch branch = branches.create(name, BranchOptions.defaults());
        long copyMillis = (System.nanoTime() - started) / 1_000_000;
        // for the record (docs/branches.md quotes a run): how long the copy of the parent took
        System.out.printf("branch of %s (%s) created in %d ms%n", parent, Sizes.human(databaseSize(parent)),
                copyMillis);
        assertThat(branch.size().orElseThrow()).isGreaterThanOrEqualTo(GIGABYTE);
        assertThat(checksums(name)).isEqualTo(before);

        sql(name,
                "update events set payload = upper(payload) where id % 10 = 0",
                "delete from tags where event_id % 2 = 0",
                "delete from accounts where closed",
                "insert into accounts values (5000, 'new', false)",
                "alter table events add column note text",
                "create table scratch (x int)");
        assertThat(checksums(name)).isNotEqualTo(before);
        assertThat(checksums(parent)).isEqualTo(before);

        started = System.nanoTime();
        branches.reset(name);
        System.out.printf("branch reset in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(checksums(name)).isEqualTo(before);

        branches.delete(name);
        assertThat(branches.find(name)).isEmpty();
        assertThat(checksums(parent)).isEqualTo(before);
        if (copyMillis > 1_500) {
            assertThat(progress).as("a copy of %d ms reports progress", copyMillis).isNotEmpty();
        }
        assertThat(progress).allSatisfy(line -> assertThat(line).startsWith("copying " + parent));
    }

    /** Per table of the public schema: row count and the sum of the 64-bit hashes of each row's text form. */
    private static Map<String, String> checksums(String database) throws SQLException {
        Map<String, String> sums = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(database)); Statement st = c.createStatement()) {
            List<String> tables = new java.util.ArrayList<>();
            try (ResultSet rs = st.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = st.executeQuery("select count(*) || ':' || coalesce(sum(hashtextextended(t::text, 0)"
                        + "::numeric), 0) from \"" + table + "\" t")) {
                    rs.next();
                    sums.put(table, rs.getString(1));
                }
            }
        }
        return sums;
    }

    private static long databaseSize(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(database)); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select pg_database_size(current_database())")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void sql(String database, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(database)); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }
}
