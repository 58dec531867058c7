package dev.sleet.testing;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving each test class a fresh PostgreSQL database of its own on the {@link TestPostgres}
 * server.
 *
 * <ul>
 *   <li>The database is created before the class's tests (or earlier, when a constructor of a
 *       {@code PER_CLASS} test instance asks for it), kept in the class-level {@link ExtensionContext.Store},
 *       and dropped after all tests of the class.</li>
 *   <li>Parameters of type {@link TestDatabase} and {@link DataSource} (an unpooled
 *       {@link org.postgresql.ds.PGSimpleDataSource}) are resolved for test methods, constructors and
 *       {@code @BeforeAll}/{@code @BeforeEach}/{@code @AfterEach}/{@code @AfterAll} methods.</li>
 *   <li>{@code @Nested} classes share the database of the outermost class that uses the extension.</li>
 * </ul>
 *
 * <p>Register it with {@link PostgresTest @PostgresTest} or {@code @ExtendWith(PostgresExtension.class)}.
 * Test classes may run in parallel: each has its own database.
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);
    private static final String KEY = "database";

    /** Creates the extension; JUnit does this. */
    public PostgresExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // removes only what this class context created (not a database inherited from an enclosing class)
        CreatedDatabase created = context.getStore(NAMESPACE).remove(KEY, CreatedDatabase.class);
        if (created != null) {
            created.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == TestDatabase.class || type == DataSource.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        TestDatabase database = database(extensionContext);
        if (type == TestDatabase.class) {
            return database;
        }
        if (type == DataSource.class) {
            return database.dataSource();
        }
        throw new ParameterResolutionException("unsupported parameter type " + type.getName());
    }

    /** The class's database, created on first use; visible from method and nested-class contexts. */
    private static TestDatabase database(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        String hint = classContext.getTestClass().map(Class::getSimpleName).orElse("test");
        return classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent(KEY, key -> new CreatedDatabase(TestPostgres.createDatabase(hint)),
                        CreatedDatabase.class)
                .database;
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    /** Store entry: JUnit closes it (dropping the database) if {@link #afterAll} did not get to it. */
    private static final class CreatedDatabase implements ExtensionContext.Store.CloseableResource {
        final TestDatabase database;

        CreatedDatabase(TestDatabase database) {
            this.database = database;
        }

        @Override
        public void close() {
            TestPostgres.dropDatabase(database);
        }
    }
}
