package dev.sleet.exec;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.fixtures.BlogSchema;
import dev.sleet.schema.column.TextType;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static dev.sleet.fixtures.BlogSchema.POSTS;
import static dev.sleet.fixtures.BlogSchema.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@PostgresTest
class SleetExceptionTest {

    private static final String SECRET = "s3cr3t-value@example.com";

    private static Db db;
    private static Db overDataSource;

    @BeforeAll
    static void createSchema(TestDatabase database) {
        db = Sleet.connect(database.url());
        // a plain PGSimpleDataSource keeps the driver's default of putting the server's DETAIL in its messages
        overDataSource = Sleet.connect(database.dataSource());
        BlogSchema.create(db);
    }

    @AfterAll
    static void close() {
        db.close();
        overDataSource.close();
    }

    @BeforeEach
    void empty() {
        BlogSchema.reset(db);
    }

    private static long user(String email) {
        return db.insert(USERS).set(USERS.email, email).returning(USERS.id).fetchOne().get(USERS.id);
    }

    /** The secret is nowhere in what a log would print, but the caller can still get at it. */
    private static void assertSecretOnlyInBindValues(SleetException e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));

        assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("s3cr3t");
        assertThat(e.toString()).doesNotContain("s3cr3t");
        assertThat(e.getLocalizedMessage()).doesNotContain("s3cr3t");
        assertThat(trace.toString()).doesNotContain("s3cr3t");
        assertThat(e.bindValues()).contains(SECRET);
    }

    @Test
    void duplicateKeyRaisesUniqueViolationNamingConstraintAndTable() {
        user(SECRET);

        UniqueViolationException e = catchThrowableOfType(UniqueViolationException.class,
                () -> db.insert(USERS).set(USERS.email, SECRET).set(USERS.name, "Ann").execute());

        assertThat(e.sqlState()).isEqualTo("23505");
        assertThat(e.constraint()).isNotBlank().contains("email");
        assertThat(e.table()).isEqualTo("users");
        assertThat(e.sql()).startsWith("insert into \"users\"");
        assertThat(e.getMessage()).contains("SQLSTATE 23505").contains(e.constraint()).contains("table public.users")
                .contains("insert into \"users\"");
        assertThat(e.bindValues()).containsExactly(SECRET, "Ann");
        assertThat(e.detail()).contains(SECRET);
        assertThat((Object) e.sqlException()).isNotNull();
        assertSecretOnlyInBindValues(e);
    }

    @Test
    void duplicateKeyThroughACallersDataSourceDoesNotEchoTheValueEither() {
        user(SECRET);

        UniqueViolationException e = catchThrowableOfType(UniqueViolationException.class,
                () -> overDataSource.insert(USERS).set(USERS.email, SECRET).execute());

        assertThat(e.sqlState()).isEqualTo("23505");
        assertSecretOnlyInBindValues(e);
    }

    @Test
    void missingReferencedRowRaisesForeignKeyViolation() {
        ForeignKeyViolationException e = catchThrowableOfType(ForeignKeyViolationException.class,
                () -> db.insert(POSTS).set(POSTS.authorId, 987_654_321L).set(POSTS.title, SECRET).execute());

        assertThat(e.sqlState()).isEqualTo("23503");
        assertThat(e.constraint()).isNotBlank().contains("author_id");
        assertThat(e.table()).isEqualTo("posts");
        assertThat(e.sql()).startsWith("insert into \"posts\"");
        assertThat(e.getMessage()).doesNotContain("987654321");
        assertThat(e.bindValues()).contains(987_654_321L);
        assertSecretOnlyInBindValues(e);
    }

    @Test
    void nullInANotNullColumnRaisesNotNullViolationNamingTheColumn() {
        NotNullViolationException e = catchThrowableOfType(NotNullViolationException.class,
                () -> db.insert(USERS).set(USERS.email, (String) null).set(USERS.name, SECRET).execute());

        assertThat(e.sqlState()).isEqualTo("23502");
        assertThat(e.table()).isEqualTo("users");
        assertThat(e.column()).isEqualTo("email");
        assertThat(e.sql()).startsWith("insert into \"users\"");
        assertThat(e.getMessage()).contains("column email");
        // the server's detail repeats the whole failing row
        assertThat(e.detail()).contains(SECRET);
        assertSecretOnlyInBindValues(e);
    }

    @Test
    void failedCheckRaisesCheckViolationNamingTheConstraint() {
        long author = user("ann@example.com");

        CheckViolationException e = catchThrowableOfType(CheckViolationException.class,
                () -> db.insert(POSTS).set(POSTS.authorId, author).set(POSTS.title, SECRET).set(POSTS.views, -1)
                        .execute());

        assertThat(e.sqlState()).isEqualTo("23514");
        assertThat(e.constraint()).isEqualTo("posts_views_not_negative");
        assertThat(e.table()).isEqualTo("posts");
        assertThat(e.sql()).startsWith("insert into \"posts\"");
        assertThat(e.getMessage()).contains("posts_views_not_negative");
        assertSecretOnlyInBindValues(e);
        assertThat(db.count(POSTS)).isZero();
    }

    @Test
    void updateViolationsCarryTheUpdateStatement() {
        long author = user("ann@example.com");
        db.insert(POSTS).set(POSTS.authorId, author).set(POSTS.title, "Hello").execute();

        CheckViolationException e = catchThrowableOfType(CheckViolationException.class,
                () -> db.update(POSTS).set(POSTS.views, -5).set(POSTS.body, SECRET).all().execute());

        assertThat(e.sql()).startsWith("update \"posts\" set");
        assertThat(e.constraint()).isEqualTo("posts_views_not_negative");
        assertSecretOnlyInBindValues(e);
    }

    @Test
    void invalidEnumLabelDoesNotEchoTheValue() {
        SleetException e = catchThrowableOfType(SleetException.class,
                () -> db.execute(ctx -> ctx.sql("select ").bind(SECRET, TextType.INSTANCE).sql("::blog_role")));

        assertThat(e.sqlState()).isEqualTo("22P02");
        assertThat(e.getMessage()).contains("blog_role").contains("SQLSTATE 22P02");
        assertSecretOnlyInBindValues(e);
    }

    @Test
    void aValueContainingDoubleQuotesIsNotEchoedEither() {
        // PostgreSQL quotes the input without escaping quotes inside it: enum blog_role: "x"s3cr3t..."
        String quoted = "x\"" + SECRET + "\" \"y";
        SleetException e = catchThrowableOfType(SleetException.class,
                () -> db.execute(ctx -> ctx.sql("select ").bind(quoted, TextType.INSTANCE).sql("::blog_role")));

        assertThat(e.sqlState()).isEqualTo("22P02");
        assertThat(e.getMessage()).contains("blog_role").doesNotContain("s3cr3t");
        assertThat(e.bindValues()).containsExactly(quoted);
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void outOfRangeNumberDoesNotEchoTheValue() {
        SleetException e = catchThrowableOfType(SleetException.class,
                () -> db.execute(ctx -> ctx.sql("select ").bind(SECRET, TextType.INSTANCE).sql(" as email, ")
                        .bind("99999999999", TextType.INSTANCE).sql("::integer")));

        assertThat(e.sqlState()).isEqualTo("22003");
        assertThat(e.getMessage()).contains("integer").doesNotContain("99999999999");
        assertThat(e.bindValues()).containsExactly(SECRET, "99999999999");
        assertSecretOnlyInBindValues(e);
    }

    @Test
    void nonIntegrityErrorsAreThePlainSleetExceptionWithSqlState() {
        SleetException e = catchThrowableOfType(SleetException.class,
                () -> db.execute(ctx -> ctx.sql("select * from no_such_table where x = ")
                        .bind(SECRET, TextType.INSTANCE)));

        assertThat(e).isExactlyInstanceOf(SleetException.class);
        assertThat(e.sqlState()).isEqualTo("42P01");
        assertThat(e.getMessage()).contains("no_such_table").contains("SQLSTATE 42P01");
        assertThat(e.sql()).isEqualTo("select * from no_such_table where x = ?");
        assertSecretOnlyInBindValues(e);
    }
}
