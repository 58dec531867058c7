package dev.sleet.bench;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.ddl.CreateTable;
import dev.sleet.exec.Row;
import dev.sleet.query.Select;
import dev.sleet.schema.Column;
import dev.sleet.schema.Table;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.sleet.Sql.asc;

/**
 * Reads 1,000 rows of six columns into records: hand-written JDBC (column-index getters, a canonical
 * constructor call per row) against Sleet's {@code fetchInto}, on the same pool and data. With
 * {@code -prof gc}, the difference in bytes per operation divided by 1,000 is what Sleet's mapping costs
 * per row; reflection per row would show up there.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RecordMappingBenchmark {

    /** The benchmark table. */
    public static final class Accounts extends Table {
        static final Accounts ACCOUNTS = new Accounts();

        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> email = text("email").notNull();
        final Column<String> name = text("name");
        final Column<Boolean> isActive = bool("is_active").notNull();
        final Column<BigDecimal> balance = numeric("balance", 12, 2).notNull();
        final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull();

        private Accounts() {
            super("bench_accounts");
        }
    }

    /**
     * One account row.
     *
     * @param id        key
     * @param email     e-mail
     * @param name      name
     * @param isActive  active flag
     * @param balance   balance
     * @param createdAt creation time
     */
    public record Account(Long id, String email, String name, Boolean isActive, BigDecimal balance,
                          OffsetDateTime createdAt) {
    }

    private static final String SQL =
            "select id, email, name, is_active, balance, created_at from bench_accounts order by id";

    private BenchDatabase database;
    private Db db;
    private Select select;
    private String sleetSql;

    /** Creates and fills the table once. */
    @Setup(Level.Trial)
    public void setUp() {
        database = new BenchDatabase();
        db = Sleet.connect(database.pool());
        Accounts a = Accounts.ACCOUNTS;
        db.execute(ctx -> ctx.sql("drop table if exists ").visit(a));
        db.execute(new CreateTable(a));
        List<java.util.Map<Column<?>, Object>> rows = new ArrayList<>();
        OffsetDateTime base = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        for (long i = 1; i <= 1_000; i++) {
            rows.add(java.util.Map.of(a.id, i, a.email, "user" + i + "@example.com", a.name, "User " + i,
                    a.isActive, i % 3 != 0, a.balance, BigDecimal.valueOf(i * 137, 2),
                    a.createdAt, base.plusSeconds(i * 61)));
        }
        db.insert(a).values(rows).execute();
        db.execute(ctx -> ctx.sql("vacuum analyze ").visit(a));
        select = db.select(a.id, a.email, a.name, a.isActive, a.balance, a.createdAt).from(a).orderBy(asc(a.id));
        sleetSql = select.toSql().sql();
    }

    /** Stops the server. */
    @TearDown(Level.Trial)
    public void tearDown() {
        db.close();
        database.close();
    }

    /**
     * The reference: what a careful hand writes with JDBC.
     *
     * @return the records
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    public List<Account> rawJdbc() throws SQLException {
        return raw(SQL);
    }

    /**
     * Raw JDBC running the SQL text Sleet renders: tells the server's share of a difference from Sleet's.
     *
     * @return the records
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    public List<Account> rawJdbcWithSleetSql() throws SQLException {
        return raw(sleetSql);
    }

    private List<Account> raw(String sql) throws SQLException {
        try (Connection c = database.pool().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            List<Account> out = new ArrayList<>();
            while (rs.next()) {
                long id = rs.getLong(1);
                String email = rs.getString(2);
                String name = rs.getString(3);
                boolean active = rs.getBoolean(4);
                BigDecimal balance = rs.getBigDecimal(5);
                OffsetDateTime created = rs.getObject(6, OffsetDateTime.class);
                out.add(new Account(id, email, name, active, balance, created));
            }
            return out;
        }
    }

    /**
     * Sleet: a prebuilt select mapped into records.
     *
     * @return the records
     */
    @Benchmark
    public List<Account> sleetFetchInto() {
        return select.fetchInto(Account.class);
    }

    /**
     * Sleet: rows read into {@link Row}s, without records.
     *
     * @return the rows
     */
    @Benchmark
    public List<Row> sleetFetchRows() {
        return select.fetch();
    }
}
