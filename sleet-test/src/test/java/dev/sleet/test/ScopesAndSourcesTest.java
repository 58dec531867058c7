package dev.sleet.test;

import dev.sleet.Db;
import dev.sleet.test.fixtures.NoteSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static dev.sleet.Sql.count;
import static dev.sleet.Sql.raw;
import static dev.sleet.test.fixtures.NoteSchema.NOTES;
import static org.assertj.core.api.Assertions.assertThat;

/** A branch shared by a class, a template made from schema classes, and a data source injected as such. */
class ScopesAndSourcesTest {

    @Nested
    @SleetTest(migrations = "src/test/resources/migrations", branchPer = BranchScope.CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class SharedByTheClass {

        private static String beforeAll;

        @BeforeAll
        static void seed(Db db, TestBranch branch) {
            beforeAll = branch.name();
            db.execute(raw("insert into notes (body) values ('from @BeforeAll')"));
        }

        @Test
        @Order(1)
        void firstTestSeesTheSeed(TestBranch branch, Db db) {
            assertThat(branch.name()).isEqualTo(beforeAll);
            assertThat(db.fetch(raw("select body from notes where body = 'from @BeforeAll'"))).hasSize(1);
            db.execute(raw("insert into notes (body) values ('from the first test')"));
        }

        @Test
        @Order(2)
        void secondTestSeesTheFirstOnesRow(TestBranch branch, Db db) {
            assertThat(branch.name()).isEqualTo(beforeAll);
            assertThat(db.fetch(raw("select body from notes where body like 'from%'"))).hasSize(2);
        }
    }

    @Nested
    @SleetTest(schema = NoteSchema.class)
    class MadeFromSchemaClasses {

        @Test
        void theTemplateHoldsTheSchema(Db db) {
            db.insert(NOTES).set(NOTES.body, "typed").execute();
            assertThat(db.select(count()).from(NOTES).fetchOne().get(0, Long.class)).isEqualTo(1L);
        }

        @Test
        void aDataSourceOfTheSameBranch(DataSource ds, TestBranch branch) throws SQLException {
            assertThat(ds).isSameAs(branch.dataSource());
            try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select current_database(), count(*) from schema_notes")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(branch.name());
                assertThat(rs.getLong(2)).as("the other test's row is not here").isZero();
            }
        }
    }
}
