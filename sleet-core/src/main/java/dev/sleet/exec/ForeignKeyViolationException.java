package dev.sleet.exec;

import dev.sleet.render.Bind;

import java.sql.SQLException;
import java.util.List;

/**
 * A statement violated a foreign key (SQLSTATE 23503): the referenced row does not exist, or rows still
 * reference the one being removed. {@link #constraint()} names the constraint.
 */
public class ForeignKeyViolationException extends SleetException {

    private static final long serialVersionUID = 1L;

    ForeignKeyViolationException(SQLException e, String sql, List<Bind> binds) {
        super(e, sql, binds);
    }
}
