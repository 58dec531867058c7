package dev.sleet.exec;

import dev.sleet.render.Bind;

import java.sql.SQLException;
import java.util.List;

/**
 * A statement violated a unique constraint or unique index (SQLSTATE 23505): the row duplicates a key that
 * exists. {@link #constraint()} names the constraint.
 */
public class UniqueViolationException extends SleetException {

    private static final long serialVersionUID = 1L;

    UniqueViolationException(SQLException e, String sql, List<Bind> binds) {
        super(e, sql, binds);
    }
}
