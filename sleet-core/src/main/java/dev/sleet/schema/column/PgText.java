package dev.sleet.schema.column;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * PostgreSQL's text forms of dates, times and offsets ({@code DateStyle = ISO}, which pgjdbc requires), written
 * and read without {@link java.time.format.DateTimeFormatter}: PostgreSQL writes years before 1 as
 * {@code 0044-03-15 BC} and years past 9999 without a sign, which the ISO formatters do not read.
 */
final class PgText {

    private PgText() {
    }

    /** The error of text that is not a value of a type; never repeats the text, which can be a secret. */
    static IllegalArgumentException invalid(String sqlName) {
        return new IllegalArgumentException("text is not a valid " + sqlName + " in PostgreSQL's text form");
    }

    /**
     * Appends {@code yyyy-mm-dd}, the year counted as PostgreSQL does (no year 0).
     *
     * @return {@code true} when the date is before year 1 and needs a {@code BC} suffix
     */
    static boolean appendDate(LocalDate date, StringBuilder out) {
        int year = date.getYear();
        boolean bc = year <= 0;
        pad(out, bc ? 1 - year : year, 4).append('-');
        pad(out, date.getMonthValue(), 2).append('-');
        pad(out, date.getDayOfMonth(), 2);
        return bc;
    }

    /** Appends {@code hh:mm:ss[.fraction]}; PostgreSQL rounds a fraction finer than microseconds. */
    static void appendTime(LocalTime time, StringBuilder out) {
        pad(out, time.getHour(), 2).append(':');
        pad(out, time.getMinute(), 2).append(':');
        pad(out, time.getSecond(), 2);
        if (time.getNano() != 0) {
            out.append('.');
            pad(out, time.getNano(), 9);
        }
    }

    /** Appends {@code +hh:mm[:ss]}. */
    static void appendOffset(ZoneOffset offset, StringBuilder out) {
        int total = offset.getTotalSeconds();
        out.append(total < 0 ? '-' : '+');
        total = Math.abs(total);
        pad(out, total / 3600, 2).append(':');
        pad(out, total / 60 % 60, 2);
        if (total % 60 != 0) {
            out.append(':');
            pad(out, total % 60, 2);
        }
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }

    /** Reads the parts of a date or time from left to right. */
    static final class Cursor {
        private final String text;
        private final String sqlName;
        private final boolean bc;
        private int pos;

        Cursor(String text, String sqlName) {
            this.bc = text.endsWith(" BC");
            this.text = bc ? text.substring(0, text.length() - 3) : text;
            this.sqlName = sqlName;
        }

        /** Reads a date; the year may have more than four digits, and 1 BC is ISO year 0. */
        LocalDate date() {
            int year = number(1, 9);
            if (bc) {
                year = 1 - year;
            }
            expect('-');
            int month = number(2, 2);
            expect('-');
            int day = number(2, 2);
            try {
                return LocalDate.of(year, month, day);
            } catch (RuntimeException e) {
                throw invalid(sqlName);
            }
        }

        /** Reads {@code hh:mm:ss[.fraction]}; {@code 24:00:00} is {@link LocalTime#MAX}, as pgjdbc reads it. */
        LocalTime time() {
            int hour = number(2, 2);
            expect(':');
            int minute = number(2, 2);
            expect(':');
            int second = number(2, 2);
            int nano = 0;
            if (pos < text.length() && text.charAt(pos) == '.') {
                pos++;
                int start = pos;
                int fraction = number(1, 9);
                for (int i = pos - start; i < 9; i++) {
                    fraction *= 10;
                }
                nano = fraction;
            }
            if (hour == 24 && minute == 0 && second == 0 && nano == 0) {
                return LocalTime.MAX;
            }
            try {
                return LocalTime.of(hour, minute, second, nano);
            } catch (RuntimeException e) {
                throw invalid(sqlName);
            }
        }

        /** Reads {@code +hh[:mm[:ss]]}. */
        ZoneOffset offset() {
            if (pos >= text.length() || (text.charAt(pos) != '+' && text.charAt(pos) != '-')) {
                throw invalid(sqlName);
            }
            int sign = text.charAt(pos++) == '-' ? -1 : 1;
            int seconds = number(2, 2) * 3600;
            if (pos < text.length() && text.charAt(pos) == ':') {
                pos++;
                seconds += number(2, 2) * 60;
                if (pos < text.length() && text.charAt(pos) == ':') {
                    pos++;
                    seconds += number(2, 2);
                }
            }
            try {
                return ZoneOffset.ofTotalSeconds(sign * seconds);
            } catch (RuntimeException e) {
                throw invalid(sqlName);
            }
        }

        void expect(char c) {
            if (pos >= text.length() || text.charAt(pos) != c) {
                throw invalid(sqlName);
            }
            pos++;
        }

        /** Checks that nothing but a {@code BC} suffix follows. */
        void end() {
            if (pos != text.length()) {
                throw invalid(sqlName);
            }
        }

        private int number(int minDigits, int maxDigits) {
            int start = pos;
            int value = 0;
            while (pos < text.length() && pos - start < maxDigits && Character.isDigit(text.charAt(pos))) {
                value = value * 10 + (text.charAt(pos++) - '0');
            }
            if (pos - start < minDigits) {
                throw invalid(sqlName);
            }
            return value;
        }
    }
}
