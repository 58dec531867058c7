package dev.sleet.kit.migrate;

import java.util.List;

/**
 * What {@link Migrator#baseline(String)} did.
 *
 * @param baselined the ids recorded as applied without running, in order
 */
public record BaselineResult(List<String> baselined) {

    /**
     * Copies the list.
     *
     * @param baselined the ids recorded
     */
    public BaselineResult {
        baselined = List.copyOf(baselined);
    }
}
