package dev.sleet.bench.northwind;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sleet.embedded.EmbeddedPostgres;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded server of a benchmark run, for {@code sleet-bench/run}: starts PostgreSQL on a persistent data
 * directory (so the Northwind data survives between runs), loads the data unless it is there, writes the JDBC
 * URL into a file and runs until it is killed, when its shutdown hook stops the server. The runner points
 * every JMH fork at that URL through {@code SLEET_BENCH_DATABASE_URL}, so the forks share one server and one
 * copy of the data instead of each starting and loading its own.
 *
 * <pre>
 * java -cp benchmarks.jar dev.sleet.bench.northwind.NorthwindServer DATA_DIRECTORY URL_FILE
 * </pre>
 */
public final class NorthwindServer {

    private NorthwindServer() {
    }

    /**
     * Starts the server and waits.
     *
     * @param args the data directory and the file to write the URL into
     * @throws Exception when the server cannot start or the data cannot be loaded
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: NorthwindServer DATA_DIRECTORY URL_FILE");
        }
        EmbeddedPostgres server = EmbeddedPostgres.builder().dataDirectory(Path.of(args[0])).start();
        String url = server.jdbcUrl("postgres");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            NorthwindData.Loaded loaded = NorthwindData.ensureLoaded(pool);
            System.out.println((loaded.loaded() ? "loaded" : "found") + " Northwind " + loaded.scale().name()
                    + " (seed " + loaded.seed() + ") in " + loaded.millis() + " ms: " + loaded.rows());
        }
        Path file = Path.of(args[1]);
        Files.writeString(file, url, StandardCharsets.UTF_8);
        System.out.println("PostgreSQL " + server.version() + " at " + url);
        Thread.currentThread().join();   // until killed; the server's shutdown hook stops PostgreSQL
    }
}
