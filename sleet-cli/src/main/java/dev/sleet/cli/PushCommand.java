package dev.sleet.cli;

import dev.sleet.cli.config.SchemaLoader;
import dev.sleet.cli.config.SleetConfig;
import dev.sleet.kit.push.DataLoss;
import dev.sleet.kit.push.Push;
import dev.sleet.kit.push.PushPlan;
import dev.sleet.schema.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code sleet push}: applies the Java schema to the database directly, for development. Changes that lose
 * data are listed with their row counts and need {@code --force} (or a yes on a terminal).
 */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = "Apply the Java schema to the database directly, without migration files (development).")
final class PushCommand implements Callable<Integer> {

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Option(names = "--force", description = "apply changes that lose data without asking")
    boolean force;

    @Option(names = "--dry-run", description = "print the SQL and what it would lose; change nothing")
    boolean dryRun;

    private final Optional<Terminal> terminal;

    PushCommand(Optional<Terminal> terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        SleetConfig config = project.load();
        Schema schema = SchemaLoader.load(config);
        return project.withMigrationDatabase(config, System.out, ds -> {
            PushPlan plan = Push.plan(ds, schema);
            if (plan.nothingToDo()) {
                System.out.println("Nothing to push: the database matches the schema.");
                return 0;
            }
            plan.statements().forEach(s -> System.out.println(s + ";"));
            for (DataLoss loss : plan.losses()) {
                System.out.println(Style.bad("loses data:") + " " + loss);
            }
            if (dryRun) {
                System.out.println("Dry run: nothing was changed.");
                return 0;
            }
            if (!plan.losses().isEmpty() && !force) {
                String question = plan.losses().size() + " change" + (plan.losses().size() == 1 ? "" : "s")
                        + " above lose data. Apply anyway? [y/N] ";
                String answer = terminal.map(t -> t.readLine(question)).orElse(null);
                if (answer == null || !answer.strip().equalsIgnoreCase("y")) {
                    System.err.println("sleet: push stopped: " + plan.losses().size() + " change"
                            + (plan.losses().size() == 1 ? " loses" : "s lose") + " data and nothing was changed; "
                            + "run 'sleet push --force' to apply them");
                    return SleetCommand.FAILED;
                }
            }
            int statements = Push.apply(ds, plan);
            System.out.println(Style.ok("pushed") + " " + statements + " statement" + (statements == 1 ? "" : "s")
                    + " in one transaction");
            return 0;
        });
    }
}
