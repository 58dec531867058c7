package dev.sleet.bench;

import dev.sleet.kit.ddl.MigrationSql;
import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Diff;
import dev.sleet.kit.generate.Generator;
import dev.sleet.kit.migrate.Migrator;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SnapshotBuilder;
import dev.sleet.schema.Column;
import dev.sleet.schema.OnDelete;
import dev.sleet.schema.Schema;
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
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The migrations kit at scale: snapshot, diff and SQL for a 500-table schema (created from nothing, and
 * changed by a column in every table), generating its migration folder, and applying a folder of 200 small
 * migrations to an empty database.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class KitBenchmark {

    /** A table of the generated schema: key, a few columns, a foreign key to the previous table, an index. */
    static final class Generated extends Table {
        final Column<Long> id = bigint("id").primaryKey().generatedAlwaysAsIdentity();
        final Column<String> name = varchar("name", 200).notNull();
        final Column<Integer> amount = integer("amount").notNull().defaultValue(0);
        final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();
        final Column<Long> parentId;
        final Column<String> note;

        Generated(String tableName, Generated parent, boolean withNote) {
            super(tableName);
            parentId = parent == null ? bigint("parent_id")
                    : bigint("parent_id").references(() -> parent.id, OnDelete.CASCADE);
            note = withNote ? text("note") : null;
            index(tableName + "_name_idx").on(name);
        }
    }

    private static Schema schema(int tables, boolean withNote) {
        List<Table> out = new ArrayList<>();
        Generated previous = null;
        for (int i = 0; i < tables; i++) {
            Generated t = new Generated(String.format("t%03d", i), previous, withNote);
            out.add(t);
            previous = t;
        }
        return new Schema(List.of(), out);
    }

    private Schema v1;
    private Schema v2;
    private Snapshot snapshotV1;

    /** Builds the schemas once. */
    @Setup(Level.Trial)
    public void setUp() {
        v1 = schema(500, false);
        v2 = schema(500, true);
        snapshotV1 = SnapshotBuilder.of(v1);
    }

    /** A folder of 200 migrations, and an empty database for every run of it. */
    @State(Scope.Benchmark)
    public static class MigrateState {
        private Path migrations200;
        private BenchDatabase database;
        private final AtomicInteger databases = new AtomicInteger();
        private PGSimpleDataSource fresh;

        /**
         * Generates the folder and starts the server.
         *
         * @throws IOException never, on a writable temp directory
         */
        @Setup(Level.Trial)
        public void setUp() throws IOException {
            migrations200 = Files.createTempDirectory("sleet-bench-migrations");
            Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
            List<Table> grown = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                grown.add(new Generated(String.format("m%03d", i), null, false));
                Generator.generate(new Schema(List.of(), grown), migrations200, "step_" + i, false, clock);
            }
            database = new BenchDatabase();
        }

        /**
         * Creates an empty database for the next run.
         *
         * @throws Exception when the server refuses
         */
        @Setup(Level.Invocation)
        public void freshDatabase() throws Exception {
            String name = "kit_bench_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
            try (Connection c = database.pool().getConnection(); Statement st = c.createStatement()) {
                st.execute("create database " + dev.sleet.render.RenderContext.quoteIdentifier(name));
                String url = c.getMetaData().getURL();
                fresh = new PGSimpleDataSource();
                fresh.setURL(url.substring(0, url.lastIndexOf('/') + 1) + name);
                fresh.setUser(c.getMetaData().getUserName());
            }
        }

        /** Stops the server. */
        @TearDown(Level.Trial)
        public void tearDown() {
            database.close();
        }
    }

    /**
     * Snapshot, diff and up/down SQL of a 500-table schema from nothing.
     *
     * @return the up script
     */
    @Benchmark
    public String diffAndSql500TablesFromEmpty() {
        List<Change> changes = Diff.between(Snapshot.empty(), SnapshotBuilder.of(v1));
        return MigrationSql.up(changes) + MigrationSql.down(changes);
    }

    /**
     * Snapshot, diff and up/down SQL when every one of 500 tables gains a column.
     *
     * @return the up script
     */
    @Benchmark
    public String diffAndSql500TablesOneColumnEach() {
        List<Change> changes = Diff.between(snapshotV1, SnapshotBuilder.of(v2));
        return MigrationSql.up(changes) + MigrationSql.down(changes);
    }

    /**
     * Generates the migration folder of a 500-table schema (snapshot, diff, SQL, files).
     *
     * @return the number of migrations written
     * @throws IOException never, on a writable temp directory
     */
    @Benchmark
    public int generate500Tables() throws IOException {
        Path folder = Files.createTempDirectory("sleet-bench-generate");
        return Generator.generate(v1, folder, "init", false, Clock.systemUTC()).migrations().size();
    }

    /**
     * Applies 200 small migrations (a table and an index each) to an empty database.
     *
     * @param state the folder and a fresh database
     * @return the number applied
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 5)
    public int migrate200Migrations(MigrateState state) {
        return Migrator.of(state.fresh, state.migrations200).migrate().applied().size();
    }
}
