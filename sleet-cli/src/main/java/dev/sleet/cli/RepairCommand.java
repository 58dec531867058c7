package dev.sleet.cli;

import dev.sleet.cli.config.SleetConfig;
import dev.sleet.kit.migrate.Migrator;
import dev.sleet.kit.migrate.RepairResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code sleet repair}: accepts deliberately edited migration files (re-aligns their checksums) and clears
 * failed non-transactional steps so the next migrate resumes. It changes the history, so it asks first, on a
 * terminal, or needs {@code --yes}.
 */
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = "Accept edited migration files and clear failed steps (asks first, or --yes).")
final class RepairCommand implements Callable<Integer> {

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Option(names = "--yes", description = "do not ask")
    boolean yes;

    @Override
    public Integer call() {
        if (!yes) {
            Terminal terminal = Terminal.system().orElse(null);
            if (terminal == null) {
                System.err.println("sleet: repair changes the migration history; run it on a terminal to confirm, "
                        + "or pass --yes");
                return SleetCommand.USAGE;
            }
            String answer = terminal.readLine("Accept edited migration files and clear failed steps? [y/N] ");
            if (answer == null || !answer.strip().equalsIgnoreCase("y")) {
                System.out.println("Nothing changed.");
                return 0;
            }
        }
        SleetConfig config = project.load();
        return project.withMigrationDatabase(config, System.out, ds -> {
            RepairResult result = Migrator.of(ds, config.out()).repair();
            result.checksumsRealigned().forEach(id -> System.out.println("accepted the edited files of " + id));
            result.failuresCleared().forEach(id -> System.out.println("cleared the failed step of " + id));
            if (result.checksumsRealigned().isEmpty() && result.failuresCleared().isEmpty()) {
                System.out.println("Nothing to repair.");
            }
            return 0;
        });
    }
}
