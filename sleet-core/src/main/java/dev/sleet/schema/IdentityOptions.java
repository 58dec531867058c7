package dev.sleet.schema;

/**
 * Sequence options of an identity column, e.g.
 * {@code generatedAlwaysAsIdentity(IdentityOptions.startWith(1000).incrementBy(10))}. Immutable: each method
 * returns a new instance. Unset options keep PostgreSQL's defaults.
 *
 * @param start     {@code START WITH}, or {@code null}
 * @param increment {@code INCREMENT BY}, or {@code null}
 * @param minValue  {@code MINVALUE}, or {@code null}
 * @param maxValue  {@code MAXVALUE}, or {@code null}
 * @param cache     {@code CACHE}, or {@code null}
 * @param cycle     {@code CYCLE}
 */
public record IdentityOptions(Long start, Long increment, Long minValue, Long maxValue, Long cache, boolean cycle) {

    /** No options: PostgreSQL's defaults. */
    public static final IdentityOptions DEFAULTS = new IdentityOptions(null, null, null, null, null, false);

    /**
     * Validates the combination.
     *
     * @param start     {@code START WITH}, or {@code null}
     * @param increment {@code INCREMENT BY}, or {@code null}
     * @param minValue  {@code MINVALUE}, or {@code null}
     * @param maxValue  {@code MAXVALUE}, or {@code null}
     * @param cache     {@code CACHE}, or {@code null}
     * @param cycle     {@code CYCLE}
     */
    public IdentityOptions {
        if (increment != null && increment == 0) {
            throw new SchemaDefinitionException("identity INCREMENT BY must not be 0");
        }
        if (cache != null && cache < 1) {
            throw new SchemaDefinitionException("identity CACHE must be at least 1, got " + cache);
        }
        if (minValue != null && maxValue != null && minValue > maxValue) {
            throw new SchemaDefinitionException("identity MINVALUE " + minValue + " is above MAXVALUE " + maxValue);
        }
    }

    /**
     * Starts from the defaults with a start value.
     *
     * @param start the first value
     * @return the options
     */
    public static IdentityOptions startWith(long start) {
        return DEFAULTS.withStart(start);
    }

    /**
     * Returns these options with another start value.
     *
     * @param value the first value
     * @return new options
     */
    public IdentityOptions withStart(long value) {
        return new IdentityOptions(value, increment, minValue, maxValue, cache, cycle);
    }

    /**
     * Returns these options with another increment.
     *
     * @param value the step, not 0
     * @return new options
     */
    public IdentityOptions incrementBy(long value) {
        return new IdentityOptions(start, value, minValue, maxValue, cache, cycle);
    }

    /**
     * Returns these options with a minimum value.
     *
     * @param value the minimum
     * @return new options
     */
    public IdentityOptions minValue(long value) {
        return new IdentityOptions(start, increment, value, maxValue, cache, cycle);
    }

    /**
     * Returns these options with a maximum value.
     *
     * @param value the maximum
     * @return new options
     */
    public IdentityOptions maxValue(long value) {
        return new IdentityOptions(start, increment, minValue, value, cache, cycle);
    }

    /**
     * Returns these options with a cache size.
     *
     * @param value values preallocated per session, at least 1
     * @return new options
     */
    public IdentityOptions cache(long value) {
        return new IdentityOptions(start, increment, minValue, maxValue, value, cycle);
    }

    /**
     * Returns these options with wrap-around at the limit.
     *
     * @return new options
     */
    public IdentityOptions withCycle() {
        return new IdentityOptions(start, increment, minValue, maxValue, cache, true);
    }
}
