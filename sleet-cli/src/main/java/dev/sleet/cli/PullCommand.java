package dev.sleet.cli;

import dev.sleet.cli.config.SleetConfig;
import dev.sleet.kit.introspect.IntrospectFilter;
import dev.sleet.kit.introspect.Introspector;
import dev.sleet.kit.pull.JavaSchemaWriter;
import dev.sleet.kit.snapshot.Snapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code sleet pull}: reads the database's schema and writes it as Java schema classes, to start a project from
 * a database Sleet never touched. Sleet's history schema is not read.
 */
@Command(name = "pull", mixinStandardHelpOptions = true,
        description = "Write the database's schema as Java schema classes (one file per table, enums, a schema class).")
final class PullCommand implements Callable<Integer> {

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "the source folder to write into, e.g. src/main/java")
    Path out;

    @Option(names = "--package", required = true, paramLabel = "PACKAGE",
            description = "the Java package of the classes, e.g. com.example.db")
    String packageName;

    @Option(names = "--name", defaultValue = "App", paramLabel = "NAME",
            description = "prefix of the schema and enums classes (default: App, giving AppSchema and AppEnums)")
    String name;

    @Option(names = "--schemas", split = ",", paramLabel = "SCHEMA",
            description = "the PostgreSQL schemas to read (default: all but system schemas and Sleet's own)")
    List<String> schemas;

    @Override
    public Integer call() {
        // a package or name that is no Java name fails here, before a database is started
        JavaSchemaWriter.of(Snapshot.empty(), packageName, name);
        SleetConfig config = project.load();
        return project.withMigrationDatabase(config, System.out, ds -> {
            Snapshot live;
            try (Connection c = ds.getConnection()) {
                IntrospectFilter filter = IntrospectFilter.all();
                if (schemas != null) {
                    filter = filter.schemas(schemas.toArray(String[]::new));
                }
                live = Introspector.read(c, filter);
            } catch (SQLException e) {
                throw new IllegalStateException("reading the database schema failed: " + e.getMessage(), e);
            }
            if (live.tables().isEmpty() && live.enums().isEmpty() && live.sequences().isEmpty()
                    && live.views().isEmpty()) {
                // a schema class without fields is refused by Schema.of, so writing one would help no one
                System.out.println("Nothing to pull: the database has no tables, enums, sequences or views"
                        + (schemas == null ? "" : " in " + String.join(", ", schemas)) + ".");
                return 0;
            }
            JavaSchemaWriter writer = JavaSchemaWriter.of(live, packageName, name);
            List<Path> files;
            try {
                files = writer.writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException("writing the schema classes under " + out + " failed: "
                        + e.getMessage(), e);
            }
            files.forEach(f -> System.out.println(Style.ok("wrote") + " " + f));
            System.out.println("Pulled " + live.tables().size() + " table" + (live.tables().size() == 1 ? "" : "s")
                    + " and " + live.enums().size() + " enum" + (live.enums().size() == 1 ? "" : "s")
                    + "; use Schema.of(" + writer.schemaClassName() + ".class). Look for TODO comments where the "
                    + "database has what the DSL cannot say.");
            return 0;
        });
    }
}
