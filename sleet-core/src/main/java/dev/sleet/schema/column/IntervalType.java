package dev.sleet.schema.column;

import dev.sleet.render.RenderContext;
import dev.sleet.schema.Interval;
import org.postgresql.util.PGInterval;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** PostgreSQL {@code interval} as {@link Interval}, exact to the microsecond. */
public final class IntervalType extends ColumnType<Interval> {

    /** The shared instance. */
    public static final IntervalType INSTANCE = new IntervalType();

    private IntervalType() {
        super("interval", Interval.class);
    }

    @Override
    public boolean castsParameters() {
        return true;
    }

    @Override
    protected void bindNonNull(PreparedStatement ps, int index, Interval value) throws SQLException {
        ps.setString(index, value.toPostgres());
    }

    @Override
    public Interval read(ResultSet rs, int index) throws SQLException {
        Object value = rs.getObject(index);
        if (value == null) {
            return null;
        }
        PGInterval pg = value instanceof PGInterval p ? p : new PGInterval(value.toString());
        long micros = ((pg.getHours() * 60L + pg.getMinutes()) * 60L + pg.getWholeSeconds()) * 1_000_000L
                + pg.getMicroSeconds();
        return new Interval(pg.getYears() * 12 + pg.getMonths(), pg.getDays(), micros);
    }

    @Override
    public void renderLiteral(Interval value, RenderContext ctx) {
        ctx.stringLiteral(value.toPostgres());
    }

    @Override
    protected Object toArrayElement(Interval value) {
        return value.toPostgres();
    }

    @Override
    public void writeText(Interval value, StringBuilder out) {
        out.append(value.toPostgres());
    }

    /** Reads any {@code IntervalStyle} pgjdbc reads. */
    @Override
    public Interval readText(String text) {
        PGInterval pg;
        try {
            pg = new PGInterval(text);
        } catch (SQLException | RuntimeException e) {
            throw PgText.invalid(sqlName());
        }
        long micros = ((pg.getHours() * 60L + pg.getMinutes()) * 60L + pg.getWholeSeconds()) * 1_000_000L
                + pg.getMicroSeconds();
        return new Interval(pg.getYears() * 12 + pg.getMonths(), pg.getDays(), micros);
    }
}
