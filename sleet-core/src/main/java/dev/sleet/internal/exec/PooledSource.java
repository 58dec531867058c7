package dev.sleet.internal.exec;

import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** One pooled connection per statement, given back right after it. */
public final class PooledSource implements ConnectionSource {

    private final DataSource dataSource;

    /**
     * Creates the source.
     *
     * @param dataSource the pool
     */
    public PooledSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection acquire() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void release(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LoggerFactory.getLogger(PooledSource.class).warn("returning a connection to the pool failed: {}",
                    e.getMessage());
        }
    }

    @Override
    public boolean inTransaction() {
        return false;
    }
}
