package dev.sleet.kit.pull;

import dev.sleet.kit.TestServer;
import dev.sleet.kit.ddl.MigrationSql;
import dev.sleet.kit.ddl.RoundTripCorpus;
import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Diff;
import dev.sleet.kit.introspect.IntrospectFilter;
import dev.sleet.kit.introspect.Introspector;
import dev.sleet.kit.introspect.SnapshotNormalizer;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SnapshotBuilder;
import dev.sleet.kit.snapshot.SnapshotJson;
import dev.sleet.schema.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The round trip over the whole corpus: Java schema, its DDL in a database, pull, the pulled Java
 * compiled and loaded, and its snapshot equal to what the database holds. All pulled schemas are compiled in
 * one javac run, each in a package of its own.
 */
// The corpus's role belongs to the whole cluster; on a shared server these classes must not drop it under
// each other.
@org.junit.jupiter.api.parallel.ResourceLock(RoundTripCorpus.ROLE_LOCK)
class PullCorpusRoundTripTest {

    private static TestServer postgres;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        postgres = TestServer.start();
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    /** One corpus schema: its database, what was read from it, and the class pull wrote for it. */
    private record Pulled(String name, String database, Snapshot live, String schemaClass) {
    }

    @Test
    void everyCorpusSchemaPullsToJavaThatBuildsTheSameSchema() throws Exception {
        Map<String, Pulled> pulled = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        List<String> failures = new ArrayList<>();
        try {
            int n = 0;
            for (RoundTripCorpus.Entry entry : RoundTripCorpus.schemas().toList()) {
                Snapshot built = SnapshotBuilder.of(entry.schema().get());
                if (!seen.add(SnapshotJson.write(built)) || built.tables().isEmpty() && built.enums().isEmpty()
                        && built.sequences().isEmpty() && built.views().isEmpty()) {
                    continue;   // many cases share a side; an empty database has nothing to pull
                }
                n++;
                String database = postgres.name("pull_rt_" + n);
                admin("create database \"" + database + "\"");
                try (Connection c = connect(database); Statement st = c.createStatement()) {
                    for (String sql : MigrationSql.upStatements(Diff.between(Snapshot.empty(), built))) {
                        st.execute(sql);
                    }
                    Snapshot live = Introspector.read(c, IntrospectFilter.all().roles(RoundTripCorpus.ROLE_PREFIX
                            + "*"));
                    JavaSchemaWriter writer = JavaSchemaWriter.of(live, "pulled.c" + n, "S" + n);
                    writer.writeTo(dir.resolve("src"));
                    pulled.put(entry.name(), new Pulled(entry.name(), database, live, writer.schemaClassName()));
                }
            }
            URLClassLoader loader = PulledJava.compile(dir);
            for (Pulled p : pulled.values()) {
                try (Connection c = connect(p.database())) {
                    Schema schema = Schema.of(Class.forName(p.schemaClass(), true, loader));
                    Snapshot rebuilt = SnapshotNormalizer.normalize(SnapshotBuilder.of(schema), c);
                    List<Change> forward = Diff.between(p.live(), rebuilt);
                    List<Change> backward = Diff.between(rebuilt, p.live());
                    if (!forward.isEmpty() || !backward.isEmpty()) {
                        failures.add(p.name() + ": the pulled Java differs from the database:\n"
                                + MigrationSql.up(forward));
                    }
                } catch (RuntimeException | ReflectiveOperationException e) {
                    failures.add(p.name() + ": " + e);
                }
            }
        } finally {
            for (Pulled p : pulled.values()) {
                admin("drop database if exists \"" + p.database() + "\" with (force)");
            }
            admin("drop role if exists \"" + RoundTripCorpus.ROLE + "\"");
        }
        assertThat(pulled).as("distinct corpus schemas").hasSizeGreaterThan(80);
        assertThat(failures).isEmpty();
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database));
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
