package dev.sleet.exec;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.SleetOptions;
import dev.sleet.fixtures.BlogSchema;
import dev.sleet.fixtures.SqlExpression;
import dev.sleet.fixtures.BlogSchema.Role;
import dev.sleet.internal.exec.DbImpl;
import dev.sleet.internal.exec.RecordMapper;
import dev.sleet.query.Field;
import dev.sleet.schema.column.BigintType;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.sleet.Sql.count;
import static dev.sleet.Sql.eq;
import static dev.sleet.Sql.gt;
import static dev.sleet.fixtures.BlogSchema.POSTS;
import static dev.sleet.fixtures.BlogSchema.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PostgresTest
class RecordMappingTest {

    private static final int STREAM_ROWS = 20_000;

    private static Db db;

    private long ann;
    private long bob;

    /** A whole users row, components in another order than the columns. */
    record UserRow(String email, Long id, OffsetDateTime createdAt, Role role, Boolean isActive, String name) {
    }

    /** A class that is not a record, filled through its constructor's parameter names. */
    static final class UserView {
        private final Long id;
        private final String email;
        private final boolean active;

        UserView(Long id, String email, boolean isActive) {
            this.id = id;
            this.email = email;
            this.active = isActive;
        }

        @SuppressWarnings("unused")
        private UserView() {
            this(null, null, false);
        }
    }

