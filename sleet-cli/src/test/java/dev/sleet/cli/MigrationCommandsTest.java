package dev.sleet.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** generate, migrate, status and rollback on a project's embedded database. */
// Swaps the global System.out and System.err: no other test class may run meanwhile.
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class MigrationCommandsTest {

    private static CliRun sleet(String... args) {
        return CliRun.sleet(args);
    }

    @Test
    void generateMigrateStatusAndRollbackWorkTogether() throws Exception {
        Path project = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "cli-project");
        Files.setPosixFilePermissions(project, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path config = project.resolve("sleet.properties");
        Files.writeString(config, "schema=dev.sleet.cli.fixtures.TicketSchema\nout=migrations\n");
        String cfg = config.toString();

        CliRun generate = sleet("generate", "--config", cfg, "--name", "create_tickets");
        assertThat(generate.status()).as(generate.err()).isZero();
        assertThat(generate.out()).contains("_create_tickets").contains("create table \"tickets\"");
        assertThat(sleet("generate", "--config", cfg).out()).contains("No changes");

        CliRun migrate = sleet("migrate", "--config", cfg);
        assertThat(migrate.status()).as(migrate.err()).isZero();
        assertThat(migrate.out()).contains("applied ").contains("_create_tickets");
        assertThat(sleet("migrate", "--config", cfg).out()).contains("Nothing to apply");
        assertThat(sleet("status", "--config", cfg).out()).contains("APPLIED").contains("drift:   none since");
        CliRun noDrift = sleet("check", "--config", cfg, "--db");
        assertThat(noDrift.status()).as(noDrift.out() + noDrift.err()).isZero();
        assertThat(noDrift.out()).contains("No drift: the database matches migration");

        CliRun rollback = sleet("rollback", "--config", cfg);
        assertThat(rollback.status()).as(rollback.err()).isZero();
        assertThat(rollback.out()).contains("rolled back");
        assertThat(sleet("status", "--config", cfg).out()).contains("PENDING");

        // an edited migration stops migrate, naming the file; repair (confirmed) accepts it
        Path up;
        try (var dirs = Files.list(project.resolve("migrations"))) {
            up = dirs.findFirst().orElseThrow().resolve("up.sql");
        }
        assertThat(sleet("migrate", "--config", cfg).status()).isZero();
        Files.writeString(up, Files.readString(up) + "\ncomment on table \"tickets\" is 'reviewed';\n");
        CliRun tampered = sleet("migrate", "--config", cfg);
        assertThat(tampered.status()).isEqualTo(1);
        assertThat(tampered.err()).contains("up.sql");
        assertThat(sleet("repair", "--config", cfg).status()).isEqualTo(2);   // no terminal, no --yes
        assertThat(sleet("repair", "--config", cfg, "--yes").out()).contains("accepted the edited files");
        assertThat(sleet("migrate", "--config", cfg).out()).contains("Nothing to apply");

        // the edit is not what the snapshots say: check reports it, naming the file
        CliRun check = sleet("check", "--config", cfg);
        assertThat(check.status()).isEqualTo(1);
        assertThat(check.err()).contains("up.sql").contains("'reviewed'").doesNotContain("Exception");
    }

    @Test
    void aBadConfigurationIsOneLineAndExitStatusTwo() throws Exception {
        Path project = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "cli-bad");
        Path config = project.resolve("sleet.properties");
        Files.writeString(config, "schema=dev.sleet.cli.fixtures.NoSuchSchema\n");

        CliRun run = sleet("generate", "--config", config.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("sleet: " + config).contains("NoSuchSchema").doesNotContain("\n");
        assertThat(sleet("migrate", "--config", project.resolve("missing.properties").toString()).status()).isEqualTo(2);
    }
}
