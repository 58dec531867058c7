package dev.sleet.test;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives each test its own fresh, migrated PostgreSQL database: a branch of a template database that is prepared
 * once per test run. Test and lifecycle methods declare what they need as parameters — {@link dev.sleet.Db},
 * {@link javax.sql.DataSource} or {@link TestBranch} — and get the branch of the test they run for; the branch
 * is dropped when the test (or, with {@link #branchPer()} {@link BranchScope#CLASS}, the class) is done.
 *
 * <pre>{@code
 * @SleetTest(migrations = "src/main/resources/db/migrations")
 * class InvoiceRepositoryTest {
 *     @Test
 *     void issuesAnInvoice(Db db) {
 *         new InvoiceRepository(db).issue(...);      // this database exists for this test only
 *     }
 * }
 * }</pre>
 *
 * <p>The template is built from {@link #migrations()} (applied with the {@code Migrator}, as {@code sleet migrate}
 * would) or, for projects without migration files, created from the {@link #schema()} classes; giving both
 * applies the migrations. Classes naming the same folder and classes share one template.
 *
 * <p>The server is an embedded PostgreSQL started once per JVM, or the server of the environment variable
 * {@code SLEET_TEST_DATABASE_URL} ({@code jdbc:postgresql://...} or {@code postgres://...} URL of a database
 * there; the user must be allowed to create databases). On such a server the template and branches get unique
 * names, and are dropped at the end of the run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SleetExtension.class)
public @interface SleetTest {

    /**
     * The migrations folder the template is migrated with, relative to the working directory (the module's
     * folder under Maven); empty for none.
     *
     * @return the folder
     */
    String migrations() default "";

    /**
     * Schema classes (whose public static fields are the schema, as in {@code sleet.properties}) the template is
     * created from, when there is no migrations folder.
     *
     * @return the classes
     */
    Class<?>[] schema() default {};

    /**
     * Whether each test method gets a branch of its own (the default), or the class shares one.
     *
     * @return the scope
     */
    BranchScope branchPer() default BranchScope.TEST;
}
