package dev.sleet.kit.generate;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Hands out migration ids ({@code yyyyMMddHHmmss}) one second apart, starting at the clock's time but always
 * after a given id: ids order the migrations, so a new one must sort after every one already in the folder
 * even when the clock is behind it.
 */
final class IdSequence {

    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private LocalDateTime next;

    /**
     * @param clock the clock the first id is taken from
     * @param after the id every id handed out must follow, or {@code null}
     */
    IdSequence(Clock clock, String after) {
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        if (after != null) {
            LocalDateTime min = LocalDateTime.parse(after, FORMAT).plusSeconds(1);
            if (now.isBefore(min)) {
                now = min;
            }
        }
        this.next = now;
    }

    String next() {
        String id = FORMAT.format(next);
        next = next.plusSeconds(1);
        return id;
    }
}
