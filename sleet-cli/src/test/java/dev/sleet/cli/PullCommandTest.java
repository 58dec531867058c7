package dev.sleet.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sleet pull} on a project's embedded database. */
// Swaps the global System.out and System.err: no other test class may run meanwhile.
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class PullCommandTest {

    private record Run(int status, String out, String err) {
    }

    private static Run sleet(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            status = SleetCommand.execute(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Run(status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    @Test
    void pullWritesOneClassPerTableIntoThePackageFolder() throws Exception {
        Path project = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "cli-pull");
        Files.setPosixFilePermissions(project, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path config = project.resolve("sleet.properties");
        Files.writeString(config, "schema=dev.sleet.cli.fixtures.TicketSchema\nout=migrations\n");
        String cfg = config.toString();
        Run push = sleet("push", "--config", cfg, "--force");
        assertThat(push.status()).as(push.err()).isZero();

        Path src = project.resolve("src");
        Run pull = sleet("pull", "--config", cfg, "--out", src.toString(), "--package", "com.example.db",
                "--name", "Ticket");
        assertThat(pull.status()).as(pull.err()).isZero();
        assertThat(pull.out()).contains("Schema.of(com.example.db.TicketSchema.class)");
        Path pkg = src.resolve("com/example/db");
        assertThat(pkg.resolve("TicketSchema.java")).exists();
        assertThat(Files.readString(pkg.resolve("Tickets.java")))
                .contains("package com.example.db;")
                .contains("public final class Tickets extends Table");
    }

    @Test
    void aPackageThatIsNoJavaNameIsRefusedWithTheFix() throws Exception {
        Path project = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "cli-pull-bad");
        Files.setPosixFilePermissions(project, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path config = project.resolve("sleet.properties");
        Files.writeString(config, "schema=dev.sleet.cli.fixtures.TicketSchema\n");
        Run pull = sleet("pull", "--config", config.toString(), "--out", project.resolve("src").toString(),
                "--package", "com.example.1db");
        assertThat(pull.status()).isNotZero();
        assertThat(pull.err()).contains("com.example.1db").contains("not a Java package name");
    }
}
