package dev.sleet.kit.snapshot;

import dev.sleet.schema.Column;
import dev.sleet.schema.IdentityOptions;
import dev.sleet.schema.OnDelete;
import dev.sleet.schema.PgEnum;
import dev.sleet.schema.PgRole;
import dev.sleet.schema.PgSequence;
import dev.sleet.schema.PgView;
import dev.sleet.schema.PolicyAs;
import dev.sleet.schema.PolicyCommand;
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

    static final PgRole READER = PgRole.of("reader").login();
    static final PgRole AUTHENTICATED = PgRole.existing("authenticated");

    static final class Notes extends Table {
        static final Notes NOTES = new Notes();
        final Column<Long> id = bigint("id").primaryKey().comment("the key");
        final Column<String> body = text("body");

        private Notes() {
            super("notes");
            comment("free text notes");
            forceRowLevelSecurity();
            policy("writers").forCommand(PolicyCommand.INSERT).to(AUTHENTICATED, READER).withCheck("body <> ''");
            policy("all_read").as(PolicyAs.RESTRICTIVE).using("true");
        }
    }

    private static Schema everyKind() {
        return new Schema(List.of(), List.of(Notes.NOTES),
                List.of(PgSequence.of("ticket_no").as("integer").options(IdentityOptions.startWith(7))),
                List.of(PgView.of("short_notes").as("select id from notes where length(body) < 10").securityInvoker(),
                        PgView.materialized("note_count").as("select count(*) from notes").withNoData()),
                List.of(READER, AUTHENTICATED));
    }

    @Test
    void sequencesViewsRolesPoliciesAndCommentsAreInTheSnapshot() {
        Snapshot s = SnapshotBuilder.of(everyKind());

        assertThat(s.roles()).containsExactly(new RoleSnapshot("reader", true, false, false, true, false));
        assertThat(s.sequences()).containsExactly(new SequenceSnapshot(null, "ticket_no", "integer", 7L, null, null,
                null, null, false, null));
        assertThat(s.views()).extracting(ViewSnapshot::name).containsExactly("short_notes", "note_count");
        assertThat(s.views().get(0).securityInvoker()).isTrue();
        assertThat(s.views().get(1).materialized()).isTrue();
        TableSnapshot notes = s.table(null, "notes").orElseThrow();
        assertThat(notes.comment()).isEqualTo("free text notes");
        assertThat(notes.column("id").orElseThrow().comment()).isEqualTo("the key");
        assertThat(notes.rowLevelSecurity()).isTrue();
        assertThat(notes.forceRowLevelSecurity()).isTrue();
        assertThat(notes.policies()).extracting(PolicySnapshot::name).containsExactly("all_read", "writers");
        assertThat(notes.policies().get(1)).isEqualTo(new PolicySnapshot("writers", "permissive", "insert",
                List.of("authenticated", "reader"), null, "body <> ''"));

        String json = SnapshotJson.write(s);
        assertThat(json).isEqualTo(SnapshotJson.write(SnapshotBuilder.of(everyKind())));
        assertThat(SnapshotJson.read(json, "snapshot.json")).isEqualTo(s);
    }

    @Test
    void snapshotsWrittenBeforeTheseKindsExistedStillRead() {
        String old = "{\"version\": 1, \"schemas\": [], \"enums\": [], \"tables\": [{\"name\": \"t\","
                + " \"columns\": [{\"name\": \"id\", \"type\": \"bigint\", \"notNull\": true}],"
                + " \"uniques\": [], \"foreignKeys\": [], \"checks\": [], \"indexes\": []}]}";
        Snapshot s = SnapshotJson.read(old, "old/snapshot.json");

        assertThat(s.roles()).isEmpty();
        assertThat(s.views()).isEmpty();
        assertThat(s.tables().get(0).policies()).isEmpty();
        assertThat(s.tables().get(0).rowLevelSecurity()).isFalse();
        // and a schema without the new kinds writes no trace of them
        assertThat(SnapshotJson.write(s)).doesNotContain("roles").doesNotContain("views").doesNotContain("policies")
                .doesNotContain("rowLevelSecurity");
    }
}
