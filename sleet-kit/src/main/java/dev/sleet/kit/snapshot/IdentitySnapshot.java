package dev.sleet.kit.snapshot;

/**
 * An identity column's generation and sequence options; unset options are {@code null}.
 *
 * @param always    {@code GENERATED ALWAYS} rather than {@code BY DEFAULT}
 * @param start     {@code START WITH}
 * @param increment {@code INCREMENT BY}
 * @param minValue  {@code MINVALUE}
 * @param maxValue  {@code MAXVALUE}
 * @param cache     {@code CACHE}
 * @param cycle     {@code CYCLE}
 */
public record IdentitySnapshot(boolean always, Long start, Long increment, Long minValue, Long maxValue, Long cache,
                               boolean cycle) {
}
