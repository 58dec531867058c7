package dev.sleet.cli;

import java.io.Console;
import java.util.Locale;
import java.util.Optional;

/**
 * The person at the keyboard, for a command that asks before it decides something a guess could get wrong
 * ({@code generate} asking whether a drop and an add are a rename). Tests give a command a terminal of their
 * own; {@link #system()} is the process's.
 */
interface Terminal {

    /**
     * Shows a prompt and reads the answer.
     *
     * @param prompt the question, with the answer choices
     * @return the line typed, or {@code null} at the end of input
     */
    String readLine(String prompt);

    /**
     * The process's terminal: absent when input or output is redirected ({@link System#console()} is
     * {@code null}), and when the {@code CI} environment variable is set to anything but {@code false} or
     * {@code 0}, since some CI runners attach a pseudo-terminal that no one watches.
     *
     * @return the terminal, if a person can answer
     */
    static Optional<Terminal> system() {
        Console console = System.console();
        String ci = System.getenv("CI");
        boolean inCi = ci != null && !ci.isBlank() && !ci.strip().toLowerCase(Locale.ROOT).matches("false|0");
        if (console == null || inCi) {
            return Optional.empty();
        }
        // "%s": the prompt holds table names, and readLine takes a format string
        return Optional.of(prompt -> console.readLine("%s", prompt));
    }
}
