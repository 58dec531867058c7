package dev.sleet.internal.expr;

import dev.sleet.query.Field;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.column.ColumnType;
import dev.sleet.schema.column.IntervalType;
import dev.sleet.schema.column.TimestampType;
import dev.sleet.schema.column.TimestamptzType;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code date_trunc('unit', x)}: a timestamp (or interval) cut down to a precision. The unit is checked
 * against PostgreSQL's list and written as a literal, so that the same expression in the select list and in
 * {@code group by} is textually the same, and an index on it can be used.
 *
 * @param <T> the value type, the same as the source's
 */
public final class DateTrunc<T> implements Field<T> {

    /** The units {@code date_trunc} accepts. */
    public static final Set<String> UNITS = Set.of("microseconds", "milliseconds", "second", "minute", "hour",
            "day", "week", "month", "quarter", "year", "decade", "century", "millennium");

    private final String unit;
    private final Field<T> source;

    /**
     * Creates the truncation.
     *
     * @param unit   the precision, e.g. {@code day}; case-insensitive
     * @param source a timestamp, timestamptz or interval expression
     * @throws IllegalArgumentException for an unknown unit or a source of another type
     */
    public DateTrunc(String unit, Field<T> source) {
        Objects.requireNonNull(unit, "unit");
        this.unit = unit.toLowerCase(Locale.ROOT);
        this.source = Objects.requireNonNull(source, "source");
        if (!UNITS.contains(this.unit)) {
            throw new IllegalArgumentException("dateTrunc(" + unit + ", " + source.name() + "): '" + unit + "' is not "
                    + "a unit date_trunc knows; use one of " + new TreeSet<>(UNITS));
        }
        ColumnType<T> type = source.type();
        if (!(type instanceof TimestampType || type instanceof TimestamptzType || type instanceof IntervalType)) {
            // date_trunc of a date returns a timestamp, which a date-typed expression could not read back
            throw new IllegalArgumentException("dateTrunc needs a timestamp, timestamptz or interval expression, but "
                    + source.name() + " is " + type.sqlName() + "; cast it first, e.g. cast(x, TimestampType.INSTANCE)");
        }
    }

    @Override
    public ColumnType<T> type() {
        return source.type();
    }

    @Override
    public String name() {
        return "date_trunc";
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.sql("date_trunc(").visit(new CheckedLiteral(unit, null)).sql(", ").visit(source).sql(')');
    }
}
