package dev.sleet.query;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.exec.Row;
import dev.sleet.fixtures.BlogSchema;
import dev.sleet.fixtures.BlogSchema.Role;
import dev.sleet.schema.Column;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.sleet.Sql.eq;
import static dev.sleet.Sql.excluded;
import static dev.sleet.Sql.gt;
import static dev.sleet.Sql.in;
import static dev.sleet.fixtures.BlogSchema.POSTS;
import static dev.sleet.fixtures.BlogSchema.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PostgresTest
class InsertUpdateDeleteTest {

    private static Db db;

    /** A new user as an application would hold it: no id, no timestamps. */
    record NewUser(String email, String name) {
    }

    /** A new user with the optional role; a null role takes the column default. */
    record NewUserWithRole(String email, String name, Role role) {
    }

    /** A whole users row. */
    record UserRow(Long id, String email, String name, Boolean isActive, Role role, OffsetDateTime createdAt) {
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
    void empty() {
        BlogSchema.reset(db);
    }

    private static UserRow find(String email) {
        return db.select().from(USERS).where(eq(USERS.email, email)).fetchOneInto(UserRow.class);
    }

    // ------------------------------------------------------------------------------------------ insert

    @Test
    void insertOfARecordLeavesMissingColumnsToTheirDefaults() {
        OffsetDateTime before = OffsetDateTime.now().minusMinutes(1);

        int inserted = db.insert(USERS).values(new NewUser("ann@example.com", "Ann")).execute();

        assertThat(inserted).isEqualTo(1);
        UserRow ann = find("ann@example.com");
        assertThat(ann.id()).isEqualTo(1L);
        assertThat(ann.name()).isEqualTo("Ann");
        assertThat(ann.isActive()).isTrue();
        assertThat(ann.role()).isEqualTo(Role.member);
        assertThat(ann.createdAt()).isAfter(before);
    }

    @Test
    void insertOfARecordWithANullComponentUsesTheColumnDefault() {
        db.insert(USERS).values(new NewUserWithRole("ann@example.com", "Ann", null)).execute();
        db.insert(USERS).values(new NewUserWithRole("bob@example.com", null, Role.admin)).execute();

        assertThat(find("ann@example.com").role()).isEqualTo(Role.member);
        assertThat(find("bob@example.com").role()).isEqualTo(Role.admin);
        assertThat(find("bob@example.com").name()).isNull();
    }

    @Test
    void insertOfAColumnMapSetsOnlyTheGivenColumns() {
        Map<Column<?>, Object> row = new LinkedHashMap<>();
        row.put(USERS.email, "ann@example.com");
        row.put(USERS.role, Role.viewer);
        row.put(USERS.isActive, false);

        db.insert(USERS).values(row).execute();

        UserRow ann = find("ann@example.com");
        assertThat(ann.role()).isEqualTo(Role.viewer);
        assertThat(ann.isActive()).isFalse();
        assertThat(ann.name()).isNull();
        assertThat(ann.createdAt()).isNotNull();
    }

    @Test
    void insertOfSeveralRecordsWritesThemInOneStatementWithDefaultsForNullComponents() {
        List<NewUserWithRole> rows = List.of(
                new NewUserWithRole("ann@example.com", "Ann", Role.admin),
                new NewUserWithRole("bob@example.com", "Bob", null),
                new NewUserWithRole("cat@example.com", null, Role.viewer));

        InsertOnConflictStep insert = db.insert(USERS).values(rows);

        assertThat(insert.toSql().sql()).isEqualTo("insert into \"users\" (\"email\", \"name\", \"role\") values "
                + "($1, $2, $3::\"blog_role\"), ($4, $5, default), ($6, $7, $8::\"blog_role\")");
        assertThat(insert.execute()).isEqualTo(3);
        assertThat(db.select(USERS.email, USERS.role).from(USERS).orderBy(USERS.id).fetch())
                .extracting(r -> r.get(USERS.email) + ":" + r.get(USERS.role))
                .containsExactly("ann@example.com:admin", "bob@example.com:member", "cat@example.com:viewer");
        assertThat(find("cat@example.com").name()).isNull();
    }