    @BeforeAll
    static void createSchema(TestDatabase database) {
        db = Sleet.connect(database.url());
        BlogSchema.create(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void seed() {
        BlogSchema.reset(db);
        ann = db.insert(USERS).set(USERS.email, "ann@example.com").set(USERS.name, "Ann").set(USERS.role, Role.admin)
                .returning(USERS.id).fetchOne().get(USERS.id);
        bob = db.insert(USERS).set(USERS.email, "bob@example.com").set(USERS.isActive, false)
                .returning(USERS.id).fetchOne().get(USERS.id);
        db.insert(POSTS).set(POSTS.authorId, ann).set(POSTS.title, "Hello").set(POSTS.views, 42).execute();
    }

    private static int activeConnections(Db pooled) {
        return ((DbImpl) pooled).pool().getHikariPoolMXBean().getActiveConnections();
    }

    // ------------------------------------------------------------------------------------------ mapping

    @Test
    void fetchIntoMapsSnakeCaseColumnsToCamelCaseComponentsByName() {
        List<UserRow> users = db.select().from(USERS).orderBy(USERS.id).fetchInto(UserRow.class);

        assertThat(users).hasSize(2);
        UserRow first = users.get(0);
        assertThat(first.id()).isEqualTo(ann);
        assertThat(first.email()).isEqualTo("ann@example.com");
        assertThat(first.name()).isEqualTo("Ann");
        assertThat(first.isActive()).isTrue();
        assertThat(first.role()).isEqualTo(Role.admin);
        assertThat(first.createdAt()).isNotNull();
        assertThat(users.get(1).name()).isNull();
        assertThat(users.get(1).isActive()).isFalse();
    }

    @Test
    void fetchOneIntoAndFetchOptionalIntoMapSingleRows() {
        UserRow one = db.select().from(USERS).where(eq(USERS.id, bob)).fetchOneInto(UserRow.class);
        Optional<UserRow> present = db.select().from(USERS).where(eq(USERS.id, ann)).fetchOptionalInto(UserRow.class);
        Optional<UserRow> absent = db.select().from(USERS).where(eq(USERS.id, -1L)).fetchOptionalInto(UserRow.class);

        assertThat(one.email()).isEqualTo("bob@example.com");
        assertThat(present).map(UserRow::email).contains("ann@example.com");
        assertThat(absent).isEmpty();
    }

    @Test
    void aRecordMayTakeASubsetOfTheSelectedColumns() {
        record Email(String email) {
        }

        List<Email> emails = db.select().from(USERS).orderBy(USERS.id).fetchInto(Email.class);

        assertThat(emails).containsExactly(new Email("ann@example.com"), new Email("bob@example.com"));
    }

    @Test
    void aRecordDeclaredInsideTheTestMethodIsMapped() {
        record PostSummary(Long id, Long authorId, String title, Integer views) {
        }

        PostSummary post = db.select(POSTS.id, POSTS.authorId, POSTS.title, POSTS.views).from(POSTS)
                .fetchOneInto(PostSummary.class);

        assertThat(post.authorId()).isEqualTo(ann);
        assertThat(post.title()).isEqualTo("Hello");
        assertThat(post.views()).isEqualTo(42);
    }

    @Test
    void aClassWithACanonicalConstructorIsMappedByParameterNames() {
        List<UserView> views = db.select(USERS.id, USERS.email, USERS.isActive).from(USERS).orderBy(USERS.id)
                .fetchInto(UserView.class);

        assertThat(views).hasSize(2);
        assertThat(views.get(0).id).isEqualTo(ann);
        assertThat(views.get(0).email).isEqualTo("ann@example.com");
        assertThat(views.get(0).active).isTrue();
        assertThat(views.get(1).active).isFalse();
    }

    @Test
    void primitiveComponentsReceiveUnboxedValues() {
        record Flags(long id, boolean isActive, int views) {
        }

        Flags flags = db.select(USERS.id, USERS.isActive, POSTS.views).from(USERS)
                .innerJoin(POSTS).on(eq(POSTS.authorId, USERS.id)).fetchOneInto(Flags.class);

        assertThat(flags).isEqualTo(new Flags(ann, true, 42));
    }

    @Test
    void anIntegerColumnWidensIntoALongComponent() {
        record Widened(long views, Long titleLength, java.math.BigDecimal id) {
        }

        Widened widened = db.select(POSTS.views, POSTS.titleLength, POSTS.id).from(POSTS).fetchOneInto(Widened.class);

        assertThat(widened.views()).isEqualTo(42L);
        assertThat(widened.titleLength()).isEqualTo(5L);
        assertThat(widened.id()).isEqualByComparingTo("1");
    }

    @Test
    void anEnumColumnMapsIntoAStringComponentByLabel() {
        record RoleName(String role) {
        }

        assertThat(db.select(USERS.role).from(USERS).where(eq(USERS.id, ann)).fetchOneInto(RoleName.class))
                .isEqualTo(new RoleName("admin"));
    }

    @Test
    void anAliasedExpressionMapsIntoTheComponentOfItsAlias() {
        record AuthorStats(String email, Long postCount) {
        }

        List<AuthorStats> stats = db.select(USERS.email, count(POSTS.id).as("post_count")).from(USERS)
                .leftJoin(POSTS).on(eq(POSTS.authorId, USERS.id)).groupBy(USERS.email).orderBy(USERS.email)
                .fetchInto(AuthorStats.class);

        assertThat(stats).containsExactly(new AuthorStats("ann@example.com", 1L), new AuthorStats("bob@example.com", 0L));
    }

    @Test
    void rowIntoMapsAFetchedRow() {
        record IdAndEmail(Long id, String email) {
        }

        Row row = db.select(USERS.id, USERS.email, USERS.name).from(USERS).where(eq(USERS.id, ann)).fetchOne();

        assertThat(row.into(IdAndEmail.class)).isEqualTo(new IdAndEmail(ann, "ann@example.com"));
        assertThat(row.into(UserViewName.class).name()).isEqualTo("Ann");
    }

    /** Used by {@link #rowIntoMapsAFetchedRow()}. */
    record UserViewName(String name) {
    }

    @Test
    void streamIntoMapsRowsLazily() {
        record Email(String email) {
        }

        List<Email> emails;
        try (Stream<Email> stream = db.select(USERS.email).from(USERS).orderBy(USERS.id).streamInto(Email.class)) {
            emails = stream.toList();
        }

        assertThat(emails).containsExactly(new Email("ann@example.com"), new Email("bob@example.com"));
        assertThat(activeConnections(db)).isZero();
    }

    // ------------------------------------------------------------------------------------------ errors

    @Test
    void aComponentWithoutAMatchingColumnFailsNamingComponentAndExpectedColumn() {
        record WithNickname(Long id, String nickName) {
        }

        assertThatThrownBy(() -> db.select(USERS.id, USERS.email).from(USERS).fetchInto(WithNickname.class))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("WithNickname.nickName")
                .hasMessageContaining("nick_name")
                .hasMessageContaining("[id, email]");
    }

    @Test
    void aComponentOfTheWrongTypeFailsNamingComponentAndColumn() {
        record WrongType(String id) {
        }

        assertThatThrownBy(() -> db.select(USERS.id).from(USERS).fetchInto(WrongType.class))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("WrongType.id")
                .hasMessageContaining("users.id")
                .hasMessageContaining("bigint");
    }

    @Test
    void aNullIntoAPrimitiveComponentFailsNamingComponentAndColumn() {
        record Views(long id, int views) {
        }

        assertThatThrownBy(() -> db.select(USERS.id, POSTS.views).from(USERS)
                .leftJoin(POSTS).on(eq(POSTS.authorId, USERS.id)).where(eq(USERS.id, bob)).fetchInto(Views.class))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("Views.views")
                .hasMessageContaining("posts.views")
                .hasMessageContaining("null");
    }

    @Test
    void aComponentMatchingTwoColumnsOfAJoinFailsNamingBoth() {
        record Ambiguous(Long id, String title) {
        }

        assertThatThrownBy(() -> db.select().from(USERS).innerJoin(POSTS).on(eq(POSTS.authorId, USERS.id))
                .fetchInto(Ambiguous.class))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("Ambiguous.id")
                .hasMessageContaining("users.id")
                .hasMessageContaining("posts.id")
                .hasMessageContaining("as(");
    }

    @Test
    void fetchOneWithoutRowsThrowsNoRowsException() {
        assertThatThrownBy(() -> db.select().from(USERS).where(eq(USERS.id, -1L)).fetchOne())
                .isInstanceOf(NoRowsException.class)
                .hasMessageContaining("fetchOptional()");
        assertThatThrownBy(() -> db.select().from(USERS).where(eq(USERS.id, -1L)).fetchOneInto(UserRow.class))
                .isInstanceOf(NoRowsException.class)
                .satisfies(e -> assertThat(((SleetException) e).sql()).startsWith("select"));
        assertThat(db.select().from(USERS).where(eq(USERS.id, -1L)).fetchOptional()).isEmpty();
    }

    @Test
    void fetchOneWithTwoRowsThrowsTooManyRowsException() {
        assertThatThrownBy(() -> db.select().from(USERS).fetchOne())
                .isInstanceOf(TooManyRowsException.class)
                .hasMessageContaining("2 rows");
        assertThatThrownBy(() -> db.select().from(USERS).fetchOneInto(UserRow.class))
                .isInstanceOf(TooManyRowsException.class);
        assertThatThrownBy(() -> db.select().from(USERS).fetchOptionalInto(UserRow.class))
                .isInstanceOf(TooManyRowsException.class);
        assertThatThrownBy(() -> db.select().from(USERS).where(gt(USERS.id, 0L)).fetchOptional())
                .isInstanceOf(TooManyRowsException.class);
    }

    // ------------------------------------------------------------------------------------------ mapper cache

    @Test
    void mappersAreCachedPerShapeAndType() {
        record IdAndEmail(Long id, String email) {
        }

        RecordMapper<IdAndEmail> first = RecordMapper.of(new RowShape(List.of(USERS.id, USERS.email)), IdAndEmail.class);
        RecordMapper<IdAndEmail> second = RecordMapper.of(new RowShape(List.of(USERS.id, USERS.email)), IdAndEmail.class);
        RecordMapper<IdAndEmail> otherShape = RecordMapper.of(new RowShape(List.of(USERS.email, USERS.id)),
                IdAndEmail.class);

        assertThat(second).isSameAs(first);
        assertThat(otherShape).isNotSameAs(first);
        // and the cached mapper maps the real rows
        assertThat(db.select(USERS.id, USERS.email).from(USERS).where(eq(USERS.id, ann)).fetchOneInto(IdAndEmail.class))
                .isEqualTo(new IdAndEmail(ann, "ann@example.com"));
        assertThat(RecordMapper.of(new RowShape(List.of(USERS.id, USERS.email)), IdAndEmail.class)).isSameAs(first);
    }

    // ------------------------------------------------------------------------------------------ streaming

    /**
     * {@code nextval} of a sequence in the select list: sequences are not transactional, so another session
     * sees how many rows the server has produced so far.
     */
    private static Field<Long> probe() {
        return new SqlExpression<>(BigintType.INSTANCE, "probe", "nextval('stream_probe')");
    }

    private static void fillUsersForStreaming() {
        db.execute(ctx -> ctx.sql("insert into users (email) select 'user' || g || '@example.com' "
                + "from generate_series(1, " + STREAM_ROWS + ") g"));
        db.execute(ctx -> ctx.sql("drop sequence if exists stream_probe"));
        db.execute(ctx -> ctx.sql("create sequence stream_probe"));
    }

    @Test
    void streamFetchesLargeResultsInBatchesAndReturnsTheConnection(TestDatabase database) {
        fillUsersForStreaming();
        try (Db streaming = Sleet.connect(database.url(), SleetOptions.defaults().streamFetchSize(100))) {
            long seen;
            long producedAfterFirstRows;
            try (Stream<Row> rows = streaming.select(USERS.id, probe()).from(USERS).stream()) {
                Iterator<Row> it = rows.iterator();
                for (int i = 0; i < 150; i++) {
                    it.next();
                }
                producedAfterFirstRows = streaming.select(lastValue()).fetchOne().get(0, Long.class);
                assertThat(activeConnections(streaming)).isEqualTo(1);
                seen = 150;
                while (it.hasNext()) {
                    it.next();
                    seen++;
                }
            }

            assertThat(seen).isEqualTo(STREAM_ROWS + 2);
            // after 150 rows the server has produced two batches of 100, not the whole result
            assertThat(producedAfterFirstRows).isBetween(150L, 300L);
            assertThat(streaming.select(lastValue()).fetchOne().get(0, Long.class)).isEqualTo(STREAM_ROWS + 2L);
            assertThat(activeConnections(streaming)).isZero();
            assertThat(streaming.count(USERS)).isEqualTo(STREAM_ROWS + 2L);
        }
    }

    @Test
    void streamClosedEarlyReturnsItsConnection(TestDatabase database) {
        fillUsersForStreaming();
        try (Db streaming = Sleet.connect(database.url(), SleetOptions.defaults().streamFetchSize(100))) {
            try (Stream<UserRow> rows = streaming.select().from(USERS).orderBy(USERS.id).streamInto(UserRow.class)) {
                List<UserRow> firstTen = rows.limit(10).toList();
                assertThat(firstTen).hasSize(10);
                assertThat(firstTen.get(0).email()).isEqualTo("ann@example.com");
                assertThat(activeConnections(streaming)).isEqualTo(1);
            }

            assertThat(activeConnections(streaming)).isZero();
            // the connection is usable again, not left in the streaming transaction
            Long total = streaming.transactionResult(tx -> tx.count(USERS));
            assertThat(total).isEqualTo(STREAM_ROWS + 2L);
            assertThat(activeConnections(streaming)).isZero();
        }
    }

    private static Field<Long> lastValue() {
        return new SqlExpression<>(BigintType.INSTANCE, "last_value", "(select last_value from stream_probe)");
    }
}
