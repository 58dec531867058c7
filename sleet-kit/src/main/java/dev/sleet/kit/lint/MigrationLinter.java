package dev.sleet.kit.lint;

import dev.sleet.internal.SqlLexer;
import dev.sleet.kit.migrate.Migration;
import dev.sleet.kit.migrate.SqlStatement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a migration's {@code up.sql} for operations that are risky on a busy production table (see
 * {@link LintRule}). Statements on a table the same migration creates are not flagged: the table is new and
 * empty. A line {@code -- sleet:lint-ignore RULE[, RULE...]} anywhere in the file silences those rules for the
 * file.
 *
 * <pre>{@code
 * for (LintFinding f : MigrationLinter.lint(migration)) {
 *     System.out.println(f);
 * }
 * }</pre>
 *
 * <p>{@link #lint(List)} lints a folder's migrations in order and remembers across them what makes a later
 * statement safe: a {@code SET NOT NULL} is safe once a {@code CHECK (col IS NOT NULL)} on that column has been
 * validated, in the same migration or an earlier one (PostgreSQL 12+ then skips the scan).
 *
 * <p>The linter reads statements by their shape (keywords outside literals, comments and quoted names), not
 * with a full SQL parser; it is written for the statements migrations hold.
 */
public final class MigrationLinter {

    private static final Pattern IGNORE = Pattern.compile("(?im)^\\s*--\\s*sleet:lint-ignore\\s+([a-z0-9, \\-]+)$");
    private static final String NAME = "((?:\"[^\"]*\"|[a-z_][a-z0-9_$]*)(?:\\.(?:\"[^\"]*\"|[a-z_][a-z0-9_$]*))?)";
    private static final Pattern CREATE_TABLE =
            Pattern.compile("^create (?:unlogged |temp |temporary )?table (?:if not exists )?" + NAME);
    private static final Pattern ALTER_TABLE =
            Pattern.compile("^alter table (?:if exists )?(?:only )?" + NAME);
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "^create (?:unique )?index (concurrently )?(?:if not exists )?(?:" + NAME + " )?on (?:only )?" + NAME);
    private static final Pattern DROP_INDEX = Pattern.compile("^drop index (concurrently )?");
    private static final Pattern NOT_NULL_CHECK = Pattern.compile(
            " add constraint (\\S+) check \\(+(\\S+?) is not null\\)+( not valid)?");
    private static final Pattern VALIDATE = Pattern.compile(" validate constraint (\\S+)");
    private static final Pattern SET_NOT_NULL = Pattern.compile(" alter (?:column )?(\\S+) set not null");
    private static final Pattern SET_LOCK_TIMEOUT = Pattern.compile("^set (?:local )?lock_timeout\\b");
    private static final int SHOWN = 100;

    private MigrationLinter() {
    }

    /**
     * Lints a migration's {@code up.sql}.
     *
     * @param migration the migration, as the migrations folder read it
     * @return the findings, in statement order
     */
    public static List<LintFinding> lint(Migration migration) {
        return lint(migration, new Proofs());
    }

    /**
     * Lints the {@code up.sql} of migrations in the order they run, remembering the not-null checks validated
     * by earlier ones (see the class comment).
     *
     * @param migrations the migrations, as {@link dev.sleet.kit.migrate.MigrationFolder#read} lists them
     * @return the findings, migration by migration, in statement order
     */
    public static List<LintFinding> lint(List<Migration> migrations) {
        Proofs proofs = new Proofs();
        List<LintFinding> out = new ArrayList<>();
        for (Migration m : migrations) {
            out.addAll(lint(m, proofs));
        }
        return out;
    }

    private static List<LintFinding> lint(Migration migration, Proofs proofs) {
        Set<LintRule> ignored = ignoredRules(read(migration));
        Set<String> newTables = new HashSet<>();
        List<LintFinding> out = new ArrayList<>();
        boolean lockTimeoutSet = false;
        boolean lockTimeoutReported = false;
        for (SqlStatement s : migration.up()) {
            String shape = shape(s.sql());
            Set<LintRule> found = EnumSet.noneOf(LintRule.class);
            Matcher created = CREATE_TABLE.matcher(shape);
            if (created.find()) {
                newTables.add(unquoted(created.group(1)));
                continue;
            }
            if (SET_LOCK_TIMEOUT.matcher(shape).find()) {
                lockTimeoutSet = true;
                continue;
            }
            boolean locks = false;
            Matcher alter = ALTER_TABLE.matcher(shape);
            if (alter.find() && !newTables.contains(unquoted(alter.group(1)))) {
                String table = unquoted(alter.group(1));
                proofs.read(table, shape);
                locks = alterTable(shape, found);
                if (found.contains(LintRule.NOT_NULL) && !shape.contains(" add ") && proofs.allProven(table, shape)) {
                    found.remove(LintRule.NOT_NULL);
                }
            } else if (shape.startsWith("drop table ")) {
                found.add(LintRule.DROP_TABLE);
                locks = true;
            } else if (shape.startsWith("alter type ") && shape.contains(" add value ") && migration.transactional()) {
                found.add(LintRule.ENUM_VALUE);
            } else {
                Matcher index = CREATE_INDEX.matcher(shape);
                if (index.find() && index.group(1) == null && !newTables.contains(unquoted(index.group(3)))) {
                    found.add(LintRule.INDEX);
                    locks = true;
                } else {
                    Matcher drop = DROP_INDEX.matcher(shape);
                    if (drop.find() && drop.group(1) == null) {
                        found.add(LintRule.INDEX);
                        locks = true;
                    }
                }
            }
            if (locks && !lockTimeoutSet && !lockTimeoutReported) {
                found.add(LintRule.LOCK_TIMEOUT);
                lockTimeoutReported = true;
            }
            for (LintRule rule : found) {
                if (!ignored.contains(rule)) {
                    out.add(new LintFinding(rule, migration.upFile(), s.number(), s.line(), shorten(s.sql())));
                }
            }
        }
        return out;
    }

    /** The not-null checks seen so far, and the columns a validated one proves free of nulls. */
    private static final class Proofs {

        /** table, then constraint, to the column its check proves not null */
        private final Map<String, Map<String, String>> checks = new HashMap<>();
        /** table + NUL + column */
        private final Set<String> proven = new HashSet<>();

        void read(String table, String shape) {
            Matcher check = NOT_NULL_CHECK.matcher(shape);
            while (check.find()) {
                String column = unquoted(check.group(2));
                if (check.group(3) == null) {
                    proven.add(table + '\0' + column);
                } else {
                    checks.computeIfAbsent(table, t -> new HashMap<>()).put(unquoted(check.group(1)), column);
                }
            }
            Matcher validate = VALIDATE.matcher(shape);
            while (validate.find()) {
                String column = checks.getOrDefault(table, Map.of()).get(unquoted(validate.group(1)));
                if (column != null) {
                    proven.add(table + '\0' + column);
                }
            }
        }

        /** Whether every {@code SET NOT NULL} of the statement is on a column a validated check proves. */
        boolean allProven(String table, String shape) {
            Matcher set = SET_NOT_NULL.matcher(shape);
            boolean any = false;
            while (set.find()) {
                any = true;
                if (!proven.contains(table + '\0' + unquoted(set.group(1)))) {
                    return false;
                }
            }
            return any;
        }
    }

    /** The rules an {@code ALTER TABLE} on an existing table breaks; returns whether it takes a strong lock. */
    private static boolean alterTable(String shape, Set<LintRule> found) {
        if (shape.contains(" drop column ")) {
            found.add(LintRule.DROP_COLUMN);
        }
        if (shape.contains(" rename ")) {
            found.add(LintRule.RENAME);
        }
        if (Pattern.compile(" alter (?:column )?\\S+ (?:set data )?type ").matcher(shape).find()) {
            found.add(LintRule.COLUMN_TYPE);
        }
        if (shape.contains(" set not null")
                || (shape.contains(" add column ") || shape.matches("^alter table \\S+ add (?!constraint )\\S+ .*"))
                && shape.contains(" not null") && !shape.contains(" default ")
                && !shape.contains(" generated ")) {
            found.add(LintRule.NOT_NULL);
        }
        boolean notValid = shape.contains(" not valid");
        if (shape.contains(" foreign key ") && !notValid) {
            found.add(LintRule.FOREIGN_KEY);
        }
        if (Pattern.compile(" add constraint \\S+ check ").matcher(shape).find() && !notValid) {
            found.add(LintRule.CHECK);
        }
        if (Pattern.compile(" add (?:constraint \\S+ )?(?:unique|primary key)").matcher(shape).find()
                && !shape.contains(" using index ")) {
            found.add(LintRule.UNIQUE);
        }
        // every ALTER TABLE form but VALIDATE CONSTRAINT takes a lock that queues other queries
        return !shape.contains(" validate constraint ");
    }

    /**
     * The statement as the rules read it: lower-case keywords with single spaces, string literals as
     * {@code ''}, comments dropped, quoted names kept as written.
     */
    static String shape(String sql) {
        StringBuilder out = new StringBuilder();
        for (SqlLexer.Segment segment : SqlLexer.segments(sql)) {
            String text = segment.text();
            if (segment.code()) {
                out.append(text.toLowerCase(Locale.ROOT));
            } else if (text.startsWith("\"")) {
                out.append(text);
            } else if (text.startsWith("--") || text.startsWith("/*")) {
                out.append(' ');
            } else {
                out.append("''");
            }
        }
        return out.toString().replaceAll("\\s+", " ").replace("( ", "(").strip() + " ";
    }

    /** {@code "app"."t"} and {@code app.t} name the same table here; quoted names kept their case in the shape. */
    private static String unquoted(String name) {
        return name.replace("\"", "");
    }

    private static Set<LintRule> ignoredRules(String text) {
        Set<LintRule> out = EnumSet.noneOf(LintRule.class);
        Matcher m = IGNORE.matcher(text);
        while (m.find()) {
            for (String id : m.group(1).split("[,\\s]+")) {
                LintRule rule = LintRule.byId(id.strip());
                if (rule != null) {
                    out.add(rule);
                }
            }
        }
        return out;
    }

    private static String read(Migration migration) {
        try {
            return Files.readString(migration.upFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(migration.upFile() + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static String shorten(String sql) {
        String one = sql.replaceAll("\\s+", " ").strip();
        return one.length() <= SHOWN ? one : one.substring(0, SHOWN - 3) + "...";
    }
}
