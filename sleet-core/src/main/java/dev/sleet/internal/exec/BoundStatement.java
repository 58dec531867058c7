package dev.sleet.internal.exec;

import dev.sleet.query.Placeholder;
import dev.sleet.render.Bind;
import dev.sleet.render.RenderedSql;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A statement ready to run: its SQL text, and its values, which it binds into a {@link PreparedStatement}. A
 * {@link RenderedSql} is one ({@link #of}); an insert whose SQL text comes from its shape (see {@link SqlShapes})
 * is another, which binds straight from its rows, so that running it, alone or as one of a batch's thousand,
 * makes no list of {@link Bind}s: only an error or a log that shows the values asks for them ({@link #rendered()}).
 */
public abstract class BoundStatement {

    /**
     * A rendered statement, as it is.
     *
     * @param rendered SQL with JDBC placeholders, and its binds
     * @return the statement
     */
    public static BoundStatement of(RenderedSql rendered) {
        return new Rendered(rendered);
    }

    /** @return the SQL text, with JDBC placeholders */
    public abstract String sql();

    /** @return how many values it binds */
    public abstract int bindCount();

    /**
     * Binds the values as parameters {@code 1} to {@link #bindCount()}, each through its type.
     *
     * @param ps the statement prepared from {@link #sql()}
     * @throws SQLException when the driver refuses a value
     */
    public abstract void bindTo(PreparedStatement ps) throws SQLException;

    /**
     * The statement as SQL and binds, for what shows its values: errors, logs that show them.
     *
     * @return the statement
     */
    public abstract RenderedSql rendered();

    /**
     * The first placeholder without a value, which a statement run as it is (not prepared) cannot have.
     *
     * @return the placeholder's slot, or {@code null} when every value is given
     */
    public abstract Placeholder.Slot unbound();

    /** Binds a list of {@link Bind}s in order: a rendered statement's way. */
    static void bind(PreparedStatement ps, List<Bind> binds) throws SQLException {
        for (int i = 0; i < binds.size(); i++) {
            Bind b = binds.get(i);
            b.type().bindObject(ps, i + 1, b.value());
        }
    }

    /** A {@link RenderedSql}. */
    private static final class Rendered extends BoundStatement {
        private final RenderedSql rendered;

        Rendered(RenderedSql rendered) {
            this.rendered = rendered;
        }

        @Override
        public String sql() {
            return rendered.sql();
        }

        @Override
        public int bindCount() {
            return rendered.binds().size();
        }

        @Override
        public void bindTo(PreparedStatement ps) throws SQLException {
            bind(ps, rendered.binds());
        }

        @Override
        public RenderedSql rendered() {
            return rendered;
        }

        @Override
        public Placeholder.Slot unbound() {
            for (Bind b : rendered.binds()) {
                if (b.value() instanceof Placeholder.Slot slot) {
                    return slot;
                }
            }
            return null;
        }
    }
}
