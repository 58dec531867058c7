package dev.sleet.cli;

import dev.sleet.cli.config.SleetConfig;
import dev.sleet.kit.migrate.MigrationStatus;
import dev.sleet.kit.migrate.Migrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code sleet status}: every migration with its state. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "List the migrations: applied, pending, changed, missing or failed.")
final class StatusCommand implements Callable<Integer> {

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Override
    public Integer call() {
        SleetConfig config = project.load();
        return project.withMigrationDatabase(config, System.out, ds -> {
            List<MigrationStatus> rows = Migrator.of(ds, config.out()).status();
            if (rows.isEmpty()) {
                System.out.println("No migrations in " + config.out());
            }
            for (MigrationStatus s : rows) {
                System.out.printf("%-8s %s_%s%s%n", s.state(), s.id(), s.name(),
                        s.appliedAt() == null ? "" : "  applied " + s.appliedAt());
            }
            return 0;
        });
    }
}
