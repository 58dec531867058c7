package dev.sleet.kit.generate;

import dev.sleet.kit.TestServer;
import dev.sleet.kit.check.FolderCheck;
import dev.sleet.kit.migrate.Migration;
import dev.sleet.kit.migrate.MigrationFolder;
import dev.sleet.kit.migrate.Migrator;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SnapshotJson;
import dev.sleet.schema.Column;
import dev.sleet.schema.PgEnum;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** generate --custom: an empty, marked migration for hand-written SQL that runs and checks like the rest. */
class GeneratorCustomTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T09:30:00Z"), ZoneOffset.UTC);
    private static TestServer postgres;

    @TempDir
    Path folder;

    enum Level { low, medium, high }

    enum LevelV2 { low, high }

    static final PgEnum<Level> LEVEL = PgEnum.of("level", Level.class);
    static final PgEnum<LevelV2> LEVEL_V2 = PgEnum.of("level", LevelV2.class);

    static final class Tickets extends Table {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> title = text("title");
        final Column<Level> level = enumeration("level", LEVEL);

        Tickets() {
            super("tickets");
        }
    }

    static final class TicketsWithPriority extends Table {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> title = text("title");
        final Column<Level> level = enumeration("level", LEVEL);
        final Column<Integer> priority = integer("priority");

        TicketsWithPriority() {
            super("tickets");
        }
    }

    /** The enum lost 'medium': generate refuses it, a custom migration does it. */
    static final class TicketsV2 extends Table {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> title = text("title");
        final Column<LevelV2> level = enumeration("level", LEVEL_V2);

        TicketsV2() {
            super("tickets");
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

    private static Schema v1() {
        return new Schema(List.of(LEVEL), List.of(new Tickets()));
    }

    private static Snapshot snapshot(Path dir) throws Exception {
        return SnapshotJson.read(Files.readString(dir.resolve("snapshot.json")), dir.toString());
    }

    @Test
    void aCustomMigrationIsWrittenEmptyAndMarkedWithThePreviousSnapshot() throws Exception {
        Path init = Generator.generate(v1(), folder, "init", false, CLOCK).migrations().get(0);

        GenerateResult result = Generator.custom(folder, "backfill", CLOCK);

        Path dir = result.migrations().get(0);
        assertThat(dir.getFileName().toString()).isEqualTo("20261121093001_backfill");
        assertThat(result.changes()).isEmpty();
        String up = Files.readString(dir.resolve("up.sql"));
        assertThat(up.lines().findFirst()).contains("-- sleet:custom");
        assertThat(up).contains("write its SQL below").contains("-- sleet:no-transaction");
        assertThat(MigrationFolder.hasCustomMarker(Files.readString(dir.resolve("down.sql")))).isTrue();
        Snapshot snapshot = snapshot(dir);
        assertThat(snapshot.id()).isEqualTo("20261121093001");
        assertThat(snapshot.parent()).isEqualTo("20261121093000");
        assertThat(snapshot.withIds(null, null)).isEqualTo(snapshot(init).withIds(null, null));
        // Until the SQL is written the folder says so, rather than applying an empty migration.
        assertThatThrownBy(() -> MigrationFolder.read(folder))
                .hasMessageContaining("20261121093001_backfill/up.sql: is a custom migration with no SQL yet");
    }

    @Test
    void aCustomMigrationRunsAndRollsBackLikeAnyOtherAndTheNextGenerateFollowsIt() throws Exception {
        ScratchDatabase db = ScratchDatabase.create(postgres);
        Generator.generate(v1(), folder, "init", false, CLOCK);
        Path custom = Generator.custom(folder, "seed", CLOCK).migrations().get(0);
        Files.writeString(custom.resolve("up.sql"), Files.readString(custom.resolve("up.sql"))
                + "insert into tickets (id, title, level) values (1, 'welcome', 'low'), (2, 'setup', 'high');\n");
        Files.writeString(custom.resolve("down.sql"), Files.readString(custom.resolve("down.sql"))
                + "delete from tickets where id in (1, 2);\n");

        assertThat(Generator.generate(v1(), folder, "nothing", false, CLOCK).nothingToDo()).isTrue();
        Path next = Generator.generate(new Schema(List.of(LEVEL), List.of(new TicketsWithPriority())), folder,
                "priority", false, CLOCK).migrations().get(0);
        assertThat(snapshot(next).parent()).isEqualTo("20261121093001");
        assertThat(FolderCheck.check(folder)).isEmpty();

        Migrator.of(db.dataSource, folder).migrate();
        assertThat(db.strings("select title from tickets order by id")).containsExactly("welcome", "setup");
        assertThat(db.columns("tickets")).contains("priority");
        Migrator.of(db.dataSource, folder).rollback(2);
        assertThat(db.strings("select title from tickets")).isEmpty();
        assertThat(db.columns("tickets")).doesNotContain("priority");
    }

    @Test
    void theNoTransactionMarkerOnTheFirstLineStillWorksAboveTheCustomMarker() throws Exception {
        ScratchDatabase db = ScratchDatabase.create(postgres);
        Generator.generate(v1(), folder, "init", false, CLOCK);
        Path custom = Generator.custom(folder, "title_index", CLOCK).migrations().get(0);
        Files.writeString(custom.resolve("up.sql"), "-- sleet:no-transaction\n"
                + Files.readString(custom.resolve("up.sql"))
                + "create index concurrently tickets_title_idx on tickets (title);\n");

        Migration read = MigrationFolder.read(folder).migrations().get(1);
        assertThat(read.transactional()).isFalse();
        Migrator.of(db.dataSource, folder).migrate();   // CREATE INDEX CONCURRENTLY fails inside a transaction

        assertThat(db.strings("select indexname from pg_indexes where tablename = 'tickets'"))
                .contains("tickets_title_idx");
        assertThat(FolderCheck.check(folder)).isEmpty();
    }

    @Test
    void aCustomMigrationCanRecordTheJavaSchemaToGetPastAChangeGenerateRefuses() throws Exception {
        ScratchDatabase db = ScratchDatabase.create(postgres);
        Generator.generate(v1(), folder, "init", false, CLOCK);
        Migrator.of(db.dataSource, folder).migrate();
        db.execute("insert into tickets values (1, 'a', 'medium'), (2, 'b', 'high')");
        Schema v2 = new Schema(List.of(LEVEL_V2), List.of(new TicketsV2()));
        assertThatThrownBy(() -> Generator.generate(v2, folder, "drop_medium", false, CLOCK))
                .hasMessageContaining("value \"medium\" was removed").hasMessageContaining("--custom");

        Path custom = Generator.custom(folder, "drop_medium", v2, CLOCK).migrations().get(0);
        Files.writeString(custom.resolve("up.sql"), Files.readString(custom.resolve("up.sql")) + """
                alter type "level" rename to "level_old";
                create type "level" as enum ('low', 'high');
                alter table "tickets" alter column "level" type "level"
                    using (case when "level"::text = 'medium' then 'high' else "level"::text end)::"level";
                drop type "level_old";
                """);

        assertThat(Generator.generate(v2, folder, "again", false, CLOCK).nothingToDo()).isTrue();
        assertThat(FolderCheck.check(folder)).isEmpty();
        Migrator.of(db.dataSource, folder).migrate();
        assertThat(db.strings("select level::text from tickets order by id")).containsExactly("high", "high");
        assertThat(db.strings("select enumlabel from pg_enum e join pg_type t on t.oid = e.enumtypid"
                + " where t.typname = 'level' order by enumsortorder")).containsExactly("low", "high");
    }
}
