package dev.sleet.cli;

import dev.sleet.cli.config.SleetConfig;
import dev.sleet.internal.exec.ConnectionUrl;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Option;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.nio.file.Path;
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
     * started for the work and stopped after it.
     */
    <T> T withMigrationDatabase(SleetConfig cfg, PrintStream out, Function<DataSource, T> work) {
        String target = cfg.migrationUrl().orElse(null);
        if (target != null) {
            return work.apply(dataSource(target));
        }
        try (ProjectDatabase db = ProjectDatabase.start(cfg.file().toAbsolutePath().getParent(), out)) {
            return work.apply(dataSource(db.url()));
        }
    }

    private static DataSource dataSource(String url) {
        ConnectionUrl parsed = ConnectionUrl.parse(url);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(parsed.jdbcUrl());
        if (parsed.user() != null) {
            ds.setUser(parsed.user());
        }
        if (parsed.password() != null) {
            ds.setPassword(parsed.password());
        }
        return ds;
    }
}
