package dev.sleet.kit.migrate;

import dev.sleet.kit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

import static dev.sleet.kit.migrate.MigrationFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Migrator#inSchema}: a tenant schema migrated, rolled back and listed on its own. */
class MigratorTenantSchemaTest {

    private static TestServer server;

    @TempDir
    Path folder;

    private MigrationFixture db;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void createDatabase() {
        db = MigrationFixture.freshDatabase(server);
        write(folder, "20260101000000_users", "create table users (id bigint primary key);\n", "drop table users;");
        write(folder, "20260102000000_posts", "create table posts (id bigint primary key);\n", "drop table posts;");
    }

    @AfterEach
    void dropDatabase() {
        db.drop();
    }

    @Test
    void eachSchemaHasItsOwnTablesAndHistoryAndThePooledConnectionGetsItsSearchPathBack() throws SQLException {
        try (Connection shared = db.dataSource.getConnection()) {
            try (Statement st = shared.createStatement()) {
                st.execute("create schema tenant_one; create schema tenant_two");
            }
            DataSource one = new OneConnection(shared);

            Migrator.of(one, folder).inSchema("tenant_one").migrate();
            Migrator.of(one, folder).inSchema("tenant_two").migrate("20260101000000");
            Migrator.of(one, folder).inSchema("tenant_one").rollback(1);

            assertThat(tables(shared, "tenant_one")).isEqualTo("sleet_migrations,users");
            assertThat(tables(shared, "tenant_two")).isEqualTo("sleet_migrations,users");
            assertThat(Migrator.of(one, folder).inSchema("tenant_two").status())
                    .extracting(MigrationStatus::state).containsExactly(MigrationState.APPLIED, MigrationState.PENDING);
            assertThat(tables(shared, "public")).isEmpty();
            try (Statement st = shared.createStatement(); ResultSet rs = st.executeQuery("show search_path")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("\"$user\", public");
            }
        }
        assertThatThrownBy(() -> Migrator.of(db.dataSource, folder).inSchema("tenant_none").migrate())
                .isInstanceOf(SleetMigrationException.class).hasMessageContaining("tenant schema tenant_none does not "
                        + "exist");
    }

    private static String tables(Connection c, String schema) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select coalesce(string_agg(tablename,"
                + " ',' order by tablename), '') from pg_tables where schemaname = '" + schema + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** A pool of one connection that is never closed: what a migrator leaves on it, the next user sees. */
    private static final class OneConnection implements DataSource {
        private final Connection connection;

        OneConnection(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Connection getConnection() {
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> method.getName().equals("close")
                            ? null : method.invoke(connection, args));
        }

        @Override
        public Connection getConnection(String user, String password) {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
