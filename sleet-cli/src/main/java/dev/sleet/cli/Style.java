package dev.sleet.cli;

import picocli.CommandLine;

/**
 * Colours for the command's output: on a terminal only, as picocli detects it (no console, a {@code dumb}
 * terminal, {@code NO_COLOR} or {@code -Dpicocli.ansi=false} give plain text), so piped output and CI logs stay
 * plain and tests see plain text.
 */
final class Style {

    private static final String RESET = "\u001B[0m";

    private Style() {
    }

    /** Something done: an applied migration, a healthy state. */
    static String ok(String text) {
        return paint("\u001B[32m", text);
    }

    /** Something waiting or undone: a pending migration, a rollback. */
    static String warn(String text) {
        return paint("\u001B[33m", text);
    }

    /** Something wrong: a failed, changed or missing migration, an error. */
    static String bad(String text) {
        return paint("\u001B[31m", text);
    }

    private static String paint(String code, String text) {
        return CommandLine.Help.Ansi.AUTO.enabled() ? code + text + RESET : text;
    }
}
