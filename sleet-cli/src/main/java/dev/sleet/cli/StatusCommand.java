package dev.sleet.cli;

import dev.sleet.cli.config.SleetConfig;
import dev.sleet.kit.introspect.Drift;
import dev.sleet.kit.introspect.DriftReport;
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
            System.out.println(driftLine(ds, config));
            return 0;
        });
    }

    /** One line on drift; status still answers when the comparison itself fails. */
    private static String driftLine(javax.sql.DataSource ds, SleetConfig config) {
        try {
            DriftReport report = Drift.check(ds, config.out());
            if (report.migrationId() == null) {
                return "drift:   not checked, no migration is applied";
            }
            return report.drifted()
                    ? Style.bad("drift:") + "   " + report.lines().size() + " difference"
                    + (report.lines().size() == 1 ? "" : "s") + " from " + report.migrationId()
                    + " ('sleet check --db' lists them)"
                    : "drift:   none since " + report.migrationId();
        } catch (RuntimeException e) {
            return "drift:   not checked: " + e.getMessage();
        }
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
