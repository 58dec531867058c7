package dev.sleet.cli;

import dev.sleet.cli.config.SchemaLoader;
import dev.sleet.cli.config.SleetConfig;
import dev.sleet.kit.diff.PossibleRename;
import dev.sleet.kit.generate.GenerateResult;
import dev.sleet.kit.generate.Generator;
import dev.sleet.kit.generate.RebaseResult;
import dev.sleet.kit.generate.RenamePrompt;
import dev.sleet.kit.migrate.MigrationFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code sleet generate}: writes the migration that takes the newest snapshot to the Java schema; with
 * {@code --custom} an empty migration for hand-written SQL; with {@code --rebase} re-generates the later of two
 * branches that generated from the same parent. On a terminal it asks about drops and adds that may be renames.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Write the migration from the newest snapshot to the schema declared in Java.",
            "",
            "A dropped and an added table or column that may be one renamed need a hint in the schema:"
                    + " renamedFrom(\"old\"). On a terminal, generate asks instead; without one, with"
                    + " --no-interactive, or with the CI variable set, it fails naming the hint to add."})
final class GenerateCommand implements Callable<Integer> {

    private static final String DEFAULT_NAME = "migration";

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Option(names = "--name", paramLabel = "NAME",
            description = "the migration's name (default: " + DEFAULT_NAME + "); --rebase keeps the name of the"
                    + " migration it generates again")
    String name;

    @Option(names = "--allow-drops",
            description = "write a drop and an add that may be a rename as a drop and an add (data is lost)")
    boolean allowDrops;

    @Option(names = "--custom",
            description = "write an empty migration for hand-written SQL (e.g. a data migration), marked"
                    + " '-- sleet:custom'; its snapshot is the newest one, and check does not compare its SQL")
    boolean custom;

    @Option(names = "--adopt-schema",
            description = "with --custom: the hand-written SQL brings the database to the schema declared in Java;"
                    + " record that schema in the migration's snapshot (e.g. to remove an enum value)")
    boolean adoptSchema;

    @Option(names = "--rebase",
            description = "after a merge of two branches that each generated a migration from the same parent:"
                    + " remove the later one (with the migrations after it) and generate it again on top of the"
                    + " other; custom migrations on that branch are moved")
    boolean rebase;

    @Option(names = "--safe",
            description = "write the forms that keep locks short on tables in use: lock_timeout first, foreign keys"
                    + " and checks NOT VALID then validated, SET NOT NULL through a validated check, indexes and"
                    + " unique constraints built CONCURRENTLY; several migrations where one would do")
    boolean safe;

    @Option(names = "--no-interactive", description = "never ask about possible renames; fail naming the hint")
    boolean noInteractive;

    private final Optional<Terminal> terminal;

    GenerateCommand() {
        this(Terminal.system());
    }

