package dev.sleet.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Optional;

/**
 * The {@code sleet} command. Exit status: 0 done, 1 failed, 2 bad usage or configuration.
 */
@Command(name = "sleet", mixinStandardHelpOptions = true, versionProvider = SleetCommand.Version.class,
        description = "Sleet: type-safe PostgreSQL for Java.",
        subcommands = {DemoCommand.class, GenerateCommand.class, MigrateCommand.class, RollbackCommand.class,
                PushCommand.class, PullCommand.class,
                StatusCommand.class, CheckCommand.class, RepairCommand.class, BaselineCommand.class, BranchCommand.class,
                CommandLine.HelpCommand.class})
public final class SleetCommand implements Runnable {

    /** Exit status of a failed command. */
    static final int FAILED = 1;
    /** Exit status of bad usage or configuration. */
    static final int USAGE = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs the command line and returns the exit status (for tests).
     *
     * @param args the arguments
     * @return the exit status
     */
    public static int execute(String... args) {
        return execute(Terminal.system(), args);
    }

    /**
     * Runs the command line with a given terminal, or none, for the commands that ask (for tests).
     *
     * @param terminal who answers questions, or empty when no one can
     * @param args     the arguments
     * @return the exit status
     */
    static int execute(Optional<Terminal> terminal, String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == GenerateCommand.class) {
                    return type.cast(new GenerateCommand(terminal));
                }
                if (type == PushCommand.class) {
                    return type.cast(new PushCommand(terminal));
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine cli = new CommandLine(new SleetCommand(), factory);
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE : FAILED);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // One line that names the problem; the stack trace only when asked for.
            commandLine.getErr().println(Style.bad("sleet:") + " "
                    + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (e instanceof dev.sleet.cli.config.ConfigException) {
                return USAGE;
            }
            if (System.getenv("SLEET_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            return FAILED;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required, e.g. sleet demo");
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SleetCommand.class.getPackage().getImplementationVersion();
            return new String[] {"sleet " + (v == null ? "development build" : v)};
        }
    }
}
