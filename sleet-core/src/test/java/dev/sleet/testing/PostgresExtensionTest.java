package dev.sleet.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@PostgresTest
class PostgresExtensionTest {

    private static TestDatabase classDatabase;

    private final TestDatabase constructorDatabase;

    PostgresExtensionTest(TestDatabase database) {
        this.constructorDatabase = database;
    }

    @BeforeAll
    static void createSchema(TestDatabase database, DataSource dataSource) throws SQLException {
        classDatabase = database;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists note (id int primary key, body text not null)");
        }
    }

    @BeforeEach
    void sameDatabaseEverywhere(TestDatabase database) {
        assertThat(database).isEqualTo(classDatabase);
        assertThat(constructorDatabase).isEqualTo(classDatabase);
    }

    @Test
    void injectsAUsableDatabase(TestDatabase database, DataSource dataSource) throws SQLException {
        assertThat(database.name()).matches("sleet_postgresextensiontest_[a-z0-9]{8}");
        assertThat(database.url()).contains("/" + database.name());
        assertThat(database.user()).isNotBlank();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThat(single(s, "select current_database()")).isEqualTo(database.name());
            s.execute("insert into note values (1, 'hello') on conflict do nothing");
            assertThat(single(s, "select body from note where id = 1")).isEqualTo("hello");
        }
    }

    @Test
    void twoDatabasesAreDistinctAndUsable(TestDatabase mine) throws SQLException {
        TestDatabase other = TestPostgres.createDatabase("PostgresExtensionTest other");
        try {
            assertThat(other.name()).isNotEqualTo(mine.name()).startsWith("sleet_postgresextensiontest_other_");
            try (Connection c = other.dataSource().getConnection(); Statement s = c.createStatement()) {
                assertThat(single(s, "select current_database()")).isEqualTo(other.name());
                // the table of the class database does not exist here
                assertThat(single(s, "select count(*) from pg_class where relname = 'note'")).isEqualTo("0");
                s.execute("create table only_in_other (x int)");
                s.execute("insert into only_in_other values (42)");
                assertThat(single(s, "select x from only_in_other")).isEqualTo("42");
            }
            try (Connection c = mine.dataSource().getConnection(); Statement s = c.createStatement()) {
                assertThat(single(s, "select count(*) from pg_class where relname = 'only_in_other'")).isEqualTo("0");
                assertThat(single(s, "select count(*) from pg_class where relname = 'note'")).isEqualTo("1");
            }
        } finally {
            TestPostgres.dropDatabase(other);
        }
        try (Connection c = TestPostgres.maintenanceDatabase().dataSource().getConnection();
             Statement s = c.createStatement()) {
            assertThat(single(s, "select count(*) from pg_database where datname = '" + other.name() + "'"))
                    .isEqualTo("0");
        }
        assertThatThrownBy(() -> other.dataSource().getConnection().close()).isInstanceOf(SQLException.class);
    }

    @Test
    void dropDisconnectsOpenSessions() throws SQLException {
        TestDatabase scratch = TestPostgres.createDatabase(null);
        assertThat(scratch.name()).matches("sleet_db_[a-z0-9]{8}");
        Connection open = scratch.dataSource().getConnection();
        try {
            TestPostgres.dropDatabase(scratch);
            assertThatThrownBy(() -> open.createStatement().execute("select 1")).isInstanceOf(SQLException.class);
        } finally {
            open.close();
        }
    }

    @Test
    void namesAreSanitisedAndShort() {
        String name = TestPostgres.databaseName(
                "Weird Name-With.Chars/and \"quotes\" and a hint far longer than sixty-three characters");
        assertThat(name).hasSizeLessThanOrEqualTo(63).matches("sleet_weird_name_with_chars_and_quotes_[a-z0-9_]*_[a-z0-9]{8}");
        assertThat(TestPostgres.databaseName("__X__")).matches("sleet_x_[a-z0-9]{8}");
        TestDatabase created = TestPostgres.createDatabase(
                "Weird Name-With.Chars/and \"quotes\" and a hint far longer than sixty-three characters");
        try {
            assertThat(created.name()).hasSizeLessThanOrEqualTo(63);
        } finally {
            TestPostgres.dropDatabase(created);
        }
    }

    @Nested
    class NestedTests {
        @Test
        void sharesTheEnclosingClassDatabase(TestDatabase database, DataSource dataSource) throws SQLException {
            assertThat(database).isEqualTo(classDatabase);
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                assertThat(single(s, "select current_database()")).isEqualTo(classDatabase.name());
            }
        }
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
