package dev.sleet.bench;

import dev.sleet.bench.RecordMappingBenchmark.Account;
import dev.sleet.bench.RecordMappingBenchmark.Accounts;
import dev.sleet.exec.RowShape;
import dev.sleet.internal.exec.RecordMapper;
import dev.sleet.query.Field;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The mapping step alone, without a database: 1,000 rows of values already read, turned into records by
 * Sleet's mapper and by a hand-written constructor call. Isolates what mapping costs per row from the round
 * trip that dominates {@link RecordMappingBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MapperBenchmark {

    private final List<Object[]> rows = new ArrayList<>();
    private RecordMapper<Account> mapper;

    /** Makes the rows and the mapper. */
    @Setup
    public void setUp() {
        List<Field<?>> fields = new ArrayList<>(Accounts.ACCOUNTS.columns());
        mapper = RecordMapper.of(new RowShape(fields), Account.class);
        OffsetDateTime base = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        for (long i = 0; i < 1_000; i++) {
            rows.add(new Object[] {i, "user" + i + "@example.com", "User " + i, i % 2 == 0,
                    BigDecimal.valueOf(i, 2), base.plusSeconds(i)});
        }
    }

    /**
     * Hand-written: cast and call the constructor.
     *
     * @param bh the sink
     */
    @Benchmark
    public void direct(Blackhole bh) {
        for (Object[] v : rows) {
            bh.consume(new Account((Long) v[0], (String) v[1], (String) v[2], (Boolean) v[3], (BigDecimal) v[4],
                    (OffsetDateTime) v[5]));
        }
    }

    /**
     * Sleet's mapper.
     *
     * @param bh the sink
     */
    @Benchmark
    public void sleet(Blackhole bh) {
        for (Object[] v : rows) {
            bh.consume(mapper.fromValues(v));
        }
    }
}
