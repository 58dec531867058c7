package dev.sleet.cli;

import dev.sleet.cli.config.SleetConfig;
import dev.sleet.kit.check.FolderCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code sleet check}: the migrations folder is consistent; exit 1 listing each problem otherwise. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check the migrations folder: snapshots parse, parents chain, up.sql matches the snapshots.")
final class CheckCommand implements Callable<Integer> {

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Override
    public Integer call() {
        SleetConfig config = project.load();
        List<String> problems = FolderCheck.check(config.out());
        if (problems.isEmpty()) {
            System.out.println("The migrations in " + config.out() + " are consistent.");
            return 0;
        }
        problems.forEach(p -> System.err.println("sleet: " + p));
        return SleetCommand.FAILED;
    }
}
