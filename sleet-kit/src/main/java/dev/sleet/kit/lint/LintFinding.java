package dev.sleet.kit.lint;

import java.nio.file.Path;

/**
 * One risky statement.
 *
 * @param rule      the rule it breaks
 * @param file      the migration file
 * @param statement the statement's number in the file (1-based)
 * @param line      the line the statement starts on
 * @param sql       the statement, shortened for display
 */
public record LintFinding(LintRule rule, Path file, int statement, int line, String sql) {

    /**
     * Formats the finding as {@code file:line: rule-id: why. Safer: ...}.
     *
     * @return one line
     */
    @Override
    public String toString() {
        return file + ":" + line + ": " + rule.id() + ": " + rule.why() + " [" + sql + "]. Safer: " + rule.safe();
    }
}