    @Test
    void insertOfSeveralMapsUsesDefaultForColumnsSomeRowsLack() {
        Map<Column<?>, Object> first = new LinkedHashMap<>();
        first.put(USERS.email, "ann@example.com");
        first.put(USERS.name, "Ann");
        Map<Column<?>, Object> second = new LinkedHashMap<>();
        second.put(USERS.email, "bob@example.com");
        second.put(USERS.role, Role.admin);

        int inserted = db.insert(USERS).values(List.of(first, second)).execute();

        assertThat(inserted).isEqualTo(2);
        UserRow ann = find("ann@example.com");
        UserRow bob = find("bob@example.com");
        assertThat(ann.role()).isEqualTo(Role.member);
        assertThat(bob.role()).isEqualTo(Role.admin);
        assertThat(bob.name()).isNull();
    }

    @Test
    void insertWithSetWritesTheGivenColumns() {
        int inserted = db.insert(USERS).set(USERS.email, "ann@example.com").set(USERS.name, "Ann")
                .set(USERS.role, Role.admin).execute();

        assertThat(inserted).isEqualTo(1);
        assertThat(find("ann@example.com").role()).isEqualTo(Role.admin);
    }

    @Test
    void insertReturningAllColumnsMapsIntoARecord() {
        UserRow created = db.insert(USERS).values(new NewUser("ann@example.com", "Ann")).returning()
                .fetchOneInto(UserRow.class);

        assertThat(created.id()).isEqualTo(1L);
        assertThat(created.email()).isEqualTo("ann@example.com");
        assertThat(created.isActive()).isTrue();
        assertThat(created.role()).isEqualTo(Role.member);
        assertThat(created.createdAt()).isNotNull();
        assertThat(created).isEqualTo(find("ann@example.com"));
    }

    @Test
    void insertReturningChosenColumnsReturnsOnlyThose() {
        record Created(Long id, OffsetDateTime createdAt) {
        }

        Created created = db.insert(USERS).set(USERS.email, "ann@example.com")
                .returning(USERS.id, USERS.createdAt).fetchOneInto(Created.class);
        List<Row> rows = db.insert(USERS).values(List.of(new NewUser("b@example.com", "B"),
                new NewUser("c@example.com", "C"))).returning(USERS.id).fetch();

        assertThat(created.id()).isEqualTo(1L);
        assertThat(created.createdAt()).isNotNull();
        assertThat(rows).extracting(r -> r.get(USERS.id)).containsExactly(2L, 3L);
        assertThat(rows.get(0).size()).isEqualTo(1);
    }

    @Test
    void onConflictDoNothingWithATargetSkipsTheDuplicate() {
        db.insert(USERS).values(new NewUser("ann@example.com", "Ann")).execute();

        int inserted = db.insert(USERS).values(List.of(new NewUser("ann@example.com", "Other"),
                new NewUser("bob@example.com", "Bob"))).onConflictDoNothing(USERS.email).execute();

        assertThat(inserted).isEqualTo(1);
        assertThat(find("ann@example.com").name()).isEqualTo("Ann");
        assertThat(db.count(USERS)).isEqualTo(2L);
    }

    @Test
    void onConflictDoNothingWithoutATargetSkipsAnyConflict() {
        db.insert(USERS).values(new NewUser("ann@example.com", "Ann")).execute();

        InsertReturningStep insert = db.insert(USERS).values(new NewUser("ann@example.com", "Other"))
                .onConflictDoNothing();
        List<Row> returned = insert.returning(USERS.id).fetch();

        assertThat(insert.toSql().sql()).endsWith(" on conflict do nothing");
        assertThat(returned).isEmpty();
        assertThat(insert.execute()).isZero();
        assertThat(find("ann@example.com").name()).isEqualTo("Ann");
    }

    @Test
    void onConflictDoUpdateUpdatesTheExistingRowFromExcluded() {
        long id = db.insert(USERS).values(new NewUser("ann@example.com", "Ann")).returning(USERS.id).fetchOne()
                .get(USERS.id);

        UserRow upserted = db.insert(USERS).set(USERS.email, "ann@example.com").set(USERS.name, "Ann Smith")
                .onConflictDoUpdate(USERS.email, set -> set.set(USERS.name, excluded(USERS.name)))
                .returning().fetchOneInto(UserRow.class);
        int fresh = db.insert(USERS).set(USERS.email, "bob@example.com").set(USERS.name, "Bob")
                .onConflictDoUpdate(USERS.email, set -> set.set(USERS.name, excluded(USERS.name))).execute();

        assertThat(upserted.id()).isEqualTo(id);
        assertThat(upserted.name()).isEqualTo("Ann Smith");
        assertThat(fresh).isEqualTo(1);
        assertThat(db.count(USERS)).isEqualTo(2L);
    }

