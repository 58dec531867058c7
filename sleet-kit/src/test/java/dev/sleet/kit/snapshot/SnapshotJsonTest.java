package dev.sleet.kit.snapshot;

import dev.sleet.schema.Column;
import dev.sleet.schema.IdentityOptions;
import dev.sleet.schema.OnDelete;
import dev.sleet.schema.PgEnum;
import dev.sleet.schema.Schema;
import dev.sleet.schema.Table;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Snapshots say exactly what the schema declares, and their JSON is the same every time. */
class SnapshotJsonTest {

    enum Plan { free, pro }

    static final PgEnum<Plan> PLAN = PgEnum.of("app", "plan", Plan.class);

    static final class Accounts extends Table {
        static final Accounts ACCOUNTS = new Accounts();
        final Column<Long> id = bigint("id").primaryKey().generatedAlwaysAsIdentity(IdentityOptions.startWith(100));
        final Column<String> email = varchar("email", 255).notNull().unique().renamedFrom("mail");
        final Column<Plan> plan = enumeration("plan", PLAN).notNull().defaultValue(Plan.free);
        final Column<List<String>> tags = text("tags").array().defaultSql("'{}'");
        final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();
        final Column<String> lowerEmail = text("lower_email").generatedAlwaysAs("lower(email)");

        private Accounts() {
            super("app", "accounts");
            index("accounts_created_idx").on(desc(createdAt).nullsLast()).where("plan = 'pro'");
            check("accounts_email_check", "email like '%@%'");
            renamedFrom("users");
        }
    }

    static final class Logins extends Table {
        static final Logins LOGINS = new Logins();
        final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
        final Column<Long> accountId = bigint("account_id").notNull()
                .references(() -> Accounts.ACCOUNTS.id, OnDelete.CASCADE);

        private Logins() {
            super("app", "logins");
            index("logins_account_idx").on(accountId).concurrently();
        }
    }

    private static Snapshot snapshot() {
        return SnapshotBuilder.of(new Schema(List.of(PLAN), List.of(Logins.LOGINS, Accounts.ACCOUNTS)));
    }

    @Test
    void theSnapshotRecordsWhatTheDdlWouldCreate() {
        Snapshot s = snapshot();

        assertThat(s.schemas()).containsExactly("app");
        assertThat(s.enums()).containsExactly(new EnumSnapshot("app", "plan", List.of("free", "pro")));
        assertThat(s.tables()).extracting(TableSnapshot::name).containsExactly("accounts", "logins");   // sorted
        TableSnapshot accounts = s.table("app", "accounts").orElseThrow();
        assertThat(accounts.renamedFrom()).isEqualTo("users");
        assertThat(accounts.columns()).extracting(ColumnSnapshot::name)
                .containsExactly("id", "email", "plan", "tags", "created_at", "lower_email");
        assertThat(accounts.column("plan").orElseThrow().type()).isEqualTo("\"app\".\"plan\"");
        assertThat(accounts.column("plan").orElseThrow().defaultSql()).isEqualTo("'free'");
        assertThat(accounts.column("tags").orElseThrow().type()).isEqualTo("text[]");
        assertThat(accounts.column("email").orElseThrow().renamedFrom()).isEqualTo("mail");
        assertThat(accounts.column("id").orElseThrow().identity())
                .isEqualTo(new IdentitySnapshot(true, 100L, null, null, null, null, false));
        assertThat(accounts.column("lower_email").orElseThrow().generated()).isEqualTo("lower(email)");
        assertThat(accounts.indexes()).singleElement().satisfies(i -> {
            assertThat(i.elements()).containsExactly("\"created_at\" desc nulls last");
            assertThat(i.where()).isEqualTo("plan = 'pro'");
        });
        TableSnapshot logins = s.table("app", "logins").orElseThrow();
        assertThat(logins.foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.targetSchema()).isEqualTo("app");
            assertThat(fk.targetTable()).isEqualTo("accounts");
            assertThat(fk.onDelete()).isEqualTo("cascade");
        });
        assertThat(logins.indexes().get(0).concurrently()).isTrue();
    }

    @Test
    void theSameSchemaGivesByteIdenticalJsonThatReadsBackEqual() {
        String first = SnapshotJson.write(snapshot().withIds("20261121093000_init", null));
        String second = SnapshotJson.write(snapshot().withIds("20261121093000_init", null));

        assertThat(first).isEqualTo(second).endsWith("}\n").doesNotContain("\r").contains("\n  \"version\" : 1,");
        assertThat(SnapshotJson.read(first, "snapshot.json")).isEqualTo(snapshot().withIds("20261121093000_init", null));
        assertThat(first).doesNotContain("\"parent\"");   // absent values are left out
    }

    @Test
    void unreadableSnapshotsNameTheirFile() {
        assertThatThrownBy(() -> SnapshotJson.read("{\"version\": 1, \"tables\": [", "migrations/x/snapshot.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("migrations/x/snapshot.json: ");
        assertThatThrownBy(() -> SnapshotJson.read("{\"version\": 99, \"schemas\": [], \"enums\": [], \"tables\": []}",
                "migrations/y/snapshot.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format 99");
        assertThat(SnapshotJson.read(SnapshotJson.write(Snapshot.empty()), "empty")).isEqualTo(Snapshot.empty());
    }
}
