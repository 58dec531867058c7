package dev.sleet.cli;

import dev.sleet.embedded.EmbeddedPostgres;
import dev.sleet.examples.blog.BlogSchema;
import dev.sleet.examples.books.BooksSchema;
import dev.sleet.examples.saas.SaasSchema;
import dev.sleet.kit.ddl.MigrationSql;
import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Diff;
import dev.sleet.kit.introspect.IntrospectFilter;
import dev.sleet.kit.introspect.Introspector;
import dev.sleet.kit.introspect.SnapshotNormalizer;
import dev.sleet.kit.pull.JavaSchemaWriter;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SnapshotBuilder;
import dev.sleet.schema.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples module through the whole loop: Java schema, migration SQL, database, pull, the pulled Java
 * compiled, and its snapshot equal to the original schema's as the database prints it.
 */
class PullExamplesRoundTripTest {

    private static EmbeddedPostgres server;

    @BeforeAll
    static void start() {
        server = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"blog", "books", "saas"})
    void anExampleSchemaSurvivesMigrationsAndPull(String example, @TempDir Path dir) throws Exception {
        Class<?> schemaClass = switch (example) {
            case "blog" -> BlogSchema.class;
            case "books" -> BooksSchema.class;
            default -> SaasSchema.class;
        };
        Snapshot original = SnapshotBuilder.of(Schema.of(schemaClass));
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl("postgres"));
             Statement st = admin.createStatement()) {
            st.execute("create database pull_" + example);
        }
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("pull_" + example));
             Statement st = c.createStatement()) {
            for (String sql : MigrationSql.upStatements(Diff.between(Snapshot.empty(), original))) {
                st.execute(sql);
            }
            Snapshot live = Introspector.read(c, IntrospectFilter.all());
            JavaSchemaWriter writer = JavaSchemaWriter.of(live, "pulled." + example, "Pulled");
            writer.writeTo(dir.resolve("src"));

            Schema pulled = compile(dir, writer.schemaClassName());
            Snapshot expected = SnapshotNormalizer.normalize(original, c);
            Snapshot rebuilt = SnapshotNormalizer.normalize(SnapshotBuilder.of(pulled), c);

            List<Change> changes = Diff.between(expected, rebuilt);
            assertThat(changes).as(() -> MigrationSql.up(changes)).isEmpty();
            // the catalog's own printing of the saas example's "tier in (...)" check prints differently again;
            // settled, the live database and the pulled schema agree
            assertThat(Diff.between(SnapshotNormalizer.settleAgainst(live, rebuilt, c), rebuilt)).isEmpty();
        }
    }

    /** Compiles the pulled sources against the test classpath and reads the schema class. */
    private static Schema compile(Path dir, String schemaClass) throws Exception {
        Path out = Files.createDirectories(dir.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-classpath",
                System.getProperty("java.class.path"), "-encoding", "UTF-8", "-Xlint:all", "-Werror", "-proc:none"));
        try (var files = Files.walk(dir.resolve("src"))) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, errors, errors, args.toArray(new String[0]));
        assertThat(rc).as(() -> "javac:\n" + errors.toString(StandardCharsets.UTF_8)).isZero();
        URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()},
                PullExamplesRoundTripTest.class.getClassLoader());
        return Schema.of(Class.forName(schemaClass, true, loader));
    }
}
