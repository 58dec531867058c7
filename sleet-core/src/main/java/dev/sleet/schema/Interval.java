package dev.sleet.schema;

import java.time.Duration;
import java.time.Period;

/**
 * A PostgreSQL {@code interval}: months, days and microseconds, kept apart as PostgreSQL keeps them (a month
 * is not a fixed number of days, nor a day a fixed number of hours across daylight saving changes).
 *
 * <pre>{@code
 * Interval trial = Interval.ofDays(14);
 * Interval billing = Interval.of(Period.ofMonths(1), Duration.ofHours(12));
 * }</pre>
 *
 * @param months       whole months (a year is 12)
 * @param days         whole days
 * @param microseconds the time part in microseconds
 */
public record Interval(int months, int days, long microseconds) {

    /** The zero-length interval. */
    public static final Interval ZERO = new Interval(0, 0, 0);

    /**
     * Returns an interval of whole months.
     *
     * @param months the months
     * @return the interval
     */
    public static Interval ofMonths(int months) {
        return new Interval(months, 0, 0);
    }

    /**
     * Returns an interval of whole days.
     *
     * @param days the days
     * @return the interval
     */
    public static Interval ofDays(int days) {
        return new Interval(0, days, 0);
    }

    /**
     * Returns an interval of a time length.
     *
     * @param duration the length; sub-microsecond parts are dropped
     * @return the interval
     */
    public static Interval of(Duration duration) {
        return new Interval(0, 0, Math.addExact(Math.multiplyExact(duration.getSeconds(), 1_000_000L),
                duration.getNano() / 1_000));
    }

    /**
     * Returns an interval from a date part and a time part.
     *
     * @param period   years, months and days
     * @param duration the time part
     * @return the interval
     */
    public static Interval of(Period period, Duration duration) {
        return new Interval(Math.toIntExact(period.toTotalMonths()), period.getDays(), of(duration).microseconds);
    }

    /**
     * Returns the date part.
     *
     * @return months and days as a period
     */
    public Period period() {
        return Period.of(0, months, days);
    }

    /**
     * Returns the time part.
     *
     * @return the microseconds as a duration
     */
    public Duration duration() {
        return Duration.ofSeconds(Math.floorDiv(microseconds, 1_000_000L), Math.floorMod(microseconds, 1_000_000L) * 1_000L);
    }

    /**
     * Returns the interval in PostgreSQL's input syntax, e.g. {@code 1 mons 2 days -01:00:00.500000}, which
     * every supported PostgreSQL reads back exactly. The time part is written as hours, minutes and seconds
     * rather than as a count of microseconds: PostgreSQL 14 and older read each field as a 32-bit integer.
     *
     * @return the PostgreSQL text form
     */
    public String toPostgres() {
        long abs = Math.abs(microseconds);
        return String.format(java.util.Locale.ROOT, "%d mons %d days %s%d:%02d:%02d.%06d", months, days,
                microseconds < 0 ? "-" : "", abs / 3_600_000_000L, abs / 60_000_000L % 60, abs / 1_000_000L % 60,
                abs % 1_000_000L);
    }

    @Override
    public String toString() {
        return toPostgres();
    }
}
