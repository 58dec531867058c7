/**
 * The migration linter: flags statements that lock or rewrite a busy table, lose data or break running code,
 * each finding with a rule id, why it matters and the safe way to write it. {@code sleet generate} and
 * {@code sleet check} run it; {@code -- sleet:lint-ignore RULE} in a file silences a rule for that file.
 */
package dev.sleet.kit.lint;
