package dev.sleet.kit.pull;

import dev.sleet.kit.TestServer;
import dev.sleet.kit.ddl.MigrationSql;
import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Diff;
import dev.sleet.kit.introspect.IntrospectFilter;
import dev.sleet.kit.introspect.Introspector;
import dev.sleet.kit.introspect.SnapshotNormalizer;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SnapshotBuilder;
import dev.sleet.kit.snapshot.SnapshotJson;
import dev.sleet.schema.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pull on a database Sleet never touched: a schema written by hand in SQL with every feature the DSL has is
 * introspected, written as Java, compiled, loaded, and built back into a snapshot that shows no difference from
 * the database.
 */
class JavaSchemaWriterRoundTripTest {

    private static TestServer postgres;
    private static String database;
    private static String role;

    @BeforeAll
    static void start() throws SQLException {
        postgres = TestServer.start();
        database = postgres.name("pull_round_trip");
        role = postgres.name("pull_reader");
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("postgres"));
             Statement s = c.createStatement()) {
            s.execute("drop database if exists \"" + database + "\"");
            s.execute("create database \"" + database + "\"");
            s.execute("drop role if exists " + role);
            s.execute("create role " + role);
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : handWrittenSchema(role)) {
                s.execute(sql);
            }
        }
    }

    @AfterAll
    static void stop() throws SQLException {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("postgres"));
             Statement s = c.createStatement()) {
            s.execute("drop database if exists \"" + database + "\"");
            s.execute("drop role if exists " + role);
        } finally {
            postgres.close();
        }
    }

    /** Every feature of the DSL, written the way a person writes SQL, with PostgreSQL's own constraint names. */
    static List<String> handWrittenSchema(String role) {
        return List.of(
                "create schema app",
                "create type app.plan as enum ('free', 'pro')",
                "create type mood as enum ('happy', 'sad', 'meh')",
                "create sequence invoice_no as integer start 1000 increment 5",
                "create sequence app.ticket_no cache 10 cycle",
                "comment on sequence app.ticket_no is 'tickets'",
                "create table users (id bigint generated always as identity (start with 10) primary key,"
                        + " email varchar(255) not null unique, name text default 'anon', plan app.plan default 'free',"
                        + " created_at timestamptz not null default now(), tags text[],"
                        + " score numeric(10, 2) check (score >= 0), twice integer generated always as (2 * 21) stored,"
                        + " \"Display Name\" text default 'it''s \"quoted\" \\ here')",
                "comment on column users.email is 'login'",
                "comment on table users is 'People who sign in.\nSecond line with \\u0041 and */ inside.'",
                "create index users_created_idx on users (created_at desc nulls last, lower(name))"
                        + " where name is not null",
                "create index users_tags_idx on users using gin (tags)",
                "create index users_name_pattern_idx on users (name text_pattern_ops, email nulls first)",
                "create unique index users_lower_email_idx on users (lower(email))",
                "create table posts (id serial primary key, user_id bigint references users (id)"
                        + " on delete cascade, title varchar(200) not null,"
                        + " body text not null default '', published boolean not null default false,"
                        + " mood mood, moods mood[] default '{}', rating smallint default 3, views bigint default -1,"
                        + " weight integer not null default 42)",
                "alter table posts enable row level security",
                "alter table posts force row level security",
                "create policy own on posts for select using (user_id = 1)",
                "create policy writers on posts as restrictive for insert to " + role
                        + " with check (published = false)",
                "create policy editors on posts for update to " + role + ", current_user using (true)"
                        + " with check (title <> '')",
                "create table comments (id bigserial primary key, post_id integer not null"
                        + " constraint comments_post_id_posts_id_fk references posts (id),"
                        + " author_id bigint constraint comments_author_id_users_id_fk references users (id)"
                        + " on delete set null on update cascade, body text not null,"
                        + " constraint comments_body_length check (length(body) <= 1000))",
                "create table everything (code character(3) primary key, small smallint, big bigint, amount numeric,"
                        + " ratio real, precise double precision, on_day date default current_date, at_time time,"
                        + " at_local timestamp default now(), wait interval default '1 day',"
                        + " doc json, data jsonb not null default '{}', blob bytea, ip inet, net cidr, mac macaddr,"
                        + " token uuid not null default gen_random_uuid(), counts integer[] default '{1,2}',"
                        + " search tsvector, seq_default bigint default nextval('invoice_no'),"
                        + " constraint everything_small_key unique nulls not distinct (small),"
                        + " constraint everything_ip_unique unique (ip))",
                "create unique index everything_big_mac_idx on everything (big, mac) nulls not distinct",
                "create table app.memberships (user_id bigint not null, org text not null, role text,"
                        + " since integer generated by default as identity (increment by 2 minvalue 5 maxvalue 900),"
                        + " primary key (user_id, org),"
                        + " constraint memberships_role_org unique (org, role),"
                        + " foreign key (user_id) references users (id) on update restrict)",
                "create table app.grants (user_id bigint not null, org text not null,"
                        + " constraint grants_membership_fk foreign key (user_id, org)"
                        + " references app.memberships (user_id, org) on delete cascade)",
                "create table app.user_settings (user_id bigint primary key"
                        + " constraint user_settings_user_id_users_id_fk references users (id), theme text)",
                "create view active_users as select id, email from users where name is not null",
                "create view app.posts_per_user with (security_invoker = true) as"
                        + " select user_id, count(*) as n from posts group by user_id",
                "comment on view app.posts_per_user is 'counts'",
                "create materialized view user_emails as select email from users with no data",
                // what people write that Sleet would not: labels that are no Java names, a primary key named
                // by hand, precision on times, an IN list on varchar, a collation
                "create type odd_state as enum ('in-progress', 'Done', 'class', '1st', 'two words')",
                "create table odd (n smallserial constraint odd_main_key primary key,"
                        + " at3 timestamp(3) with time zone default now(), t time(0), local6 timestamp(6),"
                        + " tier varchar(10) not null default 'free' check (tier in ('free', 'pro')),"
                        + " label text, state odd_state default 'in-progress',"
                        + " states odd_state[] default '{Done}')",
                "create index odd_label_idx on odd (label collate \"C\" desc, (lower(tier)) text_pattern_ops)");
    }

    @Test
    void pulledJavaCompilesAndBuildsTheSchemaTheDatabaseHas(@TempDir Path dir) throws Exception {
        try (Connection c = connect()) {
            Snapshot live = Introspector.read(c, IntrospectFilter.all());
            JavaSchemaWriter writer = JavaSchemaWriter.of(live, "com.example.pulled", "App");
            Map<String, String> sources = writer.sources();
            writer.writeTo(dir.resolve("src"));

            // what the DSL can say is said, not left to a TODO
            String odd = sources.entrySet().stream().filter(e -> e.getKey().endsWith("/Odd.java"))
                    .map(Map.Entry::getValue).findFirst().orElseThrow();
            assertThat(odd).doesNotContain("TODO")
                    .contains("smallserial(\"n\")").contains("primaryKey(\"odd_main_key\", n)")
                    .contains("timestamptz(\"at3\", 3)").contains("time(\"t\", 0)").contains("timestamp(\"local6\", 6)")
                    .contains("desc(label).collate(\"C\")")
                    .contains("expression(\"lower(tier::text)\").opclass(\"text_pattern_ops\")")
                    .contains("defaultValue(OddState.IN_PROGRESS)");
            assertThat(sources.values()).anySatisfy(source -> assertThat(source)
                    .contains("@PgLabel(\"in-progress\") IN_PROGRESS").contains("@PgLabel(\"two words\") TWO_WORDS"));
            assertThat(sources.values()).anySatisfy(source -> assertThat(source)
                    .contains("asc(name).opclass(\"text_pattern_ops\")"));

            Schema schema = compileAndLoad(dir, writer.schemaClassName());
            Snapshot built = SnapshotNormalizer.normalize(SnapshotBuilder.of(schema), c);
            Snapshot settled = SnapshotNormalizer.settleAgainst(live, built, c);
            List<Change> changes = Diff.between(settled, built);
            assertThat(changes).as(() -> "pulled sources:\n" + String.join("\n", sources.values())
                    + "\nchanges:\n" + MigrationSql.up(changes) + "\nintrospected:\n" + SnapshotJson.write(live)
                    + "\nbuilt:\n" + SnapshotJson.write(built)).isEmpty();
            assertThat(Diff.between(built, settled)).isEmpty();
        }
    }

    /** Compiles the pulled sources against the test classpath and reads the schema class. */
    static Schema compileAndLoad(Path dir, String schemaClass) throws Exception {
        return Schema.of(Class.forName(schemaClass, true, PulledJava.compile(dir)));
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database));
    }
}
