package dev.sleet.kit.generate;

import dev.sleet.kit.TestServer;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A fresh database on the test server, with the few queries the generate tests assert with. */
final class ScratchDatabase {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    private ScratchDatabase(String url) {
        dataSource.setURL(url);
    }

    static ScratchDatabase create(TestServer server) {
        String name = server.createDatabase("generate_" + ProcessHandle.current().pid() + "_"
                + COUNTER.incrementAndGet());
        return new ScratchDatabase(server.jdbcUrl(name));
    }

    void execute(String sql) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of every row, as text. */
    List<String> strings(String sql) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    List<String> columns(String table) {
        return strings("select column_name from information_schema.columns where table_schema = 'public'"
                + " and table_name = '" + table + "' order by ordinal_position");
    }
}
