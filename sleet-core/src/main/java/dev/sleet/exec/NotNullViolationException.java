package dev.sleet.exec;

import dev.sleet.render.Bind;

import java.sql.SQLException;
import java.util.List;

/**
 * A statement violated a {@code NOT NULL} constraint (SQLSTATE 23502). {@link #constraint()} names the
 * constraint.
 */
public class NotNullViolationException extends SleetException {

    private static final long serialVersionUID = 1L;

    NotNullViolationException(SQLException e, String sql, List<Bind> binds) {
        super(e, sql, binds);
    }
}
