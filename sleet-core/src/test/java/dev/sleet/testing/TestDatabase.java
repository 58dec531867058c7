package dev.sleet.testing;

import dev.sleet.Db;
import dev.sleet.ddl.SchemaDdl;
import dev.sleet.render.QueryPart;
import dev.sleet.schema.Schema;

import java.util.Objects;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database created for tests by {@link TestPostgres#createDatabase(String)}, with what is needed to connect.
 *
 * @param url      JDBC URL of the database, including the user (and the password, when there is one)
 * @param user     user to connect as
 * @param password password of that user, or {@code null} when the server trusts the connection
 * @param name     the database name, already lowercase and safe to use quoted
 */
public record TestDatabase(String url, String user, String password, String name) {

    /** Checks the components. */
    public TestDatabase {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(name, "name");
    }

    /**
     * Creates a schema's objects through {@code db}, in the order {@link SchemaDdl#create(Schema)} gives.
     *
     * @param db     where to create them
     * @param schema the schema
     */
    public static void create(Db db, Schema schema) {
        for (QueryPart statement : SchemaDdl.create(schema)) {
            db.execute(statement);
        }
    }

    /**
     * A new, unpooled data source for this database (each {@code getConnection()} opens a connection).
     * A new instance is returned each time, so a test may change its settings without affecting others.
     *
     * @return a {@link PGSimpleDataSource} configured with {@link #url()}, {@link #user()} and {@link #password()}
     */
    public PGSimpleDataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        if (user != null) {
            ds.setUser(user);
        }
        if (password != null) {
            ds.setPassword(password);
        }
        return ds;
    }

    @Override
    public String toString() {
        int query = url.indexOf('?');
        return "TestDatabase[" + name + " at " + (query < 0 ? url : url.substring(0, query)) + ", user " + user + "]";
    }
}
