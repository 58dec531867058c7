package dev.sleet.kit.generate;

import dev.sleet.kit.TestServer;
import dev.sleet.kit.check.FolderCheck;
import dev.sleet.kit.diff.PossibleRename;
import dev.sleet.kit.migrate.Migrator;
import dev.sleet.schema.Column;
import dev.sleet.schema.Schema;
import dev.sleet.schema.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A prompt answers the possible-rename questions; the answers become renames or drops, consistently. */
class GeneratorRenamePromptTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T09:30:00Z"), ZoneOffset.UTC);
    private static TestServer postgres;

    @TempDir
    Path folder;

    static final class Tickets extends Table {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> title = text("title").notNull();

        Tickets() {
            super("tickets");
        }
    }

    /** title became subject, with no hint. */
    static final class TicketsRenamed extends Table {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> subject = text("subject").notNull();

        TicketsRenamed() {
            super("tickets");
        }
    }

    /** The same table under a new name, its title column renamed too; no hints. */
    static final class Issues extends Table {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> summary = text("summary").notNull();

        Issues() {
            super("issues");
        }
    }

    /** A prompt that records the questions and answers from a list. */
    private static final class Answers implements RenamePrompt {
        final List<String> asked = new ArrayList<>();
        private final List<Boolean> answers;

        Answers(Boolean... answers) {
            this.answers = new ArrayList<>(List.of(answers));
        }

        @Override
        public boolean isRename(PossibleRename candidate) {
            asked.add(RenamePrompt.question(candidate));
            return answers.remove(0);
        }
    }

    @BeforeAll
    static void start() {
        postgres = TestServer.start();
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    private static Schema schema(Table... tables) {
        return new Schema(List.of(), List.of(tables));
    }

    @Test
    void aConfirmedColumnRenameKeepsTheDataAndLeavesNothingForTheNextGenerateOrCheck() throws Exception {
        ScratchDatabase db = ScratchDatabase.create(postgres);
        Generator.generate(schema(new Tickets()), folder, "init", false, CLOCK);
        Migrator.of(db.dataSource, folder).migrate();
        db.execute("insert into tickets values (1, 'printer on fire')");
        Answers yes = new Answers(true);

        GenerateResult result = Generator.generate(schema(new TicketsRenamed()), folder, "rename", false, CLOCK, yes);

        assertThat(yes.asked).containsExactly("Was column tickets.subject renamed from tickets.title?");
        assertThat(result.confirmedRenames()).singleElement()
                .satisfies(c -> assertThat(RenamePrompt.hintToAdd(c))
                        .isEqualTo("column tickets.subject: add .renamedFrom(\"title\") to its declaration"));
        Path dir = result.migrations().get(0);
        assertThat(Files.readString(dir.resolve("up.sql"))).contains("rename column \"title\" to \"subject\"")
                .doesNotContain("drop column");
        assertThat(Files.readString(dir.resolve("snapshot.json"))).contains("\"renamedFrom\" : \"title\"");
        Migrator.of(db.dataSource, folder).migrate();
        assertThat(db.strings("select subject from tickets")).containsExactly("printer on fire");

        // The schema still has no hint: the written snapshot already says where subject came from, so neither
        // generate (with no one to ask) nor check sees a difference.
        assertThat(Generator.generate(schema(new TicketsRenamed()), folder, "again", false, CLOCK).nothingToDo())
                .isTrue();
        assertThat(FolderCheck.check(folder)).isEmpty();
    }

    @Test
    void aDeclinedRenameFailsNamingTheHintAndWritesNothingUnlessDropsAreAllowed() throws Exception {
        Generator.generate(schema(new Tickets()), folder, "init", false, CLOCK);

        assertThatThrownBy(() -> Generator.generate(schema(new TicketsRenamed()), folder, "rename", false, CLOCK,
                new Answers(false)))
                .isInstanceOf(RenameHintMissingException.class)
                .hasMessageContaining("renamedFrom(\"title\")").hasMessageContaining("--allow-drops");
        try (Stream<Path> dirs = Files.list(folder)) {
            assertThat(dirs).hasSize(1);
        }

        GenerateResult replaced = Generator.generate(schema(new TicketsRenamed()), folder, "replace", true, CLOCK,
                new Answers(false));
        assertThat(replaced.confirmedRenames()).isEmpty();
        assertThat(Files.readString(replaced.migrations().get(0).resolve("up.sql")))
                .contains("drop column \"title\"").contains("add column \"subject\"");
    }

    @Test
    void aConfirmedTableRenameIsFollowedByQuestionsAboutItsColumns() throws Exception {
        ScratchDatabase db = ScratchDatabase.create(postgres);
        Generator.generate(schema(new Tickets()), folder, "init", false, CLOCK);
        Migrator.of(db.dataSource, folder).migrate();
        db.execute("insert into tickets values (7, 'keyboard missing')");
        Answers yesYes = new Answers(true, true);

        GenerateResult result = Generator.generate(schema(new Issues()), folder, "issues", false, CLOCK, yesYes);

        assertThat(yesYes.asked).containsExactly("Was table issues renamed from tickets?",
                "Was column issues.summary renamed from issues.title?");
        assertThat(result.confirmedRenames()).extracting(RenamePrompt::hintToAdd).containsExactly(
                "table issues: add renamedFrom(\"tickets\") to its constructor",
                "column issues.summary: add .renamedFrom(\"title\") to its declaration");
        Migrator.of(db.dataSource, folder).migrate();
        assertThat(db.strings("select id || ' ' || summary from issues")).containsExactly("7 keyboard missing");
        assertThat(FolderCheck.check(folder)).isEmpty();
        assertThat(Generator.generate(schema(new Issues()), folder, "again", false, CLOCK).nothingToDo()).isTrue();
    }
}
