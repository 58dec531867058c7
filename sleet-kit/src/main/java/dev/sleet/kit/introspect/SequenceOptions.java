package dev.sleet.kit.introspect;

import dev.sleet.kit.snapshot.IdentitySnapshot;
import dev.sleet.kit.snapshot.SequenceSnapshot;

/**
 * Puts sequence options into one form: an option equal to the value PostgreSQL would choose for it is
 * {@code null}, as a schema that leaves it unset has it. The catalog always stores every option, a Java schema
 * only those it sets, so both sides pass through here before they are compared.
 */
final class SequenceOptions {

    private SequenceOptions() {
    }

    /** A sequence with defaulted options cleared. */
    static SequenceSnapshot canonical(SequenceSnapshot q) {
        String type = q.type() == null ? "bigint" : q.type();
        Long[] o = canonical(type, q.start(), q.increment(), q.minValue(), q.maxValue(), q.cache());
        return new SequenceSnapshot(q.schema(), q.name(), type, o[0], o[1], o[2], o[3], o[4], q.cycle(),
                q.comment());
    }

    /** An identity of a column of the given type with defaulted options cleared. */
    static IdentitySnapshot canonical(String columnType, IdentitySnapshot i) {
        if (i == null) {
            return null;
        }
        Long[] o = canonical(columnType, i.start(), i.increment(), i.minValue(), i.maxValue(), i.cache());
        return new IdentitySnapshot(i.always(), o[0], o[1], o[2], o[3], o[4], i.cycle());
    }

    /** Returns start, increment, min, max and cache, each {@code null} where it is PostgreSQL's default. */
    private static Long[] canonical(String type, Long start, Long increment, Long min, Long max, Long cache) {
        long typeMax = switch (type) {
            case "smallint", "int2" -> Short.MAX_VALUE;
            case "integer", "int4", "int" -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
        long typeMin = -typeMax - 1;
        long inc = increment == null ? 1 : increment;
        boolean ascending = inc > 0;
        long defaultMin = ascending ? 1 : typeMin;
        long defaultMax = ascending ? typeMax : -1;
        long effectiveMin = min == null ? defaultMin : min;
        long effectiveMax = max == null ? defaultMax : max;
        long defaultStart = ascending ? effectiveMin : effectiveMax;
        return new Long[] {
                start == null || start == defaultStart ? null : start,
                inc == 1 ? null : inc,
                effectiveMin == defaultMin ? null : effectiveMin,
                effectiveMax == defaultMax ? null : effectiveMax,
                cache == null || cache == 1 ? null : cache};
    }
}
