package dev.sleet.kit.ddl;

import dev.sleet.kit.TestServer;
import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Diff;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SnapshotBuilder;
import dev.sleet.schema.PgEnum;
import dev.sleet.schema.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Enum value additions: the one change left out of the round-trip corpus, because PostgreSQL cannot drop an
 * enum value again.
 */
class MigrationSqlEnumValueTest {

    private static TestServer postgres;

    enum MoodV1 { sad, ok }

    enum MoodV2 { angry, sad, meh, ok, happy }

    enum MoodRemoved { sad }

    enum MoodReordered { ok, sad }

    @BeforeAll
    static void start() {
        postgres = TestServer.start();
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    private static Snapshot snapshot(Class<? extends Enum<?>> type) {
        return SnapshotBuilder.of(new Schema(List.of(of(type)), List.of()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static PgEnum<?> of(Class<? extends Enum<?>> type) {
        return PgEnum.of("mood", (Class) type);
    }

    @Test
    void addedValuesLandInTheDeclaredPlacesAndNeedAMigrationWithoutTransaction() throws SQLException {
        List<Change> changes = Diff.between(snapshot(MoodV1.class), snapshot(MoodV2.class));
        assertThat(changes).hasSize(3).allMatch(c -> c instanceof Change.AddEnumValue)
                .allMatch(MigrationSql::requiresNoTransaction);
        assertThat(MigrationSql.up(changes)).isEqualTo("""
                alter type "mood" add value 'angry' before 'sad';
                alter type "mood" add value 'meh' after 'sad';
                alter type "mood" add value 'happy' after 'ok';
                """);
        assertThat(MigrationSql.down(changes)).contains("PostgreSQL cannot drop an enum value");

        postgres.createDatabase("enum_up");
        postgres.createDatabase("enum_fresh");
        try (Connection up = DriverManager.getConnection(postgres.jdbcUrl(postgres.name("enum_up")));
             Connection fresh = DriverManager.getConnection(postgres.jdbcUrl(postgres.name("enum_fresh")))) {
            MigrationSqlRoundTripTest.run(up, MigrationSql.upStatements(
                    Diff.between(Snapshot.empty(), snapshot(MoodV1.class))));
            MigrationSqlRoundTripTest.run(up, MigrationSql.upStatements(changes));
            MigrationSqlRoundTripTest.run(fresh, MigrationSql.upStatements(
                    Diff.between(Snapshot.empty(), snapshot(MoodV2.class))));
            assertThat(CatalogDump.of(up)).isEqualTo(CatalogDump.of(fresh)).contains("angry,sad,meh,ok,happy");
            // down runs (a comment only) and leaves the values in place
            MigrationSqlRoundTripTest.run(up, MigrationSql.downStatements(changes));
            assertThat(CatalogDump.of(up)).contains("angry,sad,meh,ok,happy");
        }
    }

    @Test
    void aRemovedValueIsRefusedNamingTheEnumAndTheValue() {
        assertThatThrownBy(() -> Diff.between(snapshot(MoodV1.class), snapshot(MoodRemoved.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("enum \"mood\"").hasMessageContaining("\"ok\"")
                .hasMessageContaining("hand-written migration");
    }

    @Test
    void reorderedValuesAreRefused() {
        assertThatThrownBy(() -> Diff.between(snapshot(MoodV1.class), snapshot(MoodReordered.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("enum \"mood\"").hasMessageContaining("hand-written migration");
    }
}