    GenerateCommand(Optional<Terminal> terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws IOException {
        String misuse = misuse();
        if (misuse != null) {
            System.err.println("sleet generate: " + misuse);
            return SleetCommand.USAGE;
        }
        SleetConfig config = project.load();
        if (custom) {
            return custom(config);
        }
        RenamePrompt prompt = noInteractive ? null : terminal.map(GenerateCommand::prompt).orElse(null);
        if (rebase) {
            return rebase(config, prompt);
        }
        GenerateResult result = Generator.generate(SchemaLoader.load(config), config.out(),
                name == null ? DEFAULT_NAME : name, allowDrops, Clock.systemUTC(), prompt, safe);
        if (result.nothingToDo()) {
            System.out.println("No changes: the schema matches the newest migration's snapshot.");
            return 0;
        }
        for (Path dir : result.migrations()) {
            System.out.println("wrote " + dir);
            System.out.println(upSql(dir));
        }
        printConfirmedRenames(result.confirmedRenames());
        List<String> written = result.migrations().stream().map(dir -> dir.getFileName().toString()).toList();
        CheckCommand.printLint(MigrationFolder.read(config.out()).migrations(), written::contains);
        return 0;
    }

    /** Options that contradict each other, or {@code null}; said before anything is read or written. */
    private String misuse() {
        if (custom && rebase) {
            return "--custom and --rebase cannot be combined: --rebase re-generates migrations, --custom writes a"
                    + " new, empty one";
        }
        if (adoptSchema && !custom) {
            return "--adopt-schema goes with --custom: sleet generate --custom --adopt-schema --name NAME";
        }
        if (custom && safe) {
            return "--safe has no effect with --custom, whose SQL you write; leave it out";
        }
        if (custom && allowDrops) {
            return "--allow-drops has no effect with --custom, which generates no changes; leave it out";
        }
        if (rebase && name != null) {
            return "--rebase keeps the name of the migration it generates again; leave out --name";
        }
        return null;
    }

    private int custom(SleetConfig config) throws IOException {
        GenerateResult result = adoptSchema
                ? Generator.custom(config.out(), name == null ? DEFAULT_NAME : name, SchemaLoader.load(config),
                Clock.systemUTC())
                : Generator.custom(config.out(), name == null ? DEFAULT_NAME : name, Clock.systemUTC());
        Path dir = result.migrations().get(0);
        System.out.println("wrote " + dir + " (custom)");
        System.out.println("  Write its SQL in " + dir.resolve(MigrationFolder.UP) + " and, to undo it, in "
                + dir.resolve(MigrationFolder.DOWN) + ", below the '-- sleet:custom' line.");
        System.out.println(adoptSchema
                ? "  Its snapshot.json records the schema declared in Java: the SQL must bring the database there."
                : "  Its snapshot.json is the newest migration's: the SQL should change data, not the schema.");
        return 0;
    }

    private int rebase(SleetConfig config, RenamePrompt prompt) throws IOException {
        RebaseResult result = Generator.rebase(SchemaLoader.load(config), config.out(), allowDrops,
                Clock.systemUTC(), prompt, safe);
        if (result.nothingToDo()) {
            System.out.println("Nothing to rebase: the migrations in " + config.out() + " form one chain.");
            return 0;
        }
        System.out.println("Rebased on " + result.onTopOf() + ", the newest migration of the other branch:");
        result.removed().forEach(dir -> System.out.println("removed " + dir));
        for (RebaseResult.Move move : result.moved()) {
            System.out.println(move.renumbered()
                    ? "moved   " + move.from() + " to " + move.to().getFileName() + " (custom)"
                    : "kept    " + move.to() + " (custom; its snapshot now follows the other branch)");
        }
        for (Path dir : result.written()) {
            System.out.println("wrote   " + dir);
            System.out.println(upSql(dir));
        }
        if (result.written().isEmpty() && !result.removed().isEmpty()) {
            System.out.println("Nothing written: the other branch already makes these changes.");
        }
        printConfirmedRenames(result.confirmedRenames());
        List<String> gone = result.idsGone();
        if (!gone.isEmpty()) {
            String how = result.rollbackTarget() == null
                    ? "roll back all of its migrations (sleet rollback --steps N)"
                    : "run sleet rollback --to " + result.rollbackTarget();
            System.err.println("warning: " + String.join(", ", gone) + (gone.size() == 1 ? " is" : " are")
                    + " no longer in the folder. A database that applied " + (gone.size() == 1 ? "it" : "them")
                    + " must roll back before it migrates, or the new migrations make the same changes again:"
                    + " sleet status there lists " + (gone.size() == 1 ? "it" : "them") + " as MISSING. With the"
                    + " folder as it was before this rebase (it is in version control), " + how + ", then migrate"
                    + " with this folder.");
        }
        return 0;
    }

    private static RenamePrompt prompt(Terminal terminal) {
        return candidate -> {
            String answer = terminal.readLine(RenamePrompt.question(candidate) + " [y/N] ");
            return answer != null && answer.strip().matches("(?i)y|yes");
        };
    }

    private static void printConfirmedRenames(List<PossibleRename> confirmed) {
        if (confirmed.isEmpty()) {
            return;
        }
        System.out.println("Written as renames, as you answered. Declare them in the schema, so that generating"
                + " again (on another branch, with --rebase, in CI) gives the same migration without asking:");
        confirmed.forEach(c -> System.out.println("  " + RenamePrompt.hintToAdd(c)));
    }

    private static String upSql(Path dir) throws IOException {
        return Files.readString(dir.resolve(MigrationFolder.UP)).strip().indent(2);
    }
}
