package dev.sleet.kit.introspect;

import dev.sleet.kit.TestServer;
import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Diff;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.IdentitySnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.PolicySnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Introspection of a schema written by hand in SQL, not by Sleet: each object kind comes back with the values
 * PostgreSQL prints, and the filter limits what is read.
 */
class IntrospectorReadTest {

    private static TestServer postgres;
    private static String database;

    @BeforeAll
    static void start() throws SQLException {
        postgres = TestServer.start();
        database = postgres.name("introspect_read");
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("postgres"));
             Statement s = c.createStatement()) {
            s.execute("drop database if exists \"" + database + "\"");
            s.execute("create database \"" + database + "\"");
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create schema app");
            s.execute("create type app.plan as enum ('free', 'pro')");
            s.execute("create sequence invoice_no as integer start 1000 increment 5");
            s.execute("create table users (id bigint generated always as identity (start with 10) primary key,"
                    + " email varchar(255) not null unique, name text default 'anon', plan app.plan default 'free',"
                    + " created_at timestamptz not null default now(), tags text[],"
                    + " score numeric(10, 2) check (score >= 0), twice integer generated always as (2 * 21) stored)");
            s.execute("comment on column users.email is 'login'");
            s.execute("create index users_created_idx on users (created_at desc nulls last, lower(name))"
                    + " where name is not null");
            s.execute("create table posts (id serial primary key, user_id bigint references users (id)"
                    + " on delete cascade)");
            s.execute("alter table posts enable row level security");
            s.execute("create policy own on posts for select using (user_id = 1)");
            s.execute("create table audit_log (id bigint)");
            s.execute("create table app.user_settings (user_id bigint primary key)");
            s.execute("create view active_users as select id, email from users where name is not null");
            s.execute("create table sleet_history_like (id int)");
        }
    }

    @AfterAll
    static void stop() throws SQLException {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("postgres"));
             Statement s = c.createStatement()) {
            s.execute("drop database if exists \"" + database + "\"");
        } finally {
            postgres.close();
        }
    }

    @Test
    void readsColumnsAsPostgresqlPrintsThem() throws SQLException {
        TableSnapshot users = read(IntrospectFilter.all()).table(null, "users").orElseThrow();
        assertThat(users.columns()).extracting(ColumnSnapshot::name)
                .containsExactly("id", "email", "name", "plan", "created_at", "tags", "score", "twice");
        assertThat(users.column("email").orElseThrow().type()).isEqualTo("character varying(255)");
        assertThat(users.column("email").orElseThrow().comment()).isEqualTo("login");
        assertThat(users.column("name").orElseThrow().defaultSql()).isEqualTo("'anon'::text");
        assertThat(users.column("plan").orElseThrow().type()).isEqualTo("\"app\".\"plan\"");
        assertThat(users.column("plan").orElseThrow().defaultSql()).isEqualTo("'free'::app.plan");
        assertThat(users.column("created_at").orElseThrow().type()).isEqualTo("timestamp with time zone");
        assertThat(users.column("created_at").orElseThrow().defaultSql()).isEqualTo("now()");
        assertThat(users.column("tags").orElseThrow().type()).isEqualTo("text[]");
        assertThat(users.column("score").orElseThrow().type()).isEqualTo("numeric(10,2)");
        assertThat(users.column("twice").orElseThrow().generated()).isEqualTo("(2 * 21)");
        assertThat(users.column("id").orElseThrow().identity())
                .isEqualTo(new IdentitySnapshot(true, 10L, null, null, null, null, false));
        assertThat(users.primaryKey().columns()).containsExactly("id");
        assertThat(users.uniques()).singleElement().satisfies(u -> assertThat(u.columns()).containsExactly("email"));
        assertThat(users.checks()).singleElement().satisfies(k -> assertThat(k.expression()).isEqualTo("(score >= (0)::numeric)"));
    }

    @Test
    void readsIndexesForeignKeysPoliciesSequencesAndViews() throws SQLException {
        Snapshot s = read(IntrospectFilter.all());
        TableSnapshot users = s.table(null, "users").orElseThrow();
        assertThat(users.indexes()).singleElement().isEqualTo(new IndexSnapshot("users_created_idx", false, "btree",
                List.of("\"created_at\" desc nulls last", "(lower(name))"), "(name IS NOT NULL)", false, false));
        TableSnapshot posts = s.table(null, "posts").orElseThrow();
        assertThat(posts.column("id").orElseThrow().defaultSql()).isEqualTo("nextval('posts_id_seq'::regclass)");
        assertThat(posts.foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.targetTable()).isEqualTo("users");
            assertThat(fk.onDelete()).isEqualTo("cascade");
        });
        assertThat(posts.rowLevelSecurity()).isTrue();
        assertThat(posts.policies()).containsExactly(new PolicySnapshot("own", "permissive", "select",
                List.of("public"), "(user_id = 1)", null));
        // the serial's own sequence belongs to its column, not to the standalone sequences
        assertThat(s.sequences()).singleElement().satisfies(q -> {
            assertThat(q.name()).isEqualTo("invoice_no");
            assertThat(q.type()).isEqualTo("integer");
            assertThat(q.start()).isEqualTo(1000L);
            assertThat(q.increment()).isEqualTo(5L);
            assertThat(q.maxValue()).isNull();
        });
        assertThat(s.views()).singleElement().satisfies(v -> assertThat(v.definition()).contains("FROM users"));
        assertThat(s.enums()).singleElement().satisfies(e -> {
            assertThat(e.schema()).isEqualTo("app");
            assertThat(e.values()).containsExactly("free", "pro");
        });
        assertThat(s.schemas()).containsExactly("app");
    }

    @Test
    void theFilterLimitsSchemasAndTables() throws SQLException {
        Snapshot s = read(IntrospectFilter.all().tables("user*", "!audit_*"));
        assertThat(s.tables()).extracting(TableSnapshot::qualifiedName)
                .containsExactly("users", "app.user_settings");
        Snapshot app = read(IntrospectFilter.all().schemas("app"));
        assertThat(app.tables()).extracting(TableSnapshot::qualifiedName).containsExactly("app.user_settings");
        assertThat(app.sequences()).isEmpty();
        assertThat(read(IntrospectFilter.all().tables("!sleet_*")).tables())
                .extracting(TableSnapshot::name).doesNotContain("sleet_history_like");
    }

    @Test
    void aChangeMadeByHandShowsInTheDiff() throws SQLException {
        Snapshot before = read(IntrospectFilter.all());
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("begin");
            st.execute("alter table users alter column name set default 'someone'");
            st.execute("create index audit_log_id_idx on audit_log (id)");
            Snapshot after = Introspector.read(c, IntrospectFilter.all());
            st.execute("rollback");
            List<Change> changes = Diff.between(before, after);
            assertThat(changes).hasSize(2);
            assertThat(changes).anySatisfy(ch -> assertThat(ch).isInstanceOf(Change.AlterDefault.class));
            assertThat(changes).anySatisfy(ch -> assertThat(ch).isInstanceOf(Change.CreateIndex.class));
        }
    }

    private static Snapshot read(IntrospectFilter filter) throws SQLException {
        try (Connection c = connect()) {
            return Introspector.read(c, filter);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database));
    }
}
