package dev.sleet.exec;

import dev.sleet.render.Bind;

import java.sql.SQLException;
import java.util.List;

/**
 * A statement violated a check constraint (SQLSTATE 23514). {@link #constraint()} names the constraint.
 */
public class CheckViolationException extends SleetException {

    private static final long serialVersionUID = 1L;

    CheckViolationException(SQLException e, String sql, List<Bind> binds) {
        super(e, sql, binds);
    }
}
