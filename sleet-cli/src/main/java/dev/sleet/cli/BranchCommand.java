package dev.sleet.cli;

import dev.sleet.cli.config.SleetConfig;
import dev.sleet.kit.branch.Branch;
import dev.sleet.kit.branch.BranchOptions;
import dev.sleet.kit.branch.Branches;
import dev.sleet.kit.branch.Sizes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code sleet branch create|list|url|reset|delete}: throwaway copies of the database to try migrations on. On
 * Neon ({@code neon.projectId} configured) they are Neon branches; anywhere else, databases created from the
 * parent as a template on the same server.
 */
@Command(name = "branch", mixinStandardHelpOptions = true,
        description = "Create, list, reset and delete branches of the database.",
        subcommands = {BranchCommand.Create.class, BranchCommand.ListBranches.class, BranchCommand.Url.class,
                BranchCommand.Reset.class, BranchCommand.Delete.class})
final class BranchCommand implements Runnable {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a branch command is required: create, list, url, reset or delete");
    }

    /** The options of commands that copy or drop a database. */
    static final class SessionOptions {
        @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "10",
                description = "local branches: how long to wait for other sessions of a database to be copied or "
                        + "dropped (default: ${DEFAULT-VALUE})")
        long waitSeconds = 10;

        @Option(names = "--force", description = "local branches: terminate the other sessions after the wait")
        boolean force;

        BranchBackend.Sessions sessions() {
            return new BranchBackend.Sessions(Duration.ofSeconds(Math.max(0, waitSeconds)), force);
        }
    }

    /** Runs work with the project's branches. */
    private static int with(ProjectOptions project, SessionOptions sessions, Function<Branches, Integer> work) {
        SleetConfig config = project.load();
        return BranchBackend.with(project, config, sessions.sessions(), System.out, work);
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a branch of the database.")
    static final class Create implements Callable<Integer> {
        @Mixin
        ProjectOptions project = new ProjectOptions();
        @Mixin
        SessionOptions sessions = new SessionOptions();
        @Parameters(paramLabel = "NAME", description = "the new branch's name")
        String name;
        @Option(names = "--from", paramLabel = "PARENT",
                description = "the branch to copy (default: the configured database, or Neon's default branch)")
        String from;
        @Option(names = "--schema-only", description = "copy the schema, not the rows (local branches keep the migration "
                + "history; Neon's schema-only branches start without it)")
        boolean schemaOnly;

        @Override
        public Integer call() {
            return with(project, sessions, branches -> {
                Branch b = branches.create(name, new BranchOptions(from, schemaOnly));
                System.out.println(Style.ok("created") + " branch " + b.name() + " from "
                        + (b.parent() != null ? b.parent() : from != null ? from : "the default branch")
                        + (b.schemaOnly() ? " (schema only)" : "")
                        + (b.size().isPresent() ? ", " + Sizes.human(b.size().getAsLong()) : ""));
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the branches.")
    static final class ListBranches implements Callable<Integer> {
        @Mixin
        ProjectOptions project = new ProjectOptions();

        @Override
        public Integer call() {
            return with(project, new SessionOptions(), branches -> {
                print(System.out, branches.list());
                return 0;
            });
        }
    }

    @Command(name = "url", mixinStandardHelpOptions = true,
            description = "Print a connection URL of a branch (it holds the password when the backend gives one).")
    static final class Url implements Callable<Integer> {
        @Mixin
        ProjectOptions project = new ProjectOptions();
        @Parameters(paramLabel = "NAME", description = "the branch")
        String name;
        @Option(names = "--pooled", description = "the pooled URL, for applications (default: the direct one, for"
                + " migrations)")
        boolean pooled;

        @Override
        public Integer call() {
            return with(project, new SessionOptions(), branches -> {
                System.out.println(branches.url(name, pooled));
                return 0;
            });
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = "Reset a branch to its parent's current state; its own changes are lost.")
    static final class Reset implements Callable<Integer> {
        @Mixin
        ProjectOptions project = new ProjectOptions();
        @Mixin
        SessionOptions sessions = new SessionOptions();
        @Parameters(paramLabel = "NAME", description = "the branch")
        String name;

        @Override
        public Integer call() {
            return with(project, sessions, branches -> {
                Branch b = branches.reset(name);
                System.out.println(Style.warn("reset") + " branch " + b.name() + " to the current state of "
                        + b.parent());
                return 0;
            });
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a branch and its data.")
    static final class Delete implements Callable<Integer> {
        @Mixin
        ProjectOptions project = new ProjectOptions();
        @Mixin
        SessionOptions sessions = new SessionOptions();
        @Parameters(paramLabel = "NAME", description = "the branch")
        String name;

        @Override
        public Integer call() {
            return with(project, sessions, branches -> {
                branches.delete(name);
                System.out.println(Style.warn("deleted") + " branch " + name);
                return 0;
            });
        }
    }

    /** One line per branch: name, parent, created, size. */
    static void print(PrintStream out, List<Branch> branches) {
        if (branches.isEmpty()) {
            out.println("No branches yet: sleet branch create NAME makes one.");
            return;
        }
        int nameWidth = Math.max(4, branches.stream().mapToInt(b -> b.name().length()).max().orElse(0));
        int parentWidth = Math.max(6, branches.stream()
                .mapToInt(b -> b.parent() == null ? 1 : b.parent().length()).max().orElse(0));
        String format = "%-" + nameWidth + "s  %-" + parentWidth + "s  %-20s  %s%n";
        out.printf(format, "name", "parent", "created", "size");
        for (Branch b : branches) {
            out.printf(format, b.name(), b.parent() == null ? "-" : b.parent(), CREATED.format(b.createdAt()),
                    (b.size().isPresent() ? Sizes.human(b.size().getAsLong()) : "-") + (b.schemaOnly() ? " (schema only)"
                            : ""));
        }
    }
}