    @Test
    void onConflictDoUpdateCanSetPlainValuesOnSeveralTargetColumns() {
        db.insert(USERS).values(new NewUser("ann@example.com", "Ann")).execute();

        db.insert(USERS).set(USERS.email, "ann@example.com")
                .onConflictDoUpdate(List.of(USERS.email), set -> set.set(USERS.role, Role.admin)
                        .set(USERS.isActive, false))
                .execute();

        UserRow ann = find("ann@example.com");
        assertThat(ann.role()).isEqualTo(Role.admin);
        assertThat(ann.isActive()).isFalse();
        assertThat(ann.name()).isEqualTo("Ann");
    }

    @Test
    void onConflictDoUpdateWithWhereLeavesRowsThatFailTheCondition() {
        db.insert(USERS).values(new NewUser("ann@example.com", "Ann")).execute();
        db.insert(USERS).set(USERS.email, "cat@example.com").set(USERS.name, "Cat").set(USERS.isActive, false)
                .execute();

        int updatedActive = db.insert(USERS).set(USERS.email, "ann@example.com").set(USERS.name, "Ann 2")
                .onConflictDoUpdate(USERS.email, set -> set.set(USERS.name, excluded(USERS.name))
                        .where(eq(USERS.isActive, true)))
                .execute();
        int updatedInactive = db.insert(USERS).set(USERS.email, "cat@example.com").set(USERS.name, "Cat 2")
                .onConflictDoUpdate(USERS.email, set -> set.set(USERS.name, excluded(USERS.name))
                        .where(eq(USERS.isActive, true)))
                .execute();

        assertThat(updatedActive).isEqualTo(1);
        assertThat(updatedInactive).isZero();
        assertThat(find("ann@example.com").name()).isEqualTo("Ann 2");
        assertThat(find("cat@example.com").name()).isEqualTo("Cat");
    }

