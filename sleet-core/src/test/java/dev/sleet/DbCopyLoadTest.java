package dev.sleet;

import dev.sleet.ddl.SchemaDdl;
import dev.sleet.render.QueryPart;
import dev.sleet.schema.Column;
import dev.sleet.schema.Schema;
import dev.sleet.schema.Table;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A million rows through {@code copyInto}, generated lazily and checked by count and checksums (sums, and an
 * MD5 of all the text) computed both in Java and in SQL. Its speed is the benchmarks' business; the time is only logged.
 */
@PostgresTest
class DbCopyLoadTest {

    /** Six columns of common types. */
    public static final class Events extends Table {
        static final Events EVENTS = new Events();

        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> name = text("name").notNull();
        final Column<Integer> quantity = integer("quantity").notNull();
        final Column<BigDecimal> price = numeric("price", 12, 2).notNull();
        final Column<OffsetDateTime> at = timestamptz("at").notNull();
        final Column<Boolean> flagged = bool("flagged");

        private Events() {
            super("copy_events");
        }
    }

    record Event(Long id, String name, Integer quantity, BigDecimal price, OffsetDateTime at, Boolean flagged) {
    }

    private static final int ROWS = 1_000_000;
    private static final OffsetDateTime EPOCH = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private static Event event(long id) {
        String name = (id % 10 == 0 ? "ünïcode\t" : "event ") + id;
        return new Event(id, name, (int) (id % 1_000), BigDecimal.valueOf(id % 100_000, 2), EPOCH.plusSeconds(id),
                id % 7 == 0 ? null : id % 2 == 0);
    }

    private static Stream<Event> events() {
        return LongStream.rangeClosed(1, ROWS).mapToObj(DbCopyLoadTest::event);
    }

    @Test
    void copiesAMillionRowsAndEveryValueArrives(TestDatabase database) throws Exception {
        try (Db db = Sleet.connect(database.url())) {
            for (QueryPart statement : SchemaDdl.create(new Schema(List.of(), List.of(Events.EVENTS)))) {
                db.execute(statement);
            }
            AtomicLong lastReport = new AtomicLong();

            long start = System.nanoTime();
            long copied = db.copyInto(Events.EVENTS).onProgress(100_000, lastReport::set).from(events());
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("copyInto of " + ROWS + " rows took " + millis + " ms");

            assertThat(copied).isEqualTo(ROWS);
            assertThat(lastReport.get()).isEqualTo(ROWS);

            long idSum = 0;
            long nameLengths = 0;
            MessageDigest names = MessageDigest.getInstance("MD5");
            long quantitySum = 0;
            long priceCents = 0;
            long seconds = 0;
            long flaggedTrue = 0;
            long flaggedNull = 0;
            for (long id = 1; id <= ROWS; id++) {
                Event e = event(id);
                idSum += e.id();
                nameLengths += e.name().codePointCount(0, e.name().length());
                names.update(((id > 1 ? "\n" : "") + e.name()).getBytes(StandardCharsets.UTF_8));
                quantitySum += e.quantity();
                priceCents += e.price().movePointRight(2).longValueExact();
                seconds += e.at().toEpochSecond();
                flaggedTrue += Boolean.TRUE.equals(e.flagged()) ? 1 : 0;
                flaggedNull += e.flagged() == null ? 1 : 0;
            }
            try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("""
                         select count(*), sum(id), sum(char_length(name)), sum(quantity), sum(price * 100),
                                sum(extract(epoch from at))::bigint, count(*) filter (where flagged),
                                count(*) filter (where flagged is null),
                                md5(string_agg(name, E'\\n' order by id))
                           from copy_events""")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(ROWS);
                assertThat(rs.getLong(2)).isEqualTo(idSum);
                assertThat(rs.getLong(3)).isEqualTo(nameLengths);
                assertThat(rs.getLong(4)).isEqualTo(quantitySum);
                assertThat(rs.getBigDecimal(5)).isEqualByComparingTo(BigDecimal.valueOf(priceCents));
                assertThat(rs.getLong(6)).isEqualTo(seconds);
                assertThat(rs.getLong(7)).isEqualTo(flaggedTrue);
                assertThat(rs.getLong(8)).isEqualTo(flaggedNull);
                assertThat(rs.getString(9)).isEqualTo(HexFormat.of().formatHex(names.digest()));
            }
        }
    }
}
