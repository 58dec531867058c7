package dev.sleet.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sleet demo} runs on an embedded PostgreSQL: the migrations loop on the SaaS example, then the query
 * tour on the blog example, printing their statements and results.
 */
// Swaps the global System.out and System.err: no other test class may run meanwhile.
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class DemoCommandTest {

    private static int status;
    private static String out;

    /** Runs the demo once: it starts a server, so every test reads the same output. */
    @BeforeAll
    static void runDemo() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            status = SleetCommand.execute("demo");
        } finally {
            System.setOut(original);
        }
        out = captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void demoExitsZeroWithMigrationsBeforeQueries() {
        assertThat(status).as(out).isZero();
        assertThat(out.indexOf("Part 1 of 2: migrations")).isNotNegative()
                .isLessThan(out.indexOf("Part 2 of 2: queries"));
    }

    @Test
    void migrationsLoopGeneratesMigratesRollsBackOneAndLeavesItPending() {
        assertThat(out)
                .containsPattern("wrote \\d{14}_create_saas/  up.sql  down.sql  snapshot.json")
                .contains("create table \"tenants\"")
                .containsPattern("applied \\d{14}_create_saas \\(\\d+ ms\\)");

        String second = find("wrote (\\d{14})_comments_and_archive/  up.sql  down.sql  snapshot.json");
        assertThat(out)
                .contains("create table \"comments\"")
                .contains("alter table \"projects\" add column \"archived_at\" timestamptz")
                .contains("create index \"projects_active_idx\" on \"projects\"")
                .contains("alter table \"projects\" drop column \"archived_at\"")   // its down.sql
                .containsPattern("created branch sleet_verify_\\w+ from saas")
                .contains("rolled back " + second + "_comments_and_archive", "applied again " + second)
                .containsPattern("deleted branch sleet_verify_\\w+")
                .contains("applied " + second + "_comments_and_archive (")
                .containsPattern("(?m)^  rolled back " + second + "$")
                .containsPattern("(?m)^  APPLIED  \\d{14}_create_saas  applied \\S+$")
                .containsPattern("(?m)^  PENDING  " + second + "_comments_and_archive$");
        assertThat(Pattern.compile("(?m)^  (APPLIED|PENDING|CHANGED|MISSING|FAILED) ").matcher(out).results().count())
                .as("status lines").isEqualTo(2);
    }

    @Test
    void migrationsFolderIsRemovedAfterTheLoop() {
        Path folder = Path.of(find("Migrations are written to (\\S+) \\(removed at the end\\)"));
        assertThat(folder).doesNotExist();
    }

    @Test
    void queryTourRunsEveryStep() {
        assertThat(out)
                .contains("create table \"users\"")
                .contains("Hello, Sleet")
                .contains("on conflict (\"email\") do update set \"name\" = excluded.\"name\"")
                .contains("Robert")
                .contains("Bob has 2 posts after commit")
                .contains("users left: 2, posts left: 5")
                .doesNotContain("ann@example.com\" already exists");
    }

    @Test
    void unknownCommandIsBadUsage() {
        assertThat(SleetCommand.execute("no-such-command")).isEqualTo(SleetCommand.USAGE);
    }

    @Test
    void noCommandIsBadUsage() {
        assertThat(SleetCommand.execute()).isEqualTo(SleetCommand.USAGE);
    }

    /** The first group of the first match of {@code regex} in the demo's output. */
    private static String find(String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        assertThat(m.find()).as("output matching %s in:%n%s", regex, out).isTrue();
        return m.group(1);
    }
}