    @Test
    void insertOfARecordComponentMatchingNoColumnFailsNamingTheComponent() {
        record Stray(String email, String nickname) {
        }

        assertThatThrownBy(() -> db.insert(USERS).values(new Stray("ann@example.com", "annie")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Stray.nickname")
                .hasMessageContaining("matches no column");
        assertThat(db.count(USERS)).isZero();
    }

    @Test
    void insertOfAValueForAGeneratedColumnFailsNamingTheComponent() {
        record WithId(Long id, String email) {
        }
        record WithLength(Long authorId, String title, Integer titleLength) {
        }
        long author = db.insert(USERS).values(new WithId(null, "ann@example.com")).returning(USERS.id).fetchOne()
                .get(USERS.id);

        // an always-generated identity takes a value only with overridingSystemValue(); PostgreSQL says so
        assertThatThrownBy(() -> db.insert(USERS).values(new WithId(42L, "bob@example.com")).execute())
                .isInstanceOf(dev.sleet.exec.SleetException.class)
                .hasMessageContaining("\"id\"")
                .hasMessageContaining("OVERRIDING SYSTEM VALUE");
        assertThatThrownBy(() -> db.insert(POSTS).values(new WithLength(author, "Hi", 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WithLength.titleLength")
                .hasMessageContaining("title_length");
        db.insert(POSTS).values(new WithLength(author, "Hello", null)).execute();
        assertThat(db.select(POSTS.titleLength).from(POSTS).fetchOne().get(POSTS.titleLength)).isEqualTo(5);
    }

    @Test
    void insertOfARecordComponentOfTheWrongTypeFailsNamingTheComponent() {
        record WrongType(String email, Integer name) {
        }

        assertThatThrownBy(() -> db.insert(USERS).values(new WrongType("ann@example.com", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WrongType.name")
                .hasMessageContaining("java.lang.Integer");
    }

    // ------------------------------------------------------------------------------------------ update

    @Test
    void updateSetsColumnsOfMatchingRowsOnly() {
        db.insert(USERS).values(List.of(new NewUser("ann@example.com", "Ann"), new NewUser("bob@example.com", "Bob")))
                .execute();

        int updated = db.update(USERS).set(USERS.name, "Jane").set(USERS.role, Role.admin)
                .where(eq(USERS.email, "ann@example.com")).execute();

        assertThat(updated).isEqualTo(1);
        assertThat(find("ann@example.com").name()).isEqualTo("Jane");
        assertThat(find("ann@example.com").role()).isEqualTo(Role.admin);
        assertThat(find("bob@example.com").name()).isEqualTo("Bob");
        assertThat(find("bob@example.com").role()).isEqualTo(Role.member);
    }

    @Test
    void updateCanSetAColumnFromAnotherColumnAndToNull() {
        db.insert(USERS).values(new NewUser("ann@example.com", null)).execute();
        db.insert(USERS).values(new NewUser("bob@example.com", "Bob")).execute();

        db.update(USERS).set(USERS.name, USERS.email).where(eq(USERS.email, "ann@example.com")).execute();
        db.update(USERS).set(USERS.name, (String) null).where(eq(USERS.email, "bob@example.com")).execute();

        assertThat(find("ann@example.com").name()).isEqualTo("ann@example.com");
        assertThat(find("bob@example.com").name()).isNull();
    }

    @Test
    void updateReturningGivesTheNewValues() {
        db.insert(USERS).values(List.of(new NewUser("ann@example.com", "Ann"), new NewUser("bob@example.com", "Bob"),
                new NewUser("cat@example.com", "Cat"))).execute();

        List<Row> rows = db.update(USERS).set(USERS.isActive, false)
                .where(in(USERS.email, "ann@example.com", "cat@example.com"))
                .returning(USERS.email, USERS.isActive).fetch();
        UserRow bob = db.update(USERS).set(USERS.name, "Robert").where(eq(USERS.email, "bob@example.com"))
                .returning().fetchOneInto(UserRow.class);

        assertThat(rows).extracting(r -> r.get(USERS.email) + ":" + r.get(USERS.isActive))
                .containsExactlyInAnyOrder("ann@example.com:false", "cat@example.com:false");
        assertThat(bob.name()).isEqualTo("Robert");
        assertThat(db.count(USERS, eq(USERS.isActive, false))).isEqualTo(2L);
    }

    @Test
    void updateAllChangesEveryRowOnPurpose() {
        db.insert(USERS).values(List.of(new NewUser("ann@example.com", "Ann"), new NewUser("bob@example.com", "Bob")))
                .execute();

        UpdateReturningStep update = db.update(USERS).set(USERS.isActive, false).all();

        assertThat(update.toSql().sql()).isEqualTo("update \"users\" set \"is_active\" = $1");
        assertThat(update.execute()).isEqualTo(2);
        assertThat(db.count(USERS, eq(USERS.isActive, true))).isZero();
    }

    @Test
    void updateOfAGeneratedColumnIsRefused() {
        assertThatThrownBy(() -> db.update(POSTS).set(POSTS.titleLength, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("title_length")
                .hasMessageContaining("generated");
    }

    // ------------------------------------------------------------------------------------------ delete

    @Test
    void deleteRemovesMatchingRowsAndCascadesToPosts() {
        long ann = db.insert(USERS).values(new NewUser("ann@example.com", "Ann")).returning(USERS.id).fetchOne()
                .get(USERS.id);
        db.insert(USERS).values(new NewUser("bob@example.com", "Bob")).execute();
        db.insert(POSTS).set(POSTS.authorId, ann).set(POSTS.title, "Hello").execute();

        int deleted = db.delete(USERS).where(eq(USERS.id, ann)).execute();

        assertThat(deleted).isEqualTo(1);
        assertThat(db.select(USERS.email).from(USERS).fetch()).extracting(r -> r.get(USERS.email))
                .containsExactly("bob@example.com");
        assertThat(db.count(POSTS)).isZero();
    }

    @Test
    void deleteReturningGivesTheDeletedRows() {
        db.insert(USERS).values(List.of(new NewUser("ann@example.com", "Ann"), new NewUser("bob@example.com", "Bob"),
                new NewUser("cat@example.com", "Cat"))).execute();

        List<Row> deleted = db.delete(USERS).where(gt(USERS.id, 1L)).returning(USERS.id, USERS.email).fetch();
        List<UserRow> none = db.delete(USERS).where(eq(USERS.email, "nobody@example.com")).returning()
                .fetchInto(UserRow.class);

        assertThat(deleted).extracting(r -> r.get(USERS.email))
                .containsExactlyInAnyOrder("bob@example.com", "cat@example.com");
        assertThat(none).isEmpty();
        assertThat(db.count(USERS)).isEqualTo(1L);
    }

    @Test
    void deleteAllEmptiesTheTableOnPurpose() {
        db.insert(USERS).values(List.of(new NewUser("ann@example.com", "Ann"), new NewUser("bob@example.com", "Bob")))
                .execute();

        DeleteReturningStep delete = db.delete(USERS).all();

        assertThat(delete.toSql().sql()).isEqualTo("delete from \"users\"");
        assertThat(delete.execute()).isEqualTo(2);
        assertThat(db.count(USERS)).isZero();
    }

    @Test
    void updateAndDeleteCannotRunBeforeWhereOrAllIsChosen() {
        // The step types after update(...).set(...) and delete(...) have no execute(): forgetting the where
        // clause is a compile error, and all() is the explicit way to touch every row.
        assertThat(methodNames(UpdateSetStep.class)).doesNotContain("execute", "returning");
        assertThat(methodNames(UpdateWhereStep.class)).doesNotContain("execute", "returning")
                .contains("where", "all");
        assertThat(methodNames(DeleteWhereStep.class)).doesNotContain("execute", "returning")
                .contains("where", "all");
        assertThat(methodNames(UpdateReturningStep.class)).contains("execute", "returning");
        assertThat(methodNames(DeleteReturningStep.class)).contains("execute", "returning");
    }

    @Test
    void whereWithoutConditionsIsRefusedPointingToAll() {
        assertThatThrownBy(() -> db.delete(USERS).where())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("all()");
        assertThatThrownBy(() -> db.update(USERS).set(USERS.name, "x").where())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("all()");
    }

    @Test
    void setNullWritesSqlNullInInsertUpdateAndUpsert() {
        db.insert(USERS).set(USERS.email, "ann@example.com").setNull(USERS.name).execute();
        assertThat(find("ann@example.com").name()).isNull();

        db.update(USERS).set(USERS.name, "Ann").where(eq(USERS.email, "ann@example.com")).execute();
        db.update(USERS).setNull(USERS.name).where(eq(USERS.email, "ann@example.com")).execute();
        assertThat(find("ann@example.com").name()).isNull();

        db.update(USERS).set(USERS.name, "Ann").where(eq(USERS.email, "ann@example.com")).execute();
        db.insert(USERS).set(USERS.email, "ann@example.com")
                .onConflictDoUpdate(USERS.email, set -> set.setNull(USERS.name)).execute();
        assertThat(find("ann@example.com").name()).isNull();
    }

    /** A table whose every column has a default. */
    static final class Events extends dev.sleet.schema.Table {
        static final Events EVENTS = new Events();
        final Column<Long> id = bigint("id").primaryKey().generatedAlwaysAsIdentity();
        final Column<OffsetDateTime> at = timestamptz("at").notNull().defaultNow();

        private Events() {
            super("events");
        }
    }

    @Test
    void defaultValuesInsertsARowOfDefaults() {
        db.execute(new dev.sleet.ddl.CreateTable(Events.EVENTS));
        InsertReturningStep insert = db.insert(Events.EVENTS).defaultValues();
        assertThat(insert.toSql().sql()).isEqualTo("insert into \"events\" default values");

        Row row = insert.returning().fetchOne();

        assertThat(row.get(Events.EVENTS.id)).isEqualTo(1L);
        assertThat(row.get(Events.EVENTS.at)).isNotNull();
    }

    private static List<String> methodNames(Class<?> type) {
        return Arrays.stream(type.getMethods()).map(Method::getName).toList();
    }
}
