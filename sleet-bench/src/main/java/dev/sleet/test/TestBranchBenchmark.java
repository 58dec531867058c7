package dev.sleet.test;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.sleet.Sql.raw;

/**
 * What a {@link SleetTest} branch costs a test, on {@code SLEET_BENCH_DATABASE_URL}'s server or the embedded one:
 * <ul>
 *   <li>{@code copyAndDrop}: {@code CREATE DATABASE ... TEMPLATE ... STRATEGY WAL_LOG} and {@code DROP DATABASE}
 *   in the foreground, the raw price of a branch;</li>
 *   <li>{@code test}: what a test sees — get its branch, run a first query on it (which opens the pool), run a
 *   body of {@code bodyMillis}, close the branch — with the next copy and the drops running in the background,
 *   as in a test run. The overhead per test is the score minus the body.</li>
 * </ul>
 * The template holds a migrated schema of three tables with indexes and a foreign key, and a few rows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class TestBranchBenchmark {

    @Param({"0", "50"})
    public int bodyMillis;

    private BranchServer server;
    private String template;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        server = BranchServer.start(System.getenv("SLEET_BENCH_DATABASE_URL"));
        Path folder = Files.createTempDirectory("sleet-branch-bench");
        Path m = Files.createDirectories(folder.resolve("20261121090000_create_shop"));
        Files.writeString(m.resolve("up.sql"), """
                create table customers (id bigint generated always as identity primary key, email text not null unique,
                  name text not null, created_at timestamptz not null default now());
                create table products (id bigint generated always as identity primary key, name text not null,
                  price numeric(10, 2) not null check (price >= 0));
                create table orders (id bigint generated always as identity primary key,
                  customer_id bigint not null references customers, product_id bigint not null references products,
                  quantity int not null, ordered_at timestamptz not null default now());
                create index orders_customer_idx on orders (customer_id);
                insert into customers (email, name) select 'c' || g || '@example.com', 'Customer ' || g
                  from generate_series(1, 20) g;
                insert into products (name, price) select 'Product ' || g, g * 1.5 from generate_series(1, 10) g;
                """);
        Files.writeString(m.resolve("down.sql"), "drop table orders; drop table products; drop table customers;");
        template = server.template(new BranchServer.Template(folder, List.of()));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        server.close();
    }

    @Benchmark
    public void copyAndDrop() {
        server.drop(server.copy(template));
    }

    @Benchmark
    public Object test() throws InterruptedException {
        TestBranch branch = server.branch(template);
        Object rows = branch.db().fetch(raw("select count(*) from customers"));
        if (bodyMillis > 0) {
            Thread.sleep(bodyMillis);
        }
        branch.close();
        return rows;
    }
}
