package dev.sleet.test;

import dev.sleet.Db;
import dev.sleet.exec.Row;
import dev.sleet.kit.branch.DatabaseUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static dev.sleet.Sql.raw;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 tests, each on its own branch: every one finds the migrated template exactly (the seeded rows, the history
 * of both migrations, no table another test made) and leaves a mess behind that no later test sees.
 */
@SleetTest(migrations = "src/test/resources/migrations")
class TwoHundredBranchesTest {

    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();
    private static volatile String lastUrl;

    private TestBranch fromBeforeEach;

    @BeforeEach
    void remember(TestBranch branch) {
        fromBeforeEach = branch;
    }

    @RepeatedTest(200)
    void eachTestGetsACleanMigratedDatabase(Db db, TestBranch branch) {
        assertThat(branch).as("@BeforeEach and the test share the test's branch").isSameAs(fromBeforeEach);
        assertThat(SEEN.add(branch.name())).as("a branch of its own").isTrue();
        lastUrl = branch.url();

        List<Row> notes = db.fetch(raw("select id, body from notes order by id"));
        assertThat(notes).extracting(r -> r.get("body")).containsExactly("first", "second", "third");
        assertThat(db.fetch(raw("select id from sleet.migrations order by id"))).extracting(r -> r.get("id"))
                .containsExactly("20261121090000", "20261121090100");
        assertThat(db.fetch(raw("select 1 from pg_tables where tablename = 'mess'"))).isEmpty();

        db.execute(raw("insert into notes (body) values ('left behind')"));
        db.execute(raw("delete from notes where body = 'first'"));
        db.execute(raw("create table mess (x int)"));
    }

    @AfterAll
    static void everyBranchIsDroppedAfterItsTest() throws SQLException, InterruptedException {
        assertThat(SEEN).hasSize(200);
        try (Connection c = DatabaseUrl.parse(lastUrl).with("postgres").connect();
             PreparedStatement ps = c.prepareStatement("select count(*) from pg_database where datname = any (?)")) {
            ps.setArray(1, c.createArrayOf("text", SEEN.toArray()));
            // branches are dropped in the background once their test is done: give the last one a moment
            int left = -1;
            for (int attempt = 0; attempt < 100 && left != 0; attempt++) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    left = rs.getInt(1);
                }
                if (left != 0) {
                    Thread.sleep(100);
                }
            }
            assertThat(left).as("branches left").isZero();
        }
    }
}
