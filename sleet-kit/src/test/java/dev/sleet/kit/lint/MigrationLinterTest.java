package dev.sleet.kit.lint;

import dev.sleet.kit.migrate.Migration;
import dev.sleet.kit.migrate.MigrationFolder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule fires on its risky statement and stays quiet on the safe form. */
class MigrationLinterTest {

    @TempDir
    Path folder;

    /** A rule, a statement that breaks it, and the safe way to write the same change. */
    record Case(LintRule rule, String risky, String safe) {
        @Override
        public String toString() {
            return rule.id();
        }
    }

    static Stream<Case> rules() {
        String timeout = "set local lock_timeout = '5s';\n";
        return Stream.of(
                new Case(LintRule.DROP_TABLE, timeout + "drop table \"old_events\";",
                        timeout + "alter table \"old_events\" rename to \"old_events_unused\";\n"
                                + "-- sleet:lint-ignore rename"),
                new Case(LintRule.DROP_COLUMN, timeout + "alter table \"users\" drop column \"nickname\";",
                        timeout + "comment on column \"users\".\"nickname\" is 'unused: drop in the next release';"),
                new Case(LintRule.COLUMN_TYPE, timeout + "ALTER TABLE users ALTER COLUMN age TYPE bigint USING age::bigint;",
                        timeout + "alter table \"users\" add column \"age_big\" bigint;"),
                new Case(LintRule.NOT_NULL, timeout + "alter table \"users\" alter column \"email\" set not null;",
                        timeout + "alter table \"users\" add constraint \"users_email_nn\" check (\"email\" is not null) "
                                + "not valid;\nalter table \"users\" validate constraint \"users_email_nn\";\n"
                                + "alter table \"users\" alter column \"email\" set not null;\n"
                                + "alter table \"users\" drop constraint \"users_email_nn\";"),
                new Case(LintRule.FOREIGN_KEY, timeout + "alter table \"posts\" add constraint \"posts_author_fk\" foreign "
                        + "key (\"author_id\") references \"users\" (\"id\");",
                        timeout + "alter table \"posts\" add constraint \"posts_author_fk\" foreign key (\"author_id\") "
                                + "references \"users\" (\"id\") not valid;\n"
                                + "alter table \"posts\" validate constraint \"posts_author_fk\";"),
                new Case(LintRule.CHECK, timeout + "alter table \"users\" add constraint \"age_ok\" check (age >= 0);",
                        timeout + "alter table \"users\" add constraint \"age_ok\" check (age >= 0) not valid;"),
                new Case(LintRule.INDEX, timeout + "create index \"users_email_idx\" on \"users\" using btree (\"email\");",
                        "-- sleet:no-transaction\ncreate index concurrently \"users_email_idx\" on \"users\" (\"email\");"),
                new Case(LintRule.RENAME, timeout + "alter table \"users\" rename column \"name\" to \"full_name\";",
                        timeout + "alter table \"users\" add column \"full_name\" text;"),
                new Case(LintRule.UNIQUE, timeout + "alter table \"users\" add constraint \"users_email_key\" unique "
                        + "(\"email\");", timeout + "alter table \"users\" add constraint \"users_email_key\" unique "
                        + "using index \"users_email_idx\";"),
                new Case(LintRule.ENUM_VALUE, "alter type \"mood\" add value 'meh';",
                        "-- sleet:no-transaction\nalter type \"mood\" add value 'meh';"),
                new Case(LintRule.LOCK_TIMEOUT, "alter table \"users\" add column \"bio\" text;",
                        timeout + "alter table \"users\" add column \"bio\" text;"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theRiskyFormIsFlaggedAndTheSafeFormIsNot(Case c) throws IOException {
        assertThat(rulesOf(write("20260101000000_risky", c.risky()))).contains(c.rule());
        assertThat(rulesOf(write("20260101000000_safe", c.safe()))).doesNotContain(c.rule());
    }

    @Test
    void aNotNullCheckValidatedByAnEarlierMigrationMakesSetNotNullSafe() throws IOException {
        Path root = folder.resolve("chain");
        writeIn(root, "20260101000001_check", "set local lock_timeout = '5s';\n"
                + "alter table \"users\" add constraint \"users_email_nn\" check ((email IS NOT NULL)) not valid;");
        writeIn(root, "20260101000002_validate", "set local lock_timeout = '5s';\n"
                + "alter table \"users\" validate constraint \"users_email_nn\";\n"
                + "alter table \"users\" alter column \"email\" set not null;\n"
                + "alter table \"users\" alter column \"name\" set not null;");
        List<Migration> migrations = MigrationFolder.read(root).migrations();

        // the column the validated check proves passes; one without a check does not
        assertThat(MigrationLinter.lint(migrations)).singleElement()
                .satisfies(f -> assertThat(f.rule()).isEqualTo(LintRule.NOT_NULL))
                .satisfies(f -> assertThat(f.sql()).contains("\"name\""));
        // linted alone, the second migration cannot see the check
        assertThat(MigrationLinter.lint(migrations.get(1))).hasSize(2);
    }

    @Test
    void statementsOnATableTheMigrationCreatesAreNotFlagged() throws IOException {
        Migration m = write("20260101000000_new", "create table \"app\".\"t\" (\"id\" bigint, \"n\" int);\n"
                + "alter table \"app\".\"t\" add constraint \"t_pkey\" primary key (\"id\");\n"
                + "alter table app.t alter column n set not null;\n"
                + "create index \"t_n_idx\" on \"app\".\"t\" using btree (\"n\");\n"
                + "alter table \"app\".\"t\" add constraint \"t_n_check\" check (n > 0);");

        assertThat(MigrationLinter.lint(m)).isEmpty();
    }

    @Test
    void anIgnoreCommentSilencesItsRulesInItsFileOnly() throws IOException {
        Migration m = write("20260101000000_ignored", "-- sleet:lint-ignore drop-column, lock-timeout\n"
                + "alter table \"users\" drop column \"nickname\";\nalter table \"users\" rename to \"people\";");

        assertThat(rulesOf(m)).containsExactly(LintRule.RENAME);
    }

    @Test
    void aFindingNamesTheFileLineRuleAndTheSaferWay() throws IOException {
        Migration m = write("20260101000000_drop", "set lock_timeout = '5s';\n\ndrop table \"events\";");

        LintFinding f = MigrationLinter.lint(m).get(0);

        assertThat(f.line()).isEqualTo(3);
        assertThat(f.toString()).startsWith(m.upFile() + ":3: drop-table: dropping a table deletes its rows")
                .contains("[drop table \"events\"]").contains("Safer: stop reading and writing the table");
    }

    @Test
    void wordsInsideLiteralsAndCommentsDoNotCount() throws IOException {
        Migration m = write("20260101000000_quiet", "set local lock_timeout = '1s';\n"
                + "comment on table \"users\" is 'we drop table rows here; set not null later';\n"
                + "/* drop column x */ select 1;");

        assertThat(MigrationLinter.lint(m)).isEmpty();
    }

    private Migration write(String dir, String up) throws IOException {
        Path root = folder.resolve(dir.substring(15));
        Path d = root.resolve(dir);
        Files.createDirectories(d);
        Files.writeString(d.resolve("up.sql"), up + "\n");
        return MigrationFolder.read(root).migrations().get(0);
    }

    private static void writeIn(Path root, String dir, String up) throws IOException {
        Path d = root.resolve(dir);
        Files.createDirectories(d);
        Files.writeString(d.resolve("up.sql"), up + "\n");
    }

    private static List<LintRule> rulesOf(Migration m) {
        return MigrationLinter.lint(m).stream().map(LintFinding::rule).toList();
    }
}
