package dev.sleet.kit.generate;

import dev.sleet.kit.TestServer;
import dev.sleet.kit.check.FolderCheck;
import dev.sleet.kit.ddl.CatalogDump;
import dev.sleet.kit.lint.LintFinding;
import dev.sleet.kit.lint.LintRule;
import dev.sleet.kit.lint.MigrationLinter;
import dev.sleet.kit.migrate.Migration;
import dev.sleet.kit.migrate.MigrationFolder;
import dev.sleet.kit.migrate.Migrator;
import dev.sleet.schema.Column;
import dev.sleet.schema.Schema;
import dev.sleet.schema.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code generate --safe}: the linter's safe forms, written for a change to tables that hold rows, pass the
 * linter and {@code check}, reach the same catalog as the plain form, and roll back to the one before.
 */
class GeneratorSafeTest {

    private static final Clock V1_CLOCK = Clock.fixed(Instant.parse("2026-11-21T09:00:00Z"), ZoneOffset.UTC);
    private static final Clock V2_CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    private static TestServer postgres;

    @TempDir
    Path safeFolder;

    @TempDir
    Path plainFolder;

    static final class UsersV1 extends Table {
        final Column<Long> id = bigint("id").primaryKey().generatedAlwaysAsIdentity();
        final Column<String> email = text("email");
        final Column<Integer> age = integer("age");

        UsersV1() {
            super("users");
            index("users_age_idx").on(age);
        }
    }

    static final class PostsV1 extends Table {
        final Column<Long> id = bigint("id").primaryKey().generatedAlwaysAsIdentity();
        final Column<Long> authorId = bigint("author_id");
        final Column<String> title = text("title");

        PostsV1() {
            super("posts");
        }
    }

    static final class TagsV1 extends Table {
        final Column<String> name = text("name");

        TagsV1() {
            super("tags");
        }
    }

    /** Every change here has a safe form: NOT NULL, unique, check, dropped index. */
    static final class UsersV2 extends Table {
        final Column<Long> id = bigint("id").primaryKey().generatedAlwaysAsIdentity();
        final Column<String> email = text("email").notNull().unique("users_email_key");
        final Column<Integer> age = integer("age");

        UsersV2() {
            super("users");
            check("users_age_check", "age >= 0");
        }
    }

    /** A foreign key and an index on a table with rows. */
    static final class PostsV2 extends Table {
        static final UsersV2 USERS = new UsersV2();
        final Column<Long> id = bigint("id").primaryKey().generatedAlwaysAsIdentity();
        final Column<Long> authorId = bigint("author_id").references(() -> USERS.id);
        final Column<String> title = text("title");

        PostsV2() {
            super("posts");
            index("posts_author_idx").on(authorId);
        }
    }

    /** A primary key on a column that allowed nulls. */
    static final class TagsV2 extends Table {
        final Column<String> name = text("name").primaryKey();

        TagsV2() {
            super("tags");
        }
    }

    /** A new table: its constraints and index need no safe form. */
    static final class Comments extends Table {
        final Column<Long> id = bigint("id").primaryKey().generatedAlwaysAsIdentity();
        final Column<Long> postId = bigint("post_id").notNull().references(() -> POSTS_V2.id);

        Comments() {
            super("comments");
            index("comments_post_idx").on(postId);
        }
    }

    static final PostsV2 POSTS_V2 = new PostsV2();
    static final Schema V1 = new Schema(List.of(), List.of(new UsersV1(), new PostsV1(), new TagsV1()));
    static final Schema V2 = new Schema(List.of(), List.of(PostsV2.USERS, POSTS_V2, new TagsV2(), new Comments()));

