package dev.sleet.kit.check;

import dev.sleet.kit.generate.GenerateResult;
import dev.sleet.kit.generate.Generator;
import dev.sleet.schema.Column;
import dev.sleet.schema.PgEnum;
import dev.sleet.schema.Schema;
import dev.sleet.schema.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A folder written by generate checks clean; hand edits and broken files are reported by file. */
class FolderCheckTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T09:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    enum Size { small, large }

    enum SizeV2 { small, medium, large }

    static final class ItemsV1 extends Table {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Size> size = enumeration("size", PgEnum.of("item_size", Size.class));

        ItemsV1() {
            super("items");
        }
    }

    static final class ItemsV2 extends Table {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<SizeV2> size = enumeration("size", PgEnum.of("item_size", SizeV2.class));
        final Column<String> label = text("label");

        ItemsV2() {
            super("items");
            index("items_label_idx").on(label);
        }
    }

    private GenerateResult generateBoth() {
        Generator.generate(new Schema(List.of(), List.of(new ItemsV1())), folder, "init", false, CLOCK);
        return Generator.generate(new Schema(List.of(), List.of(new ItemsV2())), folder, "grow", false, CLOCK);
    }

    @Test
    void aFolderWrittenByGenerateIsConsistentIncludingAGroupOfMigrations() {
        GenerateResult grow = generateBoth();

        assertThat(grow.migrations()).hasSize(2);   // the enum value, then the rest
        assertThat(FolderCheck.check(folder)).isEmpty();
    }

    @Test
    void aHandEditedUpSqlIsReportedNamingTheFileAndTheStatement() throws IOException {
        GenerateResult grow = generateBoth();
        Path up = grow.migrations().get(1).resolve("up.sql");
        Files.writeString(up, Files.readString(up) + "drop table \"items\";\n");

        List<String> problems = FolderCheck.check(folder);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p).contains("_grow_1").contains("up.sql");
            assertThat(p).contains("drop table \"items\"");
        });
    }

    @Test
    void aBrokenSnapshotIsReportedNamingTheFile() throws IOException {
        GenerateResult grow = generateBoth();
        Path snapshot = grow.migrations().get(0).resolve("snapshot.json");
        Files.writeString(snapshot, "{ not json");

        assertThat(FolderCheck.check(folder)).singleElement().asString().contains("snapshot.json");
    }

    private static void appendSql(Path dir, String sql) throws IOException {
        Path up = dir.resolve("up.sql");
        Files.writeString(up, Files.readString(up) + sql);
    }

    @Test
    void aCustomMigrationsHandWrittenSqlIsAcceptedEvenRightAfterAGroup() throws IOException {
        generateBoth();   // init, then the two migrations of grow, which share a snapshot
        Path custom = Generator.custom(folder, "label_items", CLOCK).migrations().get(0);
        appendSql(custom, "update \"items\" set \"label\" = 'item ' || \"id\";\n");

        // the custom migration copies the group's snapshot, but is not compared as a member of the group
        assertThat(FolderCheck.check(folder)).isEmpty();
    }

    @Test
    void aGeneratedMigrationAfterACustomOneIsStillComparedWithItsDiff() throws IOException {
        Generator.generate(new Schema(List.of(), List.of(new ItemsV1())), folder, "init", false, CLOCK);
        Path custom = Generator.custom(folder, "seed", CLOCK).migrations().get(0);
        appendSql(custom, "insert into \"items\" (\"id\") values (1);\n");
        GenerateResult grow = Generator.generate(new Schema(List.of(), List.of(new ItemsV2())), folder, "grow",
                false, CLOCK);
        assertThat(FolderCheck.check(folder)).isEmpty();

        appendSql(grow.migrations().get(1), "drop table \"items\";\n");

        assertThat(FolderCheck.check(folder)).singleElement().asString()
                .contains("_grow_1/up.sql (and the 1 after it)").contains("drop table \"items\"");
    }

    @Test
    void aCustomMigrationOutOfTheChainIsReported() throws IOException {
        Generator.generate(new Schema(List.of(), List.of(new ItemsV1())), folder, "init", false, CLOCK);
        Path custom = Generator.custom(folder, "seed", CLOCK).migrations().get(0);
        appendSql(custom, "insert into \"items\" (\"id\") values (1);\n");
        Path snapshot = custom.resolve("snapshot.json");
        Files.writeString(snapshot, Files.readString(snapshot).replace("\"parent\" : \"20261121093000\"",
                "\"parent\" : \"20250101000000\""));

        assertThat(FolderCheck.check(folder)).singleElement().asString().contains("_seed/snapshot.json")
                .contains("names parent 20250101000000");
    }
}
