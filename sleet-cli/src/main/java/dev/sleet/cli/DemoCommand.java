package dev.sleet.cli;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.SleetOptions;
import dev.sleet.ddl.SchemaDdl;
import dev.sleet.embedded.EmbeddedPostgres;
import dev.sleet.exec.Row;
import dev.sleet.exec.UniqueViolationException;
import dev.sleet.examples.blog.BlogQueries;
import dev.sleet.examples.blog.BlogRelations;
import dev.sleet.examples.blog.BlogSchema;
import dev.sleet.examples.blog.Metadata;
import dev.sleet.examples.blog.Role;
import dev.sleet.query.Field;
import dev.sleet.query.Query;
import dev.sleet.query.RelationalQuery;
import dev.sleet.query.ResultQuery;
import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderedSql;
import dev.sleet.schema.Schema;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static dev.sleet.Sql.and;
import static dev.sleet.Sql.arrayContains;
import static dev.sleet.Sql.count;
import static dev.sleet.Sql.desc;
import static dev.sleet.Sql.eq;
import static dev.sleet.Sql.excluded;
import static dev.sleet.Sql.gt;
import static dev.sleet.Sql.like;
import static dev.sleet.Sql.sum;
import static dev.sleet.examples.blog.Posts.POSTS;
import static dev.sleet.examples.blog.Users.USERS;

