package dev.sleet.cli;

import dev.sleet.cli.fixtures.CheckedTicketSchema;
import dev.sleet.cli.fixtures.MergedTicketSchema;
import dev.sleet.cli.fixtures.TicketSchema;
import dev.sleet.kit.generate.Generator;
import dev.sleet.schema.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** generate's --custom, --rebase and rename questions, as a person at a terminal (or none) sees them. */
// Swaps the global System.out and System.err: no other test class may run meanwhile.
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class GenerateCommandTest {

    private static final Clock BASE = Clock.fixed(Instant.parse("2026-11-21T09:30:00Z"), ZoneOffset.UTC);

    private Path project;
    private Path migrations;

    /** A terminal that answers from a list and records the prompts. */
    private static final class Typist implements Terminal {
        final List<String> prompts = new ArrayList<>();
        private final List<String> answers;

        Typist(String... answers) {
            this.answers = new ArrayList<>(List.of(answers));
        }

        @Override
        public String readLine(String prompt) {
            prompts.add(prompt);
            return answers.isEmpty() ? null : answers.remove(0);
        }
    }

    private CliRun sleet(Optional<Terminal> terminal, String schemaClass, String... args) throws IOException {
        Path config = project.resolve("sleet.properties");
        Files.writeString(config, "schema=" + schemaClass + "\nout=migrations\n");
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--config");
        all.add(config.toString());
        return CliRun.sleet(terminal, all.toArray(String[]::new));
    }

    private CliRun sleet(String schemaClass, String... args) throws IOException {
        return sleet(Optional.empty(), schemaClass, args);
    }

    private List<String> directories() throws IOException {
        try (Stream<Path> list = Files.list(migrations)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @BeforeEach
    void project() throws IOException {
        project = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "cli-generate");
        migrations = project.resolve("migrations");
        Generator.generate(Schema.of(TicketSchema.class), migrations, "create_tickets", false, BASE);
    }

    @Test
    void customWritesAMarkedEmptyMigrationAndCheckSaysItsSqlWasNotCompared() throws IOException {
        CliRun custom = sleet(TicketSchema.class.getName(), "generate", "--custom", "--name", "seed");

        assertThat(custom.status()).as(custom.err()).isZero();
        assertThat(custom.out()).contains("_seed (custom)").contains("below the '-- sleet:custom' line");
        Path dir = migrations.resolve(directories().get(1));
        assertThat(Files.readString(dir.resolve("up.sql"))).startsWith("-- sleet:custom\n");
        Files.writeString(dir.resolve("up.sql"), Files.readString(dir.resolve("up.sql"))
                + "insert into \"tickets\" (\"title\") values ('welcome');\n");

        CliRun check = sleet(TicketSchema.class.getName(), "check");
        assertThat(check.status()).as(check.err()).isZero();
        assertThat(check.out()).contains("consistent").contains("Custom migrations").contains(dir.getFileName()
                .toString());
        assertThat(sleet(TicketSchema.class.getName(), "generate").out()).contains("No changes");
    }

    @Test
    void pushAppliesTheSchemaAndRefusesADataLosingChangeUntilForcedOrConfirmed() throws IOException {
        String tickets = TicketSchema.class.getName();
        String renamed = dev.sleet.cli.fixtures.RenamedTicketSchema.class.getName();

        CliRun first = sleet(tickets, "push");
        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.out()).contains("create table \"tickets\"").contains("pushed");
        assertThat(sleet(tickets, "push").out()).contains("Nothing to push: the database matches the schema.");

        CliRun refused = sleet(renamed, "push");
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.out()).contains("loses data: drop column tickets.title: 0 rows");
        assertThat(refused.err()).contains("push stopped").contains("sleet push --force");
        CliRun dry = sleet(renamed, "push", "--dry-run");
        assertThat(dry.status()).isZero();
        assertThat(dry.out()).contains("alter table \"tickets\" drop column \"title\"").contains("Dry run");
        CliRun declined = sleet(Optional.of(new Typist("n")), renamed, "push");
        assertThat(declined.status()).isEqualTo(1);

        CliRun confirmed = sleet(Optional.of(new Typist("y")), renamed, "push");
        assertThat(confirmed.status()).as(confirmed.err()).isZero();
        assertThat(confirmed.out()).contains("pushed");
        assertThat(sleet(renamed, "push").out()).contains("Nothing to push");
        CliRun back = sleet(tickets, "push", "--force");
        assertThat(back.status()).as(back.err()).isZero();
    }

    @Test
    void checkLintsTheSqlAndStrictFailsOnAWarningUntilItIsAccepted() throws IOException {
        sleet(TicketSchema.class.getName(), "generate", "--custom", "--name", "cleanup");
        Path dir = migrations.resolve(directories().get(1));
        Path up = dir.resolve("up.sql");
        Files.writeString(up, Files.readString(up) + "set local lock_timeout = '5s';\n"
                + "alter table \"tickets\" drop column \"title\";\n");

        CliRun check = sleet(TicketSchema.class.getName(), "check");
        assertThat(check.status()).as(check.err()).isZero();
        assertThat(check.out()).contains("warning: " + up + ":").contains("drop-column: dropping a column deletes")
                .contains("1 lint warning.");
        CliRun strict = sleet(TicketSchema.class.getName(), "check", "--strict");
        assertThat(strict.status()).isEqualTo(1);

        Files.writeString(up, "-- sleet:lint-ignore drop-column\n" + Files.readString(up));
        CliRun accepted = sleet(TicketSchema.class.getName(), "check", "--strict");
        assertThat(accepted.status()).as(accepted.out()).isZero();
        assertThat(accepted.out()).doesNotContain("warning:");
    }

    @Test
    void rebaseRegeneratesTheLaterBranchAndSaysHowADatabaseThatAppliedItFollows() throws IOException {
        Schema branchX = new Schema(List.of(), List.of(TicketSchema.TICKETS, MergedTicketSchema.COMMENTS));
        Generator.generate(branchX, migrations, "add_comments", false,
                Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));
        // branch Y generated from the same parent, later; a merge brings both into one folder
        Path y = Files.createTempDirectory(project, "branch-y");
        Files.move(migrations.resolve("20261121093000_create_tickets"), y.resolve("20261121093000_create_tickets"));
        Generator.generate(new Schema(List.of(), List.of(MergedTicketSchema.TICKETS)), y, "add_priority", false,
                Clock.fixed(Instant.parse("2026-11-21T11:00:00Z"), ZoneOffset.UTC));
        try (Stream<Path> dirs = Files.list(y)) {
            for (Path d : dirs.toList()) {
                Files.move(d, migrations.resolve(d.getFileName()));
            }
        }
        String merged = MergedTicketSchema.class.getName();
        CliRun plain = sleet(merged, "generate");
        assertThat(plain.status()).isEqualTo(1);
        assertThat(plain.err()).contains("sleet generate --rebase");

        CliRun rebase = sleet(merged, "generate", "--rebase");

        assertThat(rebase.status()).as(rebase.err()).isZero();
        assertThat(rebase.out()).contains("Rebased on 20261121100000")
                .contains("removed " + migrations.resolve("20261121110000_add_priority"))
                .contains("add column \"priority\"");
        assertThat(rebase.err()).contains("warning: 20261121110000 is no longer in the folder")
                .contains("MISSING").contains("sleet rollback --to 20261121093000");
        List<String> dirs = directories();
        assertThat(dirs).hasSize(3).doesNotContain("20261121110000_add_priority");
        assertThat(dirs.get(2)).endsWith("_add_priority").isGreaterThan("20261121110000");
        assertThat(rebase.out()).contains("wrote   " + migrations.resolve(dirs.get(2)));
        assertThat(sleet(merged, "check").status()).isZero();

        CliRun again = sleet(merged, "generate", "--rebase");
        assertThat(again.status()).isZero();
        assertThat(again.out()).contains("Nothing to rebase");
    }

    @Test
    void onATerminalAPossibleRenameIsAskedAndAYesIsWrittenAsARenameToDeclare() throws IOException {
        Typist yes = new Typist("y");
        String renamed = "dev.sleet.cli.fixtures.RenamedTicketSchema";

        CliRun run = sleet(Optional.of(yes), renamed, "generate", "--name", "subject");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(yes.prompts).containsExactly("Was column tickets.subject renamed from tickets.title? [y/N] ");
        assertThat(run.out()).contains("rename column \"title\" to \"subject\"")
                .contains("column tickets.subject: add .renamedFrom(\"title\") to its declaration");
        // with no one to ask, the written snapshot already agrees with the schema
        assertThat(sleet(renamed, "generate").out()).contains("No changes");
        assertThat(sleet(renamed, "check").status()).isZero();
    }

    @Test
    void aNoFailsNamingTheHintUnlessDropsAreAllowed() throws IOException {
        String renamed = "dev.sleet.cli.fixtures.RenamedTicketSchema";

        CliRun no = sleet(Optional.of(new Typist("n")), renamed, "generate");
        assertThat(no.status()).isEqualTo(1);
        assertThat(no.err()).contains("add .renamedFrom(\"title\")").contains("--allow-drops");
        assertThat(directories()).hasSize(1);

        CliRun drops = sleet(Optional.of(new Typist("")), renamed, "generate", "--allow-drops");
        assertThat(drops.status()).as(drops.err()).isZero();
        assertThat(drops.out()).contains("drop column \"title\"").contains("add column \"subject\"");
    }

    @Test
    void withoutATerminalOrWithNoInteractiveNothingIsAskedAndTheHintIsNamed() throws IOException {
        String renamed = "dev.sleet.cli.fixtures.RenamedTicketSchema";
        Typist typist = new Typist("y");

        CliRun noInteractive = sleet(Optional.of(typist), renamed, "generate", "--no-interactive");
        CliRun noTerminal = sleet(renamed, "generate");

        assertThat(typist.prompts).isEmpty();
        for (CliRun run : List.of(noInteractive, noTerminal)) {
            assertThat(run.status()).isEqualTo(1);
            assertThat(run.err()).startsWith("sleet: ").contains("renamedFrom(\"title\")");
        }
        assertThat(directories()).hasSize(1);
    }

    @Test
    void safeWritesTheFormsTheLinterAsksForAndCheckAcceptsThem() throws IOException {
        String checked = CheckedTicketSchema.class.getName();
        CliRun plain = sleet(checked, "generate", "--name", "tighten");
        assertThat(plain.status()).as(plain.err()).isZero();
        assertThat(plain.out()).contains("warning:").contains("index: ").contains("check: ").contains("lock-timeout: ");
        for (String dir : directories().subList(1, directories().size())) {
            try (Stream<Path> files = Files.walk(migrations.resolve(dir))) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }

        CliRun safe = sleet(checked, "generate", "--name", "tighten", "--safe");

        assertThat(safe.status()).as(safe.err()).isZero();
        assertThat(safe.out()).doesNotContain("warning:").contains("set local lock_timeout = '5s'")
                .contains("check (title <> '') not valid").contains("validate constraint \"tickets_title_not_blank\"")
                .contains("create index concurrently \"tickets_title_idx\"");
        assertThat(directories()).hasSize(4);
        CliRun check = sleet(checked, "check", "--strict");
        assertThat(check.status()).as(check.out() + check.err()).isZero();
        assertThat(sleet(checked, "generate").out()).contains("No changes");
    }

    @Test
    void contradictoryOptionsAreUsageErrorsThatWriteNothing() throws IOException {
        String schema = TicketSchema.class.getName();

        for (List<String> args : List.of(List.of("--custom", "--rebase"), List.of("--adopt-schema"),
                List.of("--custom", "--allow-drops"), List.of("--rebase", "--name", "x"),
                List.of("--custom", "--safe"))) {
            List<String> all = new ArrayList<>(List.of("generate"));
            all.addAll(args);
            CliRun run = sleet(schema, all.toArray(String[]::new));
            assertThat(run.status()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err()).startsWith("sleet generate: ");
        }
        assertThat(directories()).hasSize(1);
        assertThat(sleet(schema, "generate", "--help").out()).contains("--rebase").contains("--custom")
                .contains("--adopt-schema").contains("--no-interactive").contains("--safe").contains("renamedFrom");
    }
}
