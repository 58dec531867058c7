package dev.sleet.cli;

import dev.sleet.cli.config.ConfigException;
import dev.sleet.cli.config.SleetConfig;
import dev.sleet.exec.SleetException;
import dev.sleet.internal.exec.ConnectionUrl;
import dev.sleet.kit.branch.DatabaseUrl;
import picocli.CommandLine.Option;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * The options every project command takes ({@code --config}, {@code --url}) and the database they lead to:
 * the configured URL (the direct one for migrations), or the project's embedded database.
 */
final class ProjectOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "the configuration file (default: sleet.properties)")
    Path config = Path.of(SleetConfig.DEFAULT_FILE);

    @Option(names = "--url", paramLabel = "URL", description = "the database URL, instead of the configured one")
    String url;

    /** Reads the configuration, with {@code --url} applied. */
    SleetConfig load() {
        return SleetConfig.load(config).withUrl(url);
    }

    /**
     * Runs work with a data source for migrations: the configured database, or the project's embedded one,
     * started for the work and stopped after it. A configured database is connected to once first, so that a URL
     * that does not parse, a server that is down and credentials that are refused each end the command with one
     * line naming the URL (password masked) and where it was configured.
     */
    <T> T withMigrationDatabase(SleetConfig cfg, PrintStream out, Function<DataSource, T> work) {
        String target = cfg.migrationUrl().orElse(null);
        if (target != null) {
            return work.apply(connectable(target, cfg, migrationKey(cfg)));
        }
        try (ProjectDatabase db = ProjectDatabase.start(cfg.file().toAbsolutePath().getParent(), out)) {
            return work.apply(DatabaseUrl.parse(db.url()).dataSource());
        }
    }

    /**
     * Connects once to the configured migration database, so that a bad URL or a server that is down ends the
     * command with one line naming it. Does nothing for the embedded database.
     */
    void checkConnection(SleetConfig cfg) {
        cfg.migrationUrl().ifPresent(target -> connectable(target, cfg, migrationKey(cfg)));
    }

    /** The configuration key the migration URL comes from, or {@code null} when it is {@code --url}'s. */
    private String migrationKey(SleetConfig cfg) {
        return cfg.directUrl() != null ? "directUrl" : url != null ? null : "url";
    }

    /**
     * The data source of a configured URL, after one connection succeeded.
     *
     * @param key the configuration key the URL comes from, or {@code null} when it comes from {@code --url}
     */
    private static DataSource connectable(String url, SleetConfig cfg, String key) {
        ConnectionUrl parsed;
        DataSource ds;
        try {
            parsed = ConnectionUrl.parse(url);
            ds = DatabaseUrl.parse(url).dataSource();
        } catch (IllegalArgumentException e) {
            throw new ConfigException((key == null ? "--url" : cfg.file() + ": key '" + key + "'") + ": "
                    + e.getMessage());
        }
        String source = key == null ? "--url" : "key '" + key + "' in " + cfg.file();
        try (Connection ignored = ds.getConnection()) {
            return ds;
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            String reason = (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse(""))
                    + (state.isEmpty() ? "" : " [SQLSTATE " + state + "]");
            String who = "cannot connect to " + parsed.display()
                    + (parsed.user() == null ? "" : " as user '" + parsed.user() + "'") + ": " + reason;
            // 28xxx: the server refused the user or password; 3D000: no such database. Both are the URL's fault.
            if (state.startsWith("28") || state.equals("3D000")) {
                throw new ConfigException(who + "; check the user, password and database in " + source);
            }
            throw SleetException.connectionFailed(who + "; is the server running, and are host and port of "
                    + source + " right?", e);
        }
    }
}
