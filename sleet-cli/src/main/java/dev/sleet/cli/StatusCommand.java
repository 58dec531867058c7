package dev.sleet.cli;

import dev.sleet.cli.config.SleetConfig;
import dev.sleet.kit.migrate.MigrationState;
import dev.sleet.kit.migrate.MigrationStatus;
import dev.sleet.kit.migrate.Migrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;
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
            print(System.out, "", rows);
            return 0;
        });
    }

    /**
     * Prints one line per migration: state, directory name, when it was applied, and for a changed, missing or
     * failed one what is wrong. {@code sleet demo} prints its status through this too, so that it shows what
     * {@code sleet status} would.
     */
    static void print(PrintStream out, String indent, List<MigrationStatus> rows) {
        for (MigrationStatus s : rows) {
            String state = String.format("%-8s", s.state());
            state = switch (s.state()) {
                case APPLIED -> Style.ok(state);
                case PENDING -> Style.warn(state);
                default -> Style.bad(state);
            };
            boolean trouble = s.state() != MigrationState.APPLIED && s.state() != MigrationState.PENDING;
            out.printf("%s%s %s_%s%s%s%n", indent, state, s.id(), s.name(),
                    s.appliedAt() == null ? "" : "  applied " + s.appliedAt(),
                    trouble && !s.detail().isEmpty() ? "  (" + s.detail() + ")" : "");
        }
    }
}
