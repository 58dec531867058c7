package dev.sleet.schema;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;

/** The interval's text form is one that every supported PostgreSQL reads back exactly. */
class IntervalTest {

    @Test
    void theTimePartIsWrittenAsHoursMinutesAndSecondsNotAsAMicrosecondCount() {
        // a microsecond count above 2^31 overflows a field on PostgreSQL 14 and older
        assertThat(Interval.of(Duration.ofHours(1)).toPostgres()).isEqualTo("0 mons 0 days 1:00:00.000000");
        assertThat(new Interval(1, 2, -3_600_500_000L).toPostgres()).isEqualTo("1 mons 2 days -1:00:00.500000");
        assertThat(new Interval(0, 0, 90_000_000_000L + 61_000_001L).toPostgres())
                .isEqualTo("0 mons 0 days 25:01:01.000001");
    }

    @Test
    void periodAndDurationRoundTrip() {
        Interval i = Interval.of(Period.of(1, 2, 3), Duration.ofMinutes(-90).plusNanos(1_000));

        assertThat(i.period()).isEqualTo(Period.of(0, 14, 3));
        assertThat(i.duration()).isEqualTo(Duration.ofMinutes(-90).plusNanos(1_000));
    }
}
