package dev.sleet.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One run of the {@code sleet} command in the test's JVM, with what it printed. It swaps the global
 * {@code System.out} and {@code System.err}, so a test class that uses it holds JUnit's
 * {@code Resources.SYSTEM_OUT} and {@code SYSTEM_ERR} locks.
 *
 * @param status the exit status
 * @param out    what it printed on standard output
 * @param err    what it printed on standard error
 */
record CliRun(int status, String out, String err) {

    /**
     * Runs the command with no terminal: nothing can be asked.
     *
     * @param args the arguments
     * @return the run
     */
    static CliRun sleet(String... args) {
        return sleet(Optional.empty(), args);
    }

    /**
     * Runs the command with a terminal that answers its questions, or none.
     *
     * @param terminal the terminal, or empty
     * @param args     the arguments
     * @return the run
     */
    static CliRun sleet(Optional<Terminal> terminal, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            status = SleetCommand.execute(terminal, args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new CliRun(status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }
}
