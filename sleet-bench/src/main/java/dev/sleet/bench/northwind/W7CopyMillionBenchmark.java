package dev.sleet.bench.northwind;

import dev.sleet.bench.report.Contender;
import dev.sleet.bench.report.Workload;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.postgresql.PGConnection;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.sleet.bench.northwind.ScratchCustomers.SCRATCH;

/**
 * W7: 1,000,000 rows loaded by {@code COPY ... FROM STDIN} into {@link ScratchCustomers} (with its primary key),
 * emptied before every load. The rows are the 10,000 customers a hundred times over with ids 1 to 1,000,000,
 * built once as {@link CustomerRow}s (the strings shared); for the contenders that read a file, written once in
 * COPY's text format (about 130 MB). One load per iteration ({@code SingleShotTime}).
 *
 * <ul>
 *   <li><b>raw JDBC</b> (the reference): pgjdbc's {@code CopyManager.copyIn}, the records encoded by hand into
 *       64 KB writes ({@link CustomerCopy});</li>
 *   <li><b>raw JDBC from the file</b>: {@code CopyManager.copyIn(sql, InputStream)} of the file: no encoding,
 *       what the driver itself costs;</li>
 *   <li><b>Sleet</b>: {@code copyInto(SCRATCH).from(rows)}: records matched to columns by name, each value
 *       written by its column type;</li>
 *   <li><b>psql</b>: {@code psql -c "\copy ... from 'file'"} as a subprocess (its start included), when a
 *       {@code psql} is found ({@link Psql}); otherwise its set-up fails saying so.</li>
 * </ul>
 *
 * Before measuring, each fork loads once with its own contender and compares the table with the same rows
 * computed by the server from {@code northwind.customers} (count, and the sum of a hash of each row's text).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
@Workload(id = "W7", title = "load 1,000,000 rows by COPY")
public class W7CopyMillionBenchmark extends NorthwindState {

    /** Rows per load. */
    static final int ROWS = 1_000_000;

    /** The same rows, made by the server from the customers, as {@code (count, sum of hashes)}. */
    private static final String EXPECTED_SQL = "select count(*), sum(hashtext(row(g + 1, c.company_name, "
            + "c.contact_name, c.contact_title, c.address, c.city, c.postal_code, c.region, c.country, c.phone, "
            + "c.fax)::text)) from generate_series(0, " + (ROWS - 1) + ") g join northwind.customers c "
            + "on c.id = g % (select count(*) from northwind.customers) + 1";
    private static final String LOADED_SQL = "select count(*), sum(hashtext(s::text)) from " + ScratchCustomers.NAME
            + " s";

    private List<CustomerRow> rows;
    private Path file;
    private Psql psql;

    @Override
    protected void check() throws SQLException {
        ScratchCustomers.recreate(pool);
        List<CustomerRow> customers = ScratchCustomers.customers(pool);
        rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            rows.add(ScratchCustomers.withId(customers.get(i % customers.size()), i + 1));
        }
    }

    /**
     * Writes the file for the contenders that read one, finds {@code psql} for its contender, and loads once
     * with the contender about to be measured to compare the result with what the server expects.
     *
     * @param params which benchmark method this fork runs
     * @throws Exception when {@code psql} is missing (for its contender), or the load is wrong
     */
    @Setup(Level.Trial)
    public void prepare(BenchmarkParams params) throws Exception {
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        if (method.equals("psqlCopy")) {
            psql = Psql.find(pool);
            System.out.println("psql: " + psql.version());
        }
        if (method.equals("psqlCopy") || method.equals("rawJdbcCopyFromFile")) {
            file = Files.createTempFile("sleet-bench-w7-", ".copy");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                CustomerCopy.write(out, rows);
            }
        }
        empty();
        long copied = switch (method) {
            case "rawJdbcCopy" -> rawJdbcCopy();
            case "rawJdbcCopyFromFile" -> rawJdbcCopyFromFile();
            case "sleetCopy" -> sleetCopy();
            case "psqlCopy" -> psqlCopy();
            default -> throw new IllegalStateException("W7 has no contender " + method);
        };
        String expected = summary(EXPECTED_SQL);
        String loaded = summary(LOADED_SQL);
        if (copied != ROWS || !loaded.equals(expected)) {
            throw new IllegalStateException(method + " reported " + copied + " rows copied; the table has (count, "
                    + "hash) " + loaded + ", expected " + expected);
        }
    }

    private String summary(String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1) + ", " + rs.getLong(2);
        }
    }

    /**
     * Empties the table before each load.
     *
     * @throws SQLException when the server refuses
     */
    @Setup(Level.Iteration)
    public void empty() throws SQLException {
        ScratchCustomers.truncate(pool);
    }

    @Override
    protected void cleanUp() throws IOException, SQLException {
        if (file != null) {
            Files.deleteIfExists(file);
        }
        ScratchCustomers.drop(pool);
    }

    /**
     * The reference.
     *
     * @return the rows copied
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    @Contender(value = "raw JDBC", reference = true,
            how = "`CopyManager.copyIn`, the records encoded by hand, 64 KB writes")
    public long rawJdbcCopy() throws SQLException {
        try (Connection c = pool.getConnection()) {
            return CustomerCopy.copy(c, rows);
        }
    }

    /**
     * Raw JDBC, from the file.
     *
     * @return the rows copied
     * @throws SQLException never, on a healthy server
     * @throws IOException  when the file cannot be read
     */
    @Benchmark
    @Contender(value = "raw JDBC", how = "`CopyManager.copyIn(sql, InputStream)` of the file (no encoding)")
    public long rawJdbcCopyFromFile() throws SQLException, IOException {
        try (Connection c = pool.getConnection(); InputStream in = Files.newInputStream(file)) {
            return c.unwrap(PGConnection.class).getCopyAPI().copyIn(CustomerCopy.SQL, in, 1 << 16);
        }
    }

    /**
     * Sleet.
     *
     * @return the rows copied
     */
    @Benchmark
    @Contender(value = "Sleet", how = "`copyInto(SCRATCH).from(rows)`")
    public long sleetCopy() {
        return sleet.copyInto(SCRATCH).from(rows);
    }

    /**
     * psql.
     *
     * @return the rows copied
     * @throws IOException when psql fails
     */
    @Benchmark
    @Contender(value = "psql", how = "`psql -c \"\\copy ... from 'file'\"`, a subprocess")
    public long psqlCopy() throws IOException {
        return psql.copyFrom(ScratchCustomers.NAME, ScratchCustomers.COLUMNS, file);
    }
}