/**
 * {@code sleet demo}: starts an embedded PostgreSQL and shows Sleet in two parts, printing each step's SQL and
 * result. First the migrations loop on the SaaS example ({@link DemoMigrationTour}): generate, migrate, change
 * the schema, generate again, migrate, roll back, status. Then queries on the blog example: it creates the
 * blog schema from its Java classes and runs inserts, queries, an upsert, updates, a transaction and deletes.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run Sleet against an embedded PostgreSQL and show what it does (nothing to install).")
final class DemoCommand implements Callable<Integer> {

    /** A user to insert; the columns it lacks (id, timestamps, is_active) take their defaults. */
    record NewUser(String email, String name, Role role, Metadata metadata) {
    }

    /** A post to insert. */
    record NewPost(String title, String content, Integer authorId, List<String> tags, Boolean published) {
    }

    /** A user as read back. */
    record UserRow(Integer id, String email, String name, Role role, Boolean isActive, OffsetDateTime createdAt) {
    }

    private final PrintStream out = System.out;
    private int step;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        out.println("Starting an embedded PostgreSQL (first run unpacks the binaries)...");
        try (EmbeddedPostgres pg = EmbeddedPostgres.start();
             Db db = Sleet.connect(pg.jdbcUrl("postgres"),
                     SleetOptions.defaults().relations(BlogRelations.RELATIONS))) {
            out.println("PostgreSQL " + pg.version() + " on " + pg.host() + ":" + pg.port());

            part("Part 1 of 2: migrations, on the SaaS example (database \"" + DemoMigrationTour.DATABASE + "\")");
            // Its own database: the SaaS and blog schemas both have a users table.
            db.execute(ctx -> ctx.sql("create database ").identifier(DemoMigrationTour.DATABASE));
            PGSimpleDataSource saas = new PGSimpleDataSource();
            saas.setURL(pg.jdbcUrl(DemoMigrationTour.DATABASE));
            new DemoMigrationTour(out, Clock.systemUTC()).run(saas, pg.jdbcUrl(DemoMigrationTour.DATABASE));

            part("Part 2 of 2: queries, on the blog example (database \"postgres\")");
            run(db);
        }
        out.printf("%nDone in %.1f s. The embedded server is stopped and its data removed.%n",
                (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private void run(Db db) {
        title("Create the blog schema from dev.sleet.examples.blog.BlogSchema");
        List<QueryPart> ddl = SchemaDdl.create(Schema.of(BlogSchema.class));
        out.println(indent(SchemaDdl.toSql(ddl)));
        db.transaction(tx -> ddl.forEach(tx::execute));
        out.println("  " + ddl.size() + " statements, in one transaction");

        title("Insert users from records, returning the rows");
        List<UserRow> users = show(db.insert(USERS).values(List.of(
                new NewUser("ann@example.com", "Ann", Role.admin, new Metadata(Map.of("theme", "dark"))),
                new NewUser("bob@example.com", "Bob", Role.user, null),
                new NewUser("cid@example.org", "Cid", Role.guest, null)))
                .returning(USERS.id, USERS.email, USERS.name, USERS.role, USERS.isActive, USERS.createdAt))
                .stream().map(r -> r.into(UserRow.class)).toList();
        int ann = users.get(0).id();
        int bob = users.get(1).id();

        title("Insert posts (text[] tags, defaults for views and created_at)");
        show(db.insert(POSTS).values(List.of(
                new NewPost("Hello, Sleet", "Type-safe SQL for Java.", ann, List.of("java", "sql"), true),
                new NewPost("Migrations with rollback", "Every migration has a down.sql.", ann,
                        List.of("migrations"), true),
                new NewPost("Draft: tenancy", "Work in progress.", ann, List.of("tenancy"), false),
                new NewPost("Bob's first post", "Hi!", bob, List.of("hello"), true))));

        title("Active users with an @example.com address, newest first");
        show(db.select(USERS.id, USERS.email, USERS.name).from(USERS)
                .where(and(eq(USERS.isActive, true), like(USERS.email, "%@example.com")))
                .orderBy(desc(USERS.createdAt), desc(USERS.id)).limit(10));

        title("Published posts with their authors (inner join)");
        show(db.select(POSTS.title, USERS.name.as("author"), POSTS.tags).from(POSTS)
                .innerJoin(USERS).on(eq(POSTS.authorId, USERS.id))
                .where(eq(POSTS.published, true))
                .orderBy(POSTS.id));

        title("Posts tagged 'java' (array contains)");
        show(db.select(POSTS.id, POSTS.title).from(POSTS).where(arrayContains(POSTS.tags, List.of("java"))));

        title("Posts per author (left join, group by, having)");
        Field<Long> posts = count(POSTS.id).as("posts");
        show(db.select(USERS.name, posts, sum(POSTS.views).as("views")).from(USERS)
                .leftJoin(POSTS).on(eq(POSTS.authorId, USERS.id))
                .groupBy(USERS.id, USERS.name)
                .having(gt(count(POSTS.id), 0L))
                .orderBy(desc(posts)));

        title("Each user with their latest published post (relational query: one statement, nested records)");
        RelationalQuery latest = db.query(USERS).columns(USERS.id, USERS.name).orderBy(USERS.id)
                .with("posts", p -> p.columns(POSTS.id, POSTS.title, POSTS.tags, POSTS.createdAt)
                        .where(eq(POSTS.published, true)).orderBy(desc(POSTS.createdAt), desc(POSTS.id)).limit(1));
        printSql(latest.toSql());
        for (BlogQueries.UserWithPosts u : latest.findMany(BlogQueries.UserWithPosts.class)) {
            out.println("  " + u.name() + " -> " + u.posts().stream().map(BlogQueries.PostSummary::title).toList());
        }

        title("Upsert: insert or update the name on e-mail conflict");
        show(db.insert(USERS).set(USERS.email, "bob@example.com").set(USERS.name, "Robert")
                .onConflictDoUpdate(USERS.email, set -> set.set(USERS.name, excluded(USERS.name)))
                .returning(USERS.id, USERS.email, USERS.name));

        title("Update with returning: count a read");
        show(db.update(POSTS).set(POSTS.views, 42).where(eq(POSTS.authorId, ann), eq(POSTS.published, true))
                .returning(POSTS.id, POSTS.title, POSTS.views));

        title("A transaction with a nested savepoint that fails and is rolled back");
        long after = db.transactionResult(tx -> {
            tx.insert(POSTS).set(POSTS.title, "Kept").set(POSTS.authorId, bob).execute();
            try {
                tx.transaction(inner -> {
                    inner.insert(POSTS).set(POSTS.title, "Rolled back").set(POSTS.authorId, bob).execute();
                    inner.insert(USERS).set(USERS.email, "ann@example.com").execute();   // duplicate e-mail
                });
            } catch (UniqueViolationException e) {
                out.println("  nested part failed and was undone: " + e.getMessage().lines().findFirst().orElse(""));
            }
            return tx.count(POSTS, eq(POSTS.authorId, bob));
        });
        out.println("  Bob has " + after + " posts after commit (\"Kept\" is there, \"Rolled back\" is not)");

        title("Typed results into a record (fetchOptionalInto)");
        UserRow row = db.select(USERS.id, USERS.email, USERS.name, USERS.role, USERS.isActive, USERS.createdAt)
                .from(USERS).where(eq(USERS.email, "ann@example.com")).fetchOptionalInto(UserRow.class).orElseThrow();
        out.println("  " + row);

        title("Delete with returning (deleting a user cascades to their posts)");
        show(db.delete(USERS).where(eq(USERS.email, "cid@example.org")).returning(USERS.id, USERS.email));
        out.println("  users left: " + db.count(USERS) + ", posts left: " + db.count(POSTS));
    }

    private List<Row> show(ResultQuery query) {
        printSql(query.toSql());
        List<Row> rows = query.fetch();
        TextTable.print(out, rows);
        return rows;
    }

    private void show(Query query) {
        printSql(query.toSql());
        out.println("  " + query.execute() + " rows affected");
    }

    private void printSql(RenderedSql sql) {
        out.println("  " + sql.sql());
        if (!sql.binds().isEmpty()) {
            out.println("  -- " + sql.binds().size() + (sql.binds().size() == 1 ? " bound value" : " bound values"));
        }
    }

    private void part(String text) {
        out.printf("%n== %s ==%n", text);
    }

    private void title(String text) {
        out.printf("%n%d. %s%n", ++step, text);
    }

    private static String indent(String text) {
        return text.strip().indent(2).stripTrailing();
    }
}
