package dev.sleet.kit.generate;

import dev.sleet.kit.TestServer;
import dev.sleet.kit.check.FolderCheck;
import dev.sleet.kit.migrate.MigrationFolderException;
import dev.sleet.kit.migrate.MigrationState;
import dev.sleet.kit.migrate.MigrationStatus;
import dev.sleet.kit.migrate.Migrator;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SnapshotBuilder;
import dev.sleet.kit.snapshot.SnapshotJson;
import dev.sleet.schema.Column;
import dev.sleet.schema.Schema;
import dev.sleet.schema.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two branches generate from the same parent and merge: --rebase generates the later branch again on top of the
 * other, moves its custom migrations, refuses what it cannot do safely, and every database can follow.
 */
class GeneratorRebaseTest {

    private static final Clock BASE = clock("2026-11-21T09:30:00Z");
    private static final Clock BRANCH_X = clock("2026-11-21T10:00:00Z");
    private static final Clock BRANCH_Y = clock("2026-11-21T11:00:00Z");
    private static TestServer postgres;

    @TempDir
    Path tmp;
    Path folder;

    static final class Tickets extends Table {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> title = text("title").notNull();

        Tickets() {
            super("tickets");
        }
    }

    /** Branch Y's change: a column. */
    static final class TicketsWithPriority extends Table {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> title = text("title").notNull();
        final Column<Integer> priority = integer("priority").notNull().defaultValue(3);

        TicketsWithPriority() {
            super("tickets");
        }
    }

    /** Branch Y's change as a group: the column, then an index built concurrently in a migration of its own. */
    static final class TicketsWithPriorityIndex extends Table {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> title = text("title").notNull();
        final Column<Integer> priority = integer("priority").notNull().defaultValue(3);

        TicketsWithPriorityIndex() {
            super("tickets");
            index("tickets_priority_idx").on(priority).concurrently();
        }
    }

    static final class TicketsWithPriorityAndDue extends Table {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> title = text("title").notNull();
        final Column<Integer> priority = integer("priority").notNull().defaultValue(3);
        final Column<String> due = text("due");

        TicketsWithPriorityAndDue() {
            super("tickets");
        }
    }

    /** title renamed to subject, declared. */
    static final class TicketsSubjectHinted extends Table {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> subject = text("subject").notNull().renamedFrom("title");

        TicketsSubjectHinted() {
            super("tickets");
        }
    }

    /** title renamed to subject, without the hint. */
    static final class TicketsSubject extends Table {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> subject = text("subject").notNull();

        TicketsSubject() {
            super("tickets");
        }
    }

    /** Branch X's change: a table. */
    static final class Comments extends Table {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> body = text("body");

        Comments() {
            super("comments");
        }
    }

