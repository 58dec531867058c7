package dev.sleet.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sleet demo} runs on an embedded PostgreSQL and prints its statements and results. */
// Swaps the global System.out and System.err: no other test class may run meanwhile.
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class DemoCommandTest {

    @Test
    void demoRunsEveryStepAndExitsZero() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            status = SleetCommand.execute("demo");
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(status).isZero();
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
}
