package dev.sleet.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sleet pull} on a project's embedded database. */
// Swaps the global System.out and System.err: no other test class may run meanwhile.
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class PullCommandTest {

    private static CliRun sleet(String... args) {
        return CliRun.sleet(args);
    }

    @Test
    void pullWritesOneClassPerTableIntoThePackageFolder() throws Exception {
        Path project = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "cli-pull");
        Files.setPosixFilePermissions(project, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path config = project.resolve("sleet.properties");
        Files.writeString(config, "schema=dev.sleet.cli.fixtures.TicketSchema\nout=migrations\n");
        String cfg = config.toString();
        CliRun push = sleet("push", "--config", cfg, "--force");
        assertThat(push.status()).as(push.err()).isZero();

        Path src = project.resolve("src");
        CliRun pull = sleet("pull", "--config", cfg, "--out", src.toString(), "--package", "com.example.db",
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
        CliRun pull = sleet("pull", "--config", config.toString(), "--out", project.resolve("src").toString(),
                "--package", "com.example.1db");
        assertThat(pull.status()).isNotZero();
        assertThat(pull.err()).contains("com.example.1db").contains("not a Java package name");
    }
}
