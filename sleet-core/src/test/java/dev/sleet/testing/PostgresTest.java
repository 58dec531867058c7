package dev.sleet.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a fresh PostgreSQL database of its own: shorthand for
 * {@code @ExtendWith(PostgresExtension.class)}. Parameters of type {@link TestDatabase} and
 * {@link javax.sql.DataSource} of test methods, constructors and lifecycle methods receive that database.
 *
 * <pre>{@code
 * @PostgresTest
 * class UsersTest {
 *     @Test
 *     void insertsUsers(DataSource dataSource) { ... }
 * }
 * }</pre>
 *
 * @see PostgresExtension
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PostgresExtension.class)
public @interface PostgresTest {
}
