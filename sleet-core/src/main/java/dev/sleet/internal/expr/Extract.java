package dev.sleet.internal.expr;

import dev.sleet.query.Field;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.column.ColumnType;
import dev.sleet.schema.column.NumericType;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** {@code extract(part from x)}, as a number. The part is checked against PostgreSQL's list of fields. */
public final class Extract implements Field<BigDecimal> {

    /** The fields {@code extract} knows (PostgreSQL 14+ documentation, "EXTRACT, date_part"). */
    public static final Set<String> PARTS = Set.of("century", "day", "decade", "dow", "doy", "epoch", "hour",
            "isodow", "isoyear", "julian", "microseconds", "millennium", "milliseconds", "minute", "month",
            "quarter", "second", "timezone", "timezone_hour", "timezone_minute", "week", "year");

    private final String part;
    private final Field<?> source;

    /**
     * Creates the extraction.
     *
     * @param part   the field to extract, e.g. {@code year}; case-insensitive
     * @param source a date, time, timestamp or interval expression
     * @throws IllegalArgumentException when the part is not one PostgreSQL knows
     */
    public Extract(String part, Field<?> source) {
        Objects.requireNonNull(part, "part");
        this.part = part.toLowerCase(Locale.ROOT);
        this.source = Objects.requireNonNull(source, "source");
        if (!PARTS.contains(this.part)) {
            throw new IllegalArgumentException("extract(" + part + ", " + source.name() + "): '" + part + "' is not "
                    + "a field PostgreSQL can extract; use one of " + new java.util.TreeSet<>(PARTS));
        }
    }

    @Override
    public ColumnType<BigDecimal> type() {
        return NumericType.UNCONSTRAINED;
    }

    @Override
    public String name() {
        return "extract";
    }

    @Override
    public void render(RenderContext ctx) {
        // the part is a keyword from the whitelist above, so it may be written as text
        ctx.sql("extract(").sql(part).sql(" from ").visit(source).sql(')');
    }
}
