package dev.sleet.kit.migrate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static dev.sleet.kit.migrate.MigrationFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a migrations folder: order, checksums, markers, parent chain and the errors for bad input. */
class MigrationFolderReadTest {

    @TempDir
    Path folder;

    @Test
    void readsMigrationsInIdOrderWithChecksumsAndMarkers() throws Exception {
        write(folder, "20260102000000_second", "-- sleet:no-transaction\nCREATE INDEX CONCURRENTLY i ON t (c);",
                null);
        write(folder, "20260101000000_first", "CREATE TABLE t (c int);\n", "DROP TABLE t;");
        Files.writeString(folder.resolve("README.md"), "not a migration");
        Files.createDirectories(folder.resolve(".git"));

        MigrationFolder read = MigrationFolder.read(folder);

        assertThat(read.migrations()).extracting(Migration::id).containsExactly("20260101000000", "20260102000000");
        Migration first = read.migrations().get(0);
        assertThat(first.name()).isEqualTo("first");
        assertThat(first.transactional()).isTrue();
        assertThat(first.hasDown()).isTrue();
        byte[] bytes = Files.readAllBytes(first.upFile());
        assertThat(first.checksum()).isEqualTo(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(read.migrations().get(1).transactional()).isFalse();
        assertThat(read.withoutDown()).containsExactly("20260102000000");
        assertThat(read.find("20260102000000")).isPresent();
        assertThat(read.find("20990101000000")).isEmpty();
    }

    @Test
    void emptyUpSqlIsAnErrorNamingTheFile() {
        write(folder, "20260101000000_empty", "-- nothing here yet\n\n", null);

        assertThatThrownBy(() -> MigrationFolder.read(folder))
                .isInstanceOfSatisfying(MigrationFolderException.class, e ->
                        assertThat(e.file()).isEqualTo(folder.resolve("20260101000000_empty/up.sql")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("20260101000000_empty/up.sql: is empty");
    }

    @Test
    void missingOrUndecodableUpSqlIsAnErrorNamingTheFile() throws Exception {
        write(folder, "20260101000000_nothing", null, "DROP TABLE t;");
        assertThatThrownBy(() -> MigrationFolder.read(folder))
                .isInstanceOf(MigrationFolderException.class)
                .hasMessageContaining("20260101000000_nothing/up.sql: is missing");

        Files.write(folder.resolve("20260101000000_nothing/up.sql"), new byte[] {(byte) 0xC3, (byte) 0x28});
        assertThatThrownBy(() -> MigrationFolder.read(folder))
                .isInstanceOf(MigrationFolderException.class)
                .hasMessageContaining("up.sql: is not valid UTF-8");
    }

    @Test
    void aCustomMarkerDoesNotHideTheNoTransactionMarkerInEitherOrder() {
        write(folder, "20260101000000_above", "-- sleet:no-transaction\n-- sleet:custom\nCREATE INDEX CONCURRENTLY"
                + " i ON t (c);", "-- sleet:custom\nDROP INDEX i;");
        write(folder, "20260102000000_below", "-- sleet:custom\n  -- SLEET:NO-TRANSACTION \nCREATE INDEX"
                + " CONCURRENTLY j ON t (c);", null);
        write(folder, "20260103000000_late", "-- sleet:custom\n-- a note\n-- sleet:no-transaction\nSELECT 1;",
                null);

        MigrationFolder read = MigrationFolder.read(folder);

        assertThat(read.migrations()).extracting(Migration::transactional).containsExactly(false, false, true);
        assertThat(read.migrations().get(0).downTransactional()).isTrue();
        assertThat(read.migrations().get(0).up()).singleElement().satisfies(s ->
                assertThat(s.sql()).contains("CREATE INDEX CONCURRENTLY"));
        assertThat(MigrationFolder.hasCustomMarker("-- sleet:no-transaction\r\n -- sleet:custom \r\nSELECT 1;"))
                .isTrue();
        assertThat(MigrationFolder.hasCustomMarker("SELECT 1; -- sleet:custom")).isFalse();
    }

    @Test
    void aCustomMigrationWithoutSqlSaysToWriteIt() {
        write(folder, "20260101000000_backfill", "-- sleet:custom\n-- Write the SQL below.\n", null);

        assertThatThrownBy(() -> MigrationFolder.read(folder))
                .isInstanceOf(MigrationFolderException.class)
                .hasMessageContaining("20260101000000_backfill/up.sql: is a custom migration with no SQL yet")
                .hasMessageContaining("below the '-- sleet:custom' line");
    }

    @Test
    void readingIgnoringParentsAcceptsAForkedChain() throws Exception {
        write(folder, "20260101000000_a", "SELECT 1;", null);
        write(folder, "20260102000000_b", "SELECT 2;", null);
        write(folder, "20260103000000_c", "SELECT 3;", null);
        snapshot("20260101000000_a", null);
        snapshot("20260102000000_b", "20260101000000");
        snapshot("20260103000000_c", "20260101000000");

        assertThatThrownBy(() -> MigrationFolder.read(folder)).isInstanceOf(MigrationFolderException.class);
        assertThat(MigrationFolder.readIgnoringParents(folder).migrations()).extracting(Migration::parent)
                .containsExactly(null, "20260101000000", "20260101000000");
    }

    @Test
    void anUpSqlThatIsADirectoryIsAnErrorNamingTheFile() throws Exception {
        Files.createDirectories(folder.resolve("20260101000000_odd/up.sql"));
        assertThatThrownBy(() -> MigrationFolder.read(folder))
                .isInstanceOf(MigrationFolderException.class)
                .hasMessageContaining("20260101000000_odd/up.sql: is not a regular file");
    }

    @Test
    void directoryWithoutIdIsAnError() {
        write(folder, "create_users", "CREATE TABLE users (id int);", null);
        assertThatThrownBy(() -> MigrationFolder.read(folder))
                .isInstanceOf(MigrationFolderException.class)
                .hasMessageContaining("create_users: is not a migration directory");
    }

    @Test
    void duplicateIdsAreAnError() {
        write(folder, "20260101000000_a", "SELECT 1;", null);
        write(folder, "20260101000000_b", "SELECT 2;", null);
        assertThatThrownBy(() -> MigrationFolder.read(folder))
                .isInstanceOf(MigrationFolderException.class)
                .hasMessageContaining("has the same id 20260101000000 as 20260101000000_a");
    }

    @Test
    void parentLinksMustFormOneChain() throws Exception {
        write(folder, "20260101000000_a", "SELECT 1;", null);
        write(folder, "20260102000000_b", "SELECT 2;", null);
        snapshot("20260101000000_a", null);
        snapshot("20260102000000_b", "20260101000000");
        assertThat(MigrationFolder.read(folder).migrations().get(1).parent()).isEqualTo("20260101000000");

        write(folder, "20260103000000_c", "SELECT 3;", null);
        snapshot("20260103000000_c", "20260101000000");   // generated on another branch from the same parent
        assertThatThrownBy(() -> MigrationFolder.read(folder))
                .isInstanceOf(MigrationFolderException.class)
                .hasMessageContaining("20260103000000_c/snapshot.json: names parent 20260101000000, as does"
                        + " 20260102000000_b")
                .hasMessageContaining("sleet generate --rebase");

        snapshot("20260103000000_c", "20250101000000");
        assertThatThrownBy(() -> MigrationFolder.read(folder))
                .isInstanceOf(MigrationFolderException.class)
                .hasMessageContaining("names parent 20250101000000 but the migration before it is 20260102000000");
    }

    @Test
    void malformedSnapshotIsAnErrorNamingTheFile() throws Exception {
        write(folder, "20260101000000_a", "SELECT 1;", null);
        Files.writeString(folder.resolve("20260101000000_a/snapshot.json"), "{\"parent\": ");
        assertThatThrownBy(() -> MigrationFolder.read(folder))
                .isInstanceOf(MigrationFolderException.class)
                .hasMessageContaining("20260101000000_a/snapshot.json: is not valid JSON");
    }

    @Test
    void folderThatDoesNotExistIsAnError() {
        Path absent = folder.resolve("absent");
        assertThatThrownBy(() -> MigrationFolder.read(absent))
                .isInstanceOf(MigrationFolderException.class)
                .hasMessageContaining(absent + ": is not a directory");
    }

    private void snapshot(String directory, String parent) throws Exception {
        String json = "{\"version\": 1, \"parent\": " + (parent == null ? "null" : "\"" + parent + "\"")
                + ", \"tables\": []}";
        Files.writeString(folder.resolve(directory).resolve("snapshot.json"), json, StandardCharsets.UTF_8);
    }
}
