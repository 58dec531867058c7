package dev.sleet.kit.push;

import dev.sleet.kit.TestServer;
import dev.sleet.schema.Column;
import dev.sleet.schema.PgEnum;
import dev.sleet.schema.Schema;
import dev.sleet.schema.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** push applies the schema, does nothing the second time, and counts what a data-losing change would cost. */
class PushTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static TestServer server;
    private String database;
    private PGSimpleDataSource ds;

    enum Status { open, closed }

    enum StatusV2 { open, waiting, closed }

    static final PgEnum<Status> STATUS = PgEnum.of("status", Status.class);
    static final PgEnum<StatusV2> STATUS_V2 = PgEnum.of("status", StatusV2.class);

    static Table v1() {
        return new Table("tickets") {
            final Column<Long> id = bigint("id").primaryKey();
            final Column<String> title = text("title");
            final Column<Integer> points = integer("points");
            final Column<String> code = varchar("code", 20);
            final Column<Status> status = enumeration("status", STATUS).notNull().defaultValue(Status.open);

            {
                index("tickets_title_idx").on(title);
            }
        };
    }

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void freshDatabase() throws SQLException {
        database = server.name("push_" + DATABASES.incrementAndGet());
        admin("create database \"" + database + "\"");
        ds = new PGSimpleDataSource();
        ds.setUrl(server.jdbcUrl(database));
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        admin("drop database if exists \"" + database + "\" with (force)");
    }

    @Test
    void aPushAppliesTheSchemaAndASecondPushFindsNothingToDo() throws SQLException {
        Schema schema = new Schema(List.of(STATUS), List.of(v1()));

        PushPlan first = Push.plan(ds, schema);
        assertThat(first.losses()).isEmpty();
        assertThat(first.statements()).anySatisfy(s -> assertThat(s).startsWith("create table \"tickets\""));
        Push.apply(ds, first);

        assertThat(Push.plan(ds, schema).nothingToDo()).as("second push").isTrue();
        run("insert into tickets (id, title) values (1, 'a')");
        assertThat(count("select count(*) from tickets where status = 'open'")).isEqualTo(1);
    }

    @Test
    void aNewEnumValueUsedAsTheNewDefaultIsPushed() throws SQLException {
        Push.apply(ds, Push.plan(ds, new Schema(List.of(STATUS), List.of(v1()))));
        Schema v2 = new Schema(List.of(STATUS_V2), List.of(new Table("tickets") {
            final Column<Long> id = bigint("id").primaryKey();
            final Column<String> title = text("title");
            final Column<Integer> points = integer("points");
            final Column<String> code = varchar("code", 20);
            final Column<StatusV2> status = enumeration("status", STATUS_V2).notNull()
                    .defaultValue(StatusV2.waiting);

            {
                index("tickets_title_idx").on(title);
            }
        }));

        Push.apply(ds, Push.plan(ds, v2));

        run("insert into tickets (id) values (1)");
        assertThat(count("select count(*) from tickets where status = 'waiting'")).isEqualTo(1);
        assertThat(Push.plan(ds, v2).nothingToDo()).isTrue();
    }

    @Test
    void dataLosingChangesAreCountedAndNotApplied() throws SQLException {
        Push.apply(ds, Push.plan(ds, new Schema(List.of(STATUS), List.of(v1()))));
        run("insert into tickets (id, title, points, code) values (1, 'a', 5, 'x'), (2, 'a', null, 'y'), "
                + "(3, null, 7, 'z')");
        run("create table scratch (id int)");
        run("insert into scratch values (1), (2)");
        Schema v2 = new Schema(List.of(STATUS), List.of(new Table("tickets") {
            final Column<Long> id = bigint("id").primaryKey();
            final Column<String> title = text("title").notNull().unique("tickets_title_key");
            final Column<Integer> points = integer("points").notNull();
            final Column<Status> status = enumeration("status", STATUS).notNull().defaultValue(Status.open);
        }));

        PushPlan plan = Push.plan(ds, v2);

        assertThat(plan.losses()).extracting(DataLoss::toString).contains(
                "drop table scratch: 2 rows",
                "drop column tickets.code: 3 rows",
                "set not null on tickets.title (rows holding null): 1 row",
                "set not null on tickets.points (rows holding null): 1 row",
                "unique constraint tickets_title_key on tickets (title) over duplicate rows: 2 rows");
        assertThat(count("select count(*) from scratch")).as("nothing applied").isEqualTo(2);
    }

    @Test
    void aNarrowingTypeChangeIsCountedAndAWideningIsNot() throws SQLException {
        Push.apply(ds, Push.plan(ds, new Schema(List.of(STATUS), List.of(v1()))));
        run("insert into tickets (id, points, code) values (1, 5, 'x')");
        Schema widened = new Schema(List.of(STATUS), List.of(new Table("tickets") {
            final Column<Long> id = bigint("id").primaryKey();
            final Column<String> title = text("title");
            final Column<Long> points = bigint("points");
            final Column<String> code = varchar("code", 2);
            final Column<Status> status = enumeration("status", STATUS).notNull().defaultValue(Status.open);

            {
                index("tickets_title_idx").on(title);
            }
        }));

        PushPlan plan = Push.plan(ds, widened);

        assertThat(plan.losses()).extracting(DataLoss::toString).containsExactly(
                "change type of tickets.code from character varying(20) to character varying(2): 1 row");
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"));
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private void run(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
