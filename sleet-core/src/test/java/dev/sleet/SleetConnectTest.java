package dev.sleet;

import dev.sleet.exec.SleetException;
import dev.sleet.exec.UniqueViolationException;
import dev.sleet.fixtures.BlogSchema;
import dev.sleet.fixtures.SqlExpression;
import dev.sleet.internal.exec.DbImpl;
import dev.sleet.query.Field;
import dev.sleet.schema.column.BigintType;
import dev.sleet.schema.column.IntegerType;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.jdbc.PgConnection;

import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.stream.Stream;

import static dev.sleet.Sql.eq;
import static dev.sleet.fixtures.BlogSchema.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@PostgresTest
class SleetConnectTest {

    private static TestDatabase database;
    private static Db db;

    @BeforeAll
    static void createSchema(TestDatabase testDatabase) {
        database = testDatabase;
        db = Sleet.connect(testDatabase.url());
        BlogSchema.create(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void empty() {
        BlogSchema.reset(db);
    }

    /** The test database as a {@code postgres://user[:password]@host:port/db} URL. */
    private static String postgresUrl(String query) {
        String rest = database.url().substring("jdbc:postgresql://".length());
        String hostPort = rest.substring(0, rest.indexOf('/'));
        StringBuilder url = new StringBuilder("postgres://").append(encode(database.user()));
        if (database.password() != null) {
            url.append(':').append(encode(database.password()));
        }
        url.append('@').append(hostPort).append('/').append(encode(database.name()));
        if (query != null) {
            url.append('?').append(query);
        }
        return url.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static int activeConnections(Db pooled) {
        return ((DbImpl) pooled).pool().getHikariPoolMXBean().getActiveConnections();
    }

    /** The number of named prepared statements of the session running the query. */
    private static final Field<Long> PREPARED_STATEMENTS =
            new SqlExpression<>(BigintType.INSTANCE, "prepared", "(select count(*) from pg_prepared_statements)");

    private static long preparedStatementsAfterTenRuns(Db target) {
        for (int i = 0; i < 10; i++) {
            target.select(USERS.email).from(USERS).where(eq(USERS.id, (long) i)).fetch();
        }
        return target.select(PREPARED_STATEMENTS).fetchOne().get(0, Long.class);
    }

    private static int prepareThreshold(Db target) throws Exception {
        try (Connection c = ((DbImpl) target).pool().getConnection()) {
            return c.unwrap(PgConnection.class).getPrepareThreshold();
        }
    }

    // ------------------------------------------------------------------------------------------ URL forms

    @Test
    void connectsWithAJdbcUrl() {
        try (Db jdbc = Sleet.connect(database.url())) {
            jdbc.insert(USERS).set(USERS.email, "ann@example.com").execute();

            assertThat(jdbc.count(USERS)).isEqualTo(1L);
        }
    }

    @Test
    void connectsWithAPostgresUrl() {
        try (Db postgres = Sleet.connect(postgresUrl("sslmode=disable"))) {
            postgres.insert(USERS).set(USERS.email, "ann@example.com").execute();

            assertThat(postgres.count(USERS)).isEqualTo(1L);
            assertThat(db.count(USERS)).isEqualTo(1L);
            assertThat(postgres.toString()).doesNotContain("password");
        }
    }

    @Test
    void connectsWithACallersDataSourceAndLeavesItOpen() {
        try (Db overDataSource = Sleet.connect(database.dataSource())) {
            overDataSource.insert(USERS).set(USERS.email, "ann@example.com").execute();

            assertThat(overDataSource.count(USERS)).isEqualTo(1L);
        }
    }

    // ------------------------------------------------------------------------------------------ pgbouncer

    @Test
    void pgbouncerInTheUrlTurnsServerSidePreparedStatementsOff() throws Exception {
        SleetOptions oneConnection = SleetOptions.defaults().maxPoolSize(1);
        try (Db pooled = Sleet.connect(postgresUrl("pgbouncer=true"), oneConnection)) {
            assertThat(prepareThreshold(pooled)).isZero();
            assertThat(preparedStatementsAfterTenRuns(pooled)).isZero();
        }
    }

    @Test
    void pgbouncerOptionTurnsServerSidePreparedStatementsOffForJdbcUrls() throws Exception {
        try (Db pooled = Sleet.connect(database.url(), SleetOptions.defaults().maxPoolSize(1).pgbouncer(true))) {
            assertThat(prepareThreshold(pooled)).isZero();
            assertThat(preparedStatementsAfterTenRuns(pooled)).isZero();
        }
    }

    @Test
    void withoutPgbouncerRepeatedStatementsArePreparedOnTheServer() throws Exception {
        try (Db pooled = Sleet.connect(postgresUrl(null), SleetOptions.defaults().maxPoolSize(1))) {
            assertThat(prepareThreshold(pooled)).isEqualTo(5);
            assertThat(preparedStatementsAfterTenRuns(pooled)).isPositive();
        }
    }

    // ------------------------------------------------------------------------------------------ failures

    @Test
    void unreachableServerFailsWithOneMessageNamingHostAndPortButNotThePassword() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        SleetOptions fast = SleetOptions.defaults().connectionTimeout(Duration.ofMillis(250));
        String url = "postgres://app:hunter2-secret@127.0.0.1:" + port + "/app";
        String jdbcUrl = "jdbc:postgresql://127.0.0.1:" + port + "/app?user=app&password=hunter2-secret";

        SleetException e = catchThrowableOfType(SleetException.class, () -> Sleet.connect(url, fast));
        SleetException jdbc = catchThrowableOfType(SleetException.class, () -> Sleet.connect(jdbcUrl, fast));
        SleetException option = catchThrowableOfType(SleetException.class,
                () -> Sleet.connect("postgres://app@127.0.0.1:" + port + "/app", fast.password("hunter2-secret")));

        for (SleetException error : new SleetException[] {e, jdbc, option}) {
            assertThat(error.getMessage())
                    .startsWith("cannot connect to ")
                    .contains("127.0.0.1:" + port)
                    .doesNotContain("hunter2")
                    .doesNotContain("\n");
            assertThat(error.toString()).doesNotContain("hunter2");
            assertThat(error.sqlState()).isEqualTo("08001");       // connection refused, kept for callers
            java.io.StringWriter trace = new java.io.StringWriter();
            error.printStackTrace(new java.io.PrintWriter(trace));
            assertThat(trace.toString()).doesNotContain("hunter2");
        }
        assertThat(e.getMessage()).contains("app:****@");
    }

    @Test
    void aMissingDatabaseFailsWithItsSqlState() {
        String url = database.url().replaceFirst("/[^/?]+(\\?|$)", "/no_such_database_here$1");

        SleetException e = catchThrowableOfType(SleetException.class, () -> Sleet.connect(url));

        assertThat(e.sqlState()).isEqualTo("3D000");
        assertThat(e.getMessage()).contains("no_such_database_here").contains("SQLSTATE 3D000");
    }

    @Test
    void tenThousandFailingStatementsLeakNoConnection() {
        SleetOptions small = SleetOptions.defaults().maxPoolSize(2).connectionTimeout(Duration.ofSeconds(2));
        Field<Integer> divisionByZero = new SqlExpression<>(IntegerType.INSTANCE, "boom", "1 / 0");
        try (Db pooled = Sleet.connect(database.url(), small)) {
            pooled.insert(USERS).set(USERS.email, "taken@example.com").execute();
            int failures = 0;
            for (int i = 0; i < 10_000; i++) {
                try {
                    switch (i % 4) {
                        case 0 -> pooled.execute(ctx -> ctx.sql("select * from no_such_table"));
                        case 1 -> pooled.insert(USERS).set(USERS.email, "taken@example.com").execute();
                        case 2 -> pooled.select(divisionByZero).fetch();
                        default -> {
                            try (Stream<?> rows = pooled.select(divisionByZero).from(USERS).stream()) {
                                rows.count();
                            }
                        }
                    }
                } catch (UniqueViolationException expected) {
                    failures++;
                } catch (SleetException expected) {
                    assertThat(expected.sqlState()).isIn("42P01", "22012");
                    failures++;
                }
            }

            assertThat(failures).isEqualTo(10_000);
            assertThat(activeConnections(pooled)).isZero();
            assertThat(pooled.count(USERS)).isEqualTo(1L);
            Long inTransaction = pooled.transactionResult(tx -> tx.count(USERS));
            assertThat(inTransaction).isEqualTo(1L);
            assertThat(activeConnections(pooled)).isZero();
        }
    }

    @Test
    void closingTheDbClosesThePoolItCreated() {
        Db pooled = Sleet.connect(database.url());
        pooled.count(USERS);

        pooled.close();

        assertThat(((DbImpl) pooled).pool().isClosed()).isTrue();
        assertThatThrownBy(() -> pooled.count(USERS)).isInstanceOf(SleetException.class);
    }
}
