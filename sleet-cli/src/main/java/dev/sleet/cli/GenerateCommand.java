package dev.sleet.cli;

import dev.sleet.cli.config.SchemaLoader;
import dev.sleet.cli.config.SleetConfig;
import dev.sleet.kit.generate.GenerateResult;
import dev.sleet.kit.generate.Generator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code sleet generate}: writes the migration that takes the newest snapshot to the Java schema. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write the migration from the newest snapshot to the schema declared in Java.")
final class GenerateCommand implements Callable<Integer> {

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Option(names = "--name", paramLabel = "NAME", description = "the migration's name (default: migration)")
    String name = "migration";

    @Option(names = "--allow-drops", description = "write drops and adds that may be renames as they are")
    boolean allowDrops;

    @Override
    public Integer call() throws Exception {
        SleetConfig config = project.load();
        GenerateResult result = Generator.generate(SchemaLoader.load(config), config.out(), name, allowDrops,
                Clock.systemUTC());
        if (result.nothingToDo()) {
            System.out.println("No changes: the schema matches the newest migration's snapshot.");
            return 0;
        }
        for (Path dir : result.migrations()) {
            System.out.println("wrote " + dir);
            System.out.println(Files.readString(dir.resolve("up.sql")).strip().indent(2));
        }
        return 0;
    }
}
