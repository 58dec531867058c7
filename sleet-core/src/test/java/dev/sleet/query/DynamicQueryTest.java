package dev.sleet.query;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.fixtures.BlogSchema;
import dev.sleet.fixtures.BlogSchema.Role;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.sleet.Sql.and;
import static dev.sleet.Sql.eq;
import static dev.sleet.Sql.ilike;
import static dev.sleet.Sql.in;
import static dev.sleet.Sql.or;
import static dev.sleet.fixtures.BlogSchema.USERS;
import static org.assertj.core.api.Assertions.assertThat;

/** Queries built from optional filters and composed across methods. */
@PostgresTest
class DynamicQueryTest {

    private static Db db;

    /** The filters of a search form; any of them may be absent. */
    record UserSearch(String nameLike, Role role, List<String> emails) {
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
        db.insert(USERS).values(List.of(
                Map.of(USERS.email, "ann@example.com", USERS.name, "Ann", USERS.role, Role.admin),
                Map.of(USERS.email, "bob@example.com", USERS.name, "Bob", USERS.role, Role.member),
                Map.of(USERS.email, "abe@example.com", USERS.name, "Abe", USERS.role, Role.member))).execute();
    }

    /** A filter built in one method, used in another: absent filters are nulls that and() drops. */
    private static Condition filter(UserSearch search) {
        return and(
                search.nameLike() == null ? null : ilike(USERS.name, search.nameLike()),
                search.role() == null ? null : eq(USERS.role, search.role()),
                search.emails() == null ? null : in(USERS.email, search.emails()));
    }

    private static List<String> names(UserSearch search) {
        return db.select(USERS.name).from(USERS).where(filter(search)).orderBy(USERS.name).fetch().stream()
                .map(r -> r.get(USERS.name)).toList();
    }

    @Test
    void absentFiltersAreDropped() {
        assertThat(names(new UserSearch(null, null, null))).containsExactly("Abe", "Ann", "Bob");
        assertThat(names(new UserSearch("a%", null, null))).containsExactly("Abe", "Ann");
        assertThat(names(new UserSearch("a%", Role.member, null))).containsExactly("Abe");
    }

    @Test
    void anEmptyInListMatchesNothingInsteadOfFailing() {
        assertThat(names(new UserSearch(null, null, List.of()))).isEmpty();
        assertThat(names(new UserSearch(null, null, List.of("bob@example.com")))).containsExactly("Bob");
    }

    @Test
    void orDropsNullsAndAnOrOfNothingMatchesNothing() {
        List<Condition> any = new ArrayList<>();
        assertThat(db.count(USERS, or(any))).isZero();
        any.add(null);
        any.add(eq(USERS.name, "Bob"));
        assertThat(db.count(USERS, or(any))).isEqualTo(1);
    }

    @Test
    void statementsAreComposedFromPartsBuiltElsewhere() {
        SelectJoinStep base = db.select(USERS.name).from(USERS);
        Select admins = base.where(eq(USERS.role, Role.admin));
        Select members = base.where(eq(USERS.role, Role.member)).orderBy(USERS.name).limit(1);

        assertThat(admins.fetch()).extracting(r -> r.get(USERS.name)).containsExactly("Ann");
        assertThat(members.fetch()).extracting(r -> r.get(USERS.name)).containsExactly("Abe");
        assertThat(base.fetch()).hasSize(3);   // the base was not changed by the steps taken from it
    }
}