    private static Clock clock(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    private static Schema schema(Table... tables) {
        return new Schema(List.of(), List.of(tables));
    }

    @BeforeAll
    static void start() {
        postgres = TestServer.start();
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @BeforeEach
    void base() {
        folder = tmp.resolve("main");
        Generator.generate(schema(new Tickets()), folder, "init", false, BASE);   // 20261121093000_init
    }

    /** A copy of the folder, as a git branch would hold it. */
    private Path branch(String name) {
        Path copy = tmp.resolve(name);
        copyTree(folder, copy);
        return copy;
    }

    /** Brings a branch's migrations into the folder, as a git merge would. */
    private void merge(Path branch) {
        copyTree(branch, folder);
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!Files.exists(target)) {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file of the folder with its content, to show that a refused rebase touched nothing. */
    private Map<String, String> contents() {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(folder.relativize(p).toString(), Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Snapshot snapshot(Path dir) throws IOException {
        return SnapshotJson.read(Files.readString(dir.resolve("snapshot.json")), dir.toString());
    }

    private static Path writeSql(Path dir, String sql) throws IOException {
        Files.writeString(dir.resolve("up.sql"), Files.readString(dir.resolve("up.sql")) + sql);
        return dir;
    }

    @Test
    void theLaterBranchIsGeneratedAgainOnTopOfTheOtherAndEveryDatabaseCanFollow() throws Exception {
        Path x = branch("x");
        Generator.generate(schema(new Tickets(), new Comments()), x, "add_comments", false, BRANCH_X);
        Path y = branch("y");
        Generator.generate(schema(new TicketsWithPriority()), y, "add_priority", false, BRANCH_Y);
        ScratchDatabase onX = ScratchDatabase.create(postgres);
        Migrator.of(onX.dataSource, x).migrate();
        ScratchDatabase onY = ScratchDatabase.create(postgres);
        Migrator.of(onY.dataSource, y).migrate();
        onY.execute("insert into tickets (id, title) values (1, 'kept across the rebase')");
        merge(x);
        merge(y);
        Schema merged = schema(new TicketsWithPriority(), new Comments());
        assertThatThrownBy(() -> Generator.generate(merged, folder, "more", false, BASE))
                .isInstanceOf(MigrationFolderException.class).hasMessageContaining("sleet generate --rebase");

        // a clock behind the newest migration still gives the new migration the newest id
        RebaseResult result = Generator.rebase(merged, folder, false, BASE, null);

        assertThat(result.onTopOf()).isEqualTo("20261121100000");
        assertThat(result.removed()).containsExactly(folder.resolve("20261121110000_add_priority"));
        assertThat(result.written()).containsExactly(folder.resolve("20261121110001_add_priority"));
        assertThat(result.moved()).isEmpty();
        assertThat(result.idsGone()).containsExactly("20261121110000");
        assertThat(result.rollbackTarget()).isEqualTo("20261121093000");
        Path written = result.written().get(0);
        assertThat(Files.readString(written.resolve("up.sql"))).contains("add column \"priority\"")
                .doesNotContain("comments");
        assertThat(snapshot(written).parent()).isEqualTo("20261121100000");
        assertThat(snapshot(written).withIds(null, null)).isEqualTo(SnapshotBuilder.of(merged));
        assertThat(Files.exists(folder.resolve("20261121110000_add_priority"))).isFalse();
        assertThat(FolderCheck.check(folder)).isEmpty();
        assertThat(Generator.rebase(merged, folder, false, BASE, null).nothingToDo()).isTrue();
        assertThat(Generator.generate(merged, folder, "more", false, BASE).nothingToDo()).isTrue();

        // the database of branch X just applies the new migration
        assertThat(Migrator.of(onX.dataSource, folder).migrate().appliedIds()).containsExactly("20261121110001");
        assertThat(onX.columns("tickets")).containsExactly("id", "title", "priority");
        // a new database gets the one chain
        ScratchDatabase fresh = ScratchDatabase.create(postgres);
        Migrator.of(fresh.dataSource, folder).migrate();
        assertThat(fresh.columns("comments")).containsExactly("id", "body");
        // the database of branch Y sees the removed migration as missing; rolled back with the branch's folder,
        // as the rebase tells the user, it migrates to the same schema and keeps its rows
        assertThat(Migrator.of(onY.dataSource, folder).status()).filteredOn(s -> s.state() == MigrationState.MISSING)
                .extracting(MigrationStatus::id).containsExactly("20261121110000");
        Migrator.of(onY.dataSource, y).rollbackTo(result.rollbackTarget());
        Migrator.of(onY.dataSource, folder).migrate();
        assertThat(onY.columns("tickets")).containsExactly("id", "title", "priority");
        assertThat(onY.strings("select title || ' ' || priority from tickets"))
                .containsExactly("kept across the rebase 3");
        assertThat(Migrator.of(onY.dataSource, folder).status()).extracting(MigrationStatus::state)
                .containsOnly(MigrationState.APPLIED);
    }

    @Test
    void aGenerateGroupIsRemovedWholeAndWrittenAgainUnderItsName() throws Exception {
        Path x = branch("x");
        Generator.generate(schema(new Tickets(), new Comments()), x, "add_comments", false, BRANCH_X);
        Path y = branch("y");
        List<Path> group = Generator.generate(schema(new TicketsWithPriorityIndex()), y, "priority", false, BRANCH_Y)
                .migrations();
        assertThat(group).extracting(p -> p.getFileName().toString())
                .containsExactly("20261121110000_priority_1", "20261121110001_priority_2");
        merge(x);
        merge(y);

        RebaseResult result = Generator.rebase(schema(new TicketsWithPriorityIndex(), new Comments()), folder, false,
                BASE, null);

        assertThat(result.removed()).extracting(p -> p.getFileName().toString())
                .containsExactly("20261121110000_priority_1", "20261121110001_priority_2");
        assertThat(result.written()).extracting(p -> p.getFileName().toString())
                .containsExactly("20261121110002_priority_1", "20261121110003_priority_2");
        assertThat(Files.readString(result.written().get(1).resolve("up.sql")))
                .startsWith("-- sleet:no-transaction").contains("concurrently");
        assertThat(FolderCheck.check(folder)).isEmpty();
        ScratchDatabase fresh = ScratchDatabase.create(postgres);
        Migrator.of(fresh.dataSource, folder).migrate();
        assertThat(fresh.strings("select indexname from pg_indexes where tablename = 'tickets'"))
                .contains("tickets_priority_idx");
    }

    @Test
    void customMigrationsOfTheBranchAreMovedAheadOfAndBehindTheGeneratedOnes() throws Exception {
        Path x = branch("x");
        Generator.generate(schema(new Tickets(), new Comments()), x, "add_comments", false, BRANCH_X);
        Path y = branch("y");
        writeSql(Generator.custom(y, "seed", BRANCH_Y).migrations().get(0),
                "insert into tickets (id, title) values (1, 'seeded');\n");                  // 20261121110000
        Generator.generate(schema(new TicketsWithPriority()), y, "add_priority", false, BRANCH_Y);   // ...110001
        String backfill = "update tickets set priority = 1;\n";
        writeSql(Generator.custom(y, "backfill", BRANCH_Y).migrations().get(0), backfill);   // 20261121110002
        ScratchDatabase onY = ScratchDatabase.create(postgres);
        Migrator.of(onY.dataSource, y).migrate();
        merge(x);
        merge(y);
        Schema merged = schema(new TicketsWithPriority(), new Comments());

        RebaseResult result = Generator.rebase(merged, folder, false, BASE, null);

        assertThat(result.removed()).extracting(p -> p.getFileName().toString())
                .containsExactly("20261121110001_add_priority");
        assertThat(result.written()).extracting(p -> p.getFileName().toString())
                .containsExactly("20261121110003_add_priority");
        // seed already sorts after branch X's migration, so it keeps its id; backfill must follow the new one
        assertThat(result.moved()).extracting(m -> m.from().getFileName() + " -> " + m.to().getFileName())
                .containsExactly("20261121110000_seed -> 20261121110000_seed",
                        "20261121110002_backfill -> 20261121110004_backfill");
        assertThat(result.idsGone()).containsExactly("20261121110001", "20261121110002");
        assertThat(result.rollbackTarget()).isEqualTo("20261121110000");   // seed stays applied
        Path seed = folder.resolve("20261121110000_seed");
        assertThat(snapshot(seed).parent()).isEqualTo("20261121100000");
        assertThat(snapshot(seed).withIds(null, null))
                .isEqualTo(snapshot(folder.resolve("20261121100000_add_comments")).withIds(null, null));
        Path moved = folder.resolve("20261121110004_backfill");
        assertThat(snapshot(moved).parent()).isEqualTo("20261121110003");
        assertThat(Files.readString(moved.resolve("up.sql"))).endsWith(backfill);
        assertThat(FolderCheck.check(folder)).isEmpty();

        ScratchDatabase fresh = ScratchDatabase.create(postgres);
        Migrator.of(fresh.dataSource, folder).migrate();
        assertThat(fresh.strings("select title || ' ' || priority from tickets")).containsExactly("seeded 1");
        // branch Y's database keeps seed applied (running it again would insert a duplicate key) and gets the rest
        Migrator.of(onY.dataSource, y).rollbackTo(result.rollbackTarget());
        assertThat(Migrator.of(onY.dataSource, folder).migrate().appliedIds())
                .containsExactly("20261121100000", "20261121110003", "20261121110004");
        assertThat(onY.strings("select title || ' ' || priority from tickets")).containsExactly("seeded 1");
    }

    @Test
    void aCustomMigrationBetweenGeneratedOnesIsRefusedAndTheFolderIsLeftAsItWas() throws Exception {
        Path x = branch("x");
        Generator.generate(schema(new Tickets(), new Comments()), x, "add_comments", false, BRANCH_X);
        Path y = branch("y");
        Generator.generate(schema(new TicketsWithPriority()), y, "add_priority", false, BRANCH_Y);
        writeSql(Generator.custom(y, "backfill", BRANCH_Y).migrations().get(0), "update tickets set priority = 1;");
        Generator.generate(schema(new TicketsWithPriorityAndDue()), y, "add_due", false, BRANCH_Y);
        merge(x);
        merge(y);
        Map<String, String> before = contents();

        assertThatThrownBy(() -> Generator.rebase(schema(new TicketsWithPriorityAndDue(), new Comments()), folder,
                false, BASE, null))
                .isInstanceOf(RebaseRefusedException.class)
                .hasMessageContaining("custom migration 20261121110001_backfill lies between generated migrations")
                .hasMessageContaining("20261121110000_add_priority, 20261121110001_backfill, 20261121110002_add_due")
                .hasMessageContaining("after 20261121100000_add_comments");
        assertThat(contents()).isEqualTo(before);
    }

    @Test
    void aCustomMigrationThatChangesTheSchemaIsRefused() throws Exception {
        Path x = branch("x");
        Generator.generate(schema(new Tickets(), new Comments()), x, "add_comments", false, BRANCH_X);
        Path y = branch("y");
        writeSql(Generator.custom(y, "priority_by_hand", schema(new TicketsWithPriority()), BRANCH_Y).migrations()
                .get(0), "alter table tickets add column priority integer not null default 3;");
        merge(x);
        merge(y);
        Map<String, String> before = contents();

        assertThatThrownBy(() -> Generator.rebase(schema(new TicketsWithPriority(), new Comments()), folder, false,
                BASE, null))
                .isInstanceOf(RebaseRefusedException.class)
                .hasMessageContaining("custom migration 20261121110000_priority_by_hand changes the schema");
        assertThat(contents()).isEqualTo(before);
    }

    @Test
    void aPossibleRenameStopsTheRebaseBeforeAnythingIsRemovedAndAPromptCanSettleIt() throws Exception {
        Path x = branch("x");
        Generator.generate(schema(new Tickets(), new Comments()), x, "add_comments", false, BRANCH_X);
        Path y = branch("y");
        Generator.generate(schema(new TicketsSubjectHinted()), y, "subject", false, BRANCH_Y);
        merge(x);
        merge(y);
        Map<String, String> before = contents();
        // the rename was confirmed at a prompt on branch Y and never declared: generating again needs it again
        Schema merged = schema(new TicketsSubject(), new Comments());

        assertThatThrownBy(() -> Generator.rebase(merged, folder, false, BASE, null))
                .isInstanceOf(RenameHintMissingException.class).hasMessageContaining("renamedFrom(\"title\")");
        assertThat(contents()).isEqualTo(before);

        RebaseResult result = Generator.rebase(merged, folder, false, BASE, c -> true);
        assertThat(result.confirmedRenames()).hasSize(1);
        assertThat(Files.readString(result.written().get(0).resolve("up.sql")))
                .contains("rename column \"title\" to \"subject\"");
        assertThat(FolderCheck.check(folder)).isEmpty();
    }

    @Test
    void whenTheOtherBranchMadeTheSameChangeTheLaterMigrationIsRemovedAndNothingWritten() throws Exception {
        Path x = branch("x");
        Generator.generate(schema(new TicketsWithPriority()), x, "priority", false, BRANCH_X);
        Path y = branch("y");
        Generator.generate(schema(new TicketsWithPriority()), y, "add_priority", false, BRANCH_Y);
        merge(x);
        merge(y);

        RebaseResult result = Generator.rebase(schema(new TicketsWithPriority()), folder, false, BASE, null);

        assertThat(result.removed()).extracting(p -> p.getFileName().toString())
                .containsExactly("20261121110000_add_priority");
        assertThat(result.written()).isEmpty();
        assertThat(result.nothingToDo()).isFalse();
        assertThat(FolderCheck.check(folder)).isEmpty();
    }

    @Test
    void whenTheMigrationsFormOneChainThereIsNothingToRebase() {
        Generator.generate(schema(new TicketsWithPriority()), folder, "add_priority", false, BRANCH_Y);
        Map<String, String> before = contents();

        RebaseResult result = Generator.rebase(schema(new TicketsWithPriority(), new Comments()), folder, false,
                BASE, null);

        assertThat(result.nothingToDo()).isTrue();
        assertThat(result.onTopOf()).isEqualTo("20261121110000");
        assertThat(contents()).isEqualTo(before);
    }
}
