package dev.sleet.kit.generate;

import dev.sleet.kit.TestServer;
import dev.sleet.kit.migrate.Migrator;
import dev.sleet.schema.Column;
import dev.sleet.schema.PgEnum;
import dev.sleet.schema.Schema;
import dev.sleet.schema.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The loop: generate from the Java schema, migrate, change the schema, generate again, migrate, roll back. */
class GeneratorTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T09:30:00Z"), ZoneOffset.UTC);
    private static TestServer postgres;

    @TempDir
    Path folder;

    enum Status { open, closed }

    enum StatusV2 { open, pending, closed }

    static final PgEnum<Status> STATUS = PgEnum.of("ticket_status", Status.class);
    static final PgEnum<StatusV2> STATUS_V2 = PgEnum.of("ticket_status", StatusV2.class);

    static final class TicketsV1 extends Table {
        final Column<Long> id = bigint("id").primaryKey().generatedAlwaysAsIdentity();
        final Column<String> title = text("title").notNull();
        final Column<Status> status = enumeration("status", STATUS).notNull().defaultValue(Status.open);

        TicketsV1() {
            super("tickets");
        }
    }

    /** V1 plus a column, a renamed column, an index and a table; the enum gains a value. */
    static final class TicketsV2 extends Table {
        final Column<Long> id = bigint("id").primaryKey().generatedAlwaysAsIdentity();
        final Column<String> subject = text("subject").notNull().renamedFrom("title");
        final Column<StatusV2> status = enumeration("status", STATUS_V2).notNull().defaultValue(StatusV2.open);
        final Column<Integer> priority = integer("priority").notNull().defaultValue(3);

        TicketsV2() {
            super("tickets");
            index("tickets_priority_idx").on(priority);
        }
    }

    static final class Comments extends Table {
        final Column<Long> id = bigint("id").primaryKey().generatedAlwaysAsIdentity();
        final Column<String> body = text("body");

        Comments() {
            super("comments");
        }
    }

    /** V1 with title dropped and subject added, and no hint. */
    static final class TicketsUnhinted extends Table {
        final Column<Long> id = bigint("id").primaryKey().generatedAlwaysAsIdentity();
        final Column<String> subject = text("subject").notNull();
        final Column<Status> status = enumeration("status", STATUS).notNull().defaultValue(Status.open);

        TicketsUnhinted() {
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

    private static PGSimpleDataSource freshDatabase() throws Exception {
        String name = postgres.createDatabase("gen_" + DATABASES.incrementAndGet());
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(postgres.jdbcUrl(name));
        return ds;
    }

    private static List<String> columns(PGSimpleDataSource ds, String table) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select column_name from information_schema.columns where table_name = '"
                     + table + "' order by ordinal_position")) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    @Test
    void theWholeLoopGeneratesMigratesEvolvesAndRollsBack() throws Exception {
        PGSimpleDataSource ds = freshDatabase();

        GenerateResult first = Generator.generate(new Schema(List.of(STATUS), List.of(new TicketsV1())), folder,
                "create_tickets", false, CLOCK);
        assertThat(first.migrations()).extracting(p -> p.getFileName().toString())
                .containsExactly("20261121093000_create_tickets");
        assertThat(Files.readString(first.migrations().get(0).resolve("up.sql"))).contains("create table \"tickets\"");
        Migrator.of(ds, folder).migrate();
        assertThat(columns(ds, "tickets")).containsExactly("id", "title", "status");

        assertThat(Generator.generate(new Schema(List.of(STATUS), List.of(new TicketsV1())), folder, "again", false,
                CLOCK).nothingToDo()).isTrue();

        GenerateResult second = Generator.generate(new Schema(List.of(STATUS_V2), List.of(new TicketsV2(),
                new Comments())), folder, "evolve", false, CLOCK);
        // the enum value cannot be added in a transaction: a migration of its own comes first
        assertThat(second.migrations()).extracting(p -> p.getFileName().toString())
                .containsExactly("20261121093001_evolve_1", "20261121093002_evolve_2");
        assertThat(Files.readString(second.migrations().get(0).resolve("up.sql")))
                .startsWith("-- sleet:no-transaction").contains("add value 'pending'");
        assertThat(Files.readString(second.migrations().get(1).resolve("up.sql")))
                .contains("rename column \"title\" to \"subject\"").contains("create table \"comments\"")
                .contains("\"tickets_priority_idx\"");
        assertThat(Files.readString(second.migrations().get(1).resolve("snapshot.json")))
                .contains("\"parent\" : \"20261121093001\"");

        Migrator.of(ds, folder).migrate();
        assertThat(columns(ds, "tickets")).containsExactly("id", "subject", "status", "priority");
        assertThat(columns(ds, "comments")).containsExactly("id", "body");

        Migrator.of(ds, folder).rollback(1);
        assertThat(columns(ds, "tickets")).containsExactly("id", "title", "status");
        assertThat(columns(ds, "comments")).isEmpty();
    }

    @Test
    void aDropAndAnAddThatMayBeARenameStopUnlessTheSchemaSaysWhich() {
        Generator.generate(new Schema(List.of(STATUS), List.of(new TicketsV1())), folder, "init", false, CLOCK);

        assertThatThrownBy(() -> Generator.generate(new Schema(List.of(STATUS), List.of(new TicketsUnhinted())), folder,
                "rename", false, CLOCK))
                .isInstanceOf(RenameHintMissingException.class)
                .hasMessageContaining("renamedFrom(\"title\")").hasMessageContaining("--allow-drops");
        assertThat(Generator.generate(new Schema(List.of(STATUS), List.of(new TicketsUnhinted())), folder, "replace",
                true, CLOCK).changes()).isNotEmpty();
        assertThatThrownBy(() -> Generator.generate(new Schema(List.of(), List.of()), folder, "bad name!", false, CLOCK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad name!");
    }
}
