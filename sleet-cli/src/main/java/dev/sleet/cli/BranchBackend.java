package dev.sleet.cli;

import dev.sleet.cli.config.ConfigException;
import dev.sleet.cli.config.SleetConfig;
import dev.sleet.kit.branch.Branches;
import dev.sleet.kit.branch.LocalBranches;
import dev.sleet.kit.branch.NeonBranches;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;

/**
 * The branches a project's commands work on: Neon branches when the configuration names {@code neon.projectId},
 * else databases on the server of the migration URL (the direct one), or of the project's embedded database.
 */
final class BranchBackend {

    private BranchBackend() {
    }

    /**
     * How long to wait for other sessions, and whether to end them (local branches only).
     *
     * @param waitFor how long to wait for other sessions of a database to be copied or dropped
     * @param force   terminate them after the wait
     */
    record Sessions(Duration waitFor, boolean force) {
    }

    /**
     * Runs work with the project's branches.
     *
     * @param project  the project options
     * @param cfg      the configuration
     * @param sessions how to treat other sessions
     * @param out      where progress goes
     * @param work     the work
     * @param <T>      what it returns
     * @return what the work returned
     */
    static <T> T with(ProjectOptions project, SleetConfig cfg, Sessions sessions, PrintStream out,
                      Function<Branches, T> work) {
        if (cfg.neon() != null) {
            return work.apply(neon(cfg, out));
        }
        String direct = cfg.migrationUrl().orElse(null);
        if (direct != null) {
            project.checkConnection(cfg);
            LocalBranches.Builder local = LocalBranches.of(direct);
            if (cfg.directUrl() != null && cfg.url() != null) {
                local.pooledUrl(cfg.url());
            }
            return work.apply(local.waitFor(sessions.waitFor()).force(sessions.force()).progress(out::println)
                    .build());
        }
        try (ProjectDatabase db = ProjectDatabase.start(cfg.file().toAbsolutePath().getParent(), out)) {
            return work.apply(LocalBranches.of(db.url()).waitFor(sessions.waitFor()).force(sessions.force())
                    .progress(out::println).build());
        }
    }

    private static Branches neon(SleetConfig cfg, PrintStream out) {
        SleetConfig.Neon neon = cfg.neon();
        if (neon.apiKey() == null) {
            throw new ConfigException(cfg.file() + ": key 'neon.projectId' makes branches Neon branches, which need "
                    + "an API key in the environment variable NEON_API_KEY (or in .env next to the configuration);"
                    + " it is not set");
        }
        NeonBranches.Builder builder = NeonBranches.builder(neon.projectId()).apiKey(neon.apiKey())
                .progress(out::println);
        if (neon.apiUrl() != null) {
            try {
                builder.apiUrl(URI.create(neon.apiUrl()));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(cfg.file() + ": key 'neon.apiUrl': " + e.getMessage());
            }
        }
        if (neon.database() != null) {
            builder.database(neon.database());
        }
        if (neon.role() != null) {
            builder.role(neon.role());
        }
        return builder.build();
    }
}