    @BeforeAll
    static void start() {
        postgres = TestServer.start();
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void theSafeFormsPassTheLinterAndCheckWhereThePlainFormsDoNot() {
        Generator.generate(V1, plainFolder, "init", false, V1_CLOCK);
        Generator.generate(V2, plainFolder, "tighten", false, V2_CLOCK);
        Generator.generate(V1, safeFolder, "init", false, V1_CLOCK);
        Generator.generate(V2, safeFolder, "tighten", false, V2_CLOCK, null, true);

        assertThat(rules(plainFolder)).contains(LintRule.NOT_NULL, LintRule.UNIQUE, LintRule.CHECK,
                LintRule.FOREIGN_KEY, LintRule.INDEX, LintRule.LOCK_TIMEOUT);
        assertThat(MigrationLinter.lint(MigrationFolder.read(safeFolder).migrations())).isEmpty();
        assertThat(FolderCheck.check(safeFolder)).isEmpty();
        assertThat(FolderCheck.check(plainFolder)).isEmpty();
    }

    @Test
    void aHandEditedSafeMigrationIsReportedByCheck() throws Exception {
        Generator.generate(V1, safeFolder, "init", false, V1_CLOCK);
        List<Path> written = Generator.generate(V2, safeFolder, "tighten", false, V2_CLOCK, null, true).migrations();
        Path main = written.get(1);
        Path up = main.resolve(MigrationFolder.UP);
        assertThat(Files.readString(up)).contains(" not valid");
        Files.writeString(up, Files.readString(up).replace(" not valid", ""));

        assertThat(FolderCheck.check(safeFolder)).singleElement().asString()
                .contains(written.get(0).getFileName().toString()).contains("not valid");
    }

    @Test
    void theSafeMigrationsReachThePlainCatalogOnTablesWithRowsAndRollBack() throws Exception {
        Generator.generate(V1, plainFolder, "init", false, V1_CLOCK);
        Generator.generate(V2, plainFolder, "tighten", false, V2_CLOCK);
        Generator.generate(V1, safeFolder, "init", false, V1_CLOCK);
        List<Path> safe = Generator.generate(V2, safeFolder, "tighten", false, V2_CLOCK, null, true).migrations();
        assertThat(safe).hasSizeGreaterThan(3);
        for (Path dir : safe) {
            String up = Files.readString(dir.resolve(MigrationFolder.UP));
            assertThat(up).startsWith(Migration.SAFE_MARKER);
        }

        ScratchDatabase plain = ScratchDatabase.create(postgres);
        Migrator.of(plain.dataSource, plainFolder).migrate();
        ScratchDatabase db = ScratchDatabase.create(postgres);
        Migrator.of(db.dataSource, safeFolder).migrate("20261121090000");
        db.execute("insert into users (email, age) select 'u' || g || '@example.com', g from generate_series(1, 500) g;"
                + "insert into posts (author_id, title) select 1 + g % 500, 'post ' || g from generate_series(1, 2000) g;"
                + "insert into tags (name) values ('a'), ('b'), ('c')");
        String v1 = catalog(db);

        Migrator.of(db.dataSource, safeFolder).migrate();

        assertThat(catalog(db)).isEqualTo(catalog(plain));
        assertThat(db.strings("select count(*) from posts")).containsExactly("2000");

        Migrator.of(db.dataSource, safeFolder).rollback(safe.size());
        assertThat(catalog(db)).isEqualTo(v1);

        Migrator.of(db.dataSource, safeFolder).migrate();
        assertThat(catalog(db)).isEqualTo(catalog(plain));
    }

    @Test
    void aSafeMigrationOverBadRowsStopsAtTheValidationAndLeavesNothingHalfDone() throws Exception {
        Generator.generate(V1, safeFolder, "init", false, V1_CLOCK);
        List<Path> safe = Generator.generate(V2, safeFolder, "tighten", false, V2_CLOCK, null, true).migrations();
        ScratchDatabase db = ScratchDatabase.create(postgres);
        Migrator.of(db.dataSource, safeFolder).migrate("20261121090000");
        db.execute("insert into users (email, age) values (null, 30)");
        String v1 = catalog(db);

        assertThatThrownBy(() -> Migrator.of(db.dataSource, safeFolder).migrate())
                .hasMessageContaining("users_email_not_null_sleet");

        // the steps before the failing one stay applied and roll back cleanly
        int applied = Integer.parseInt(db.strings("select count(*) from sleet.migrations").get(0)) - 1;
        assertThat(applied).isBetween(1, safe.size() - 1);
        Migrator.of(db.dataSource, safeFolder).rollback(applied);
        assertThat(catalog(db)).isEqualTo(v1);
    }

    private static List<LintRule> rules(Path folder) {
        return MigrationLinter.lint(MigrationFolder.read(folder).migrations()).stream().map(LintFinding::rule)
                .toList();
    }

    private static String catalog(ScratchDatabase db) throws Exception {
        try (Connection c = db.dataSource.getConnection()) {
            return CatalogDump.of(c);
        }
    }
}
