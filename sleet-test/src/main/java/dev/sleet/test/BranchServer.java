package dev.sleet.test;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.ddl.SchemaDdl;
import dev.sleet.embedded.EmbeddedPostgres;
import dev.sleet.kit.branch.DatabaseUrl;
import dev.sleet.kit.migrate.Migrator;
import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.Schema;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The PostgreSQL server of a test run, its templates and their branches. One per JVM, closed at the end of the
 * run: it drops the templates it made, and stops the embedded server when it started one.
 */
final class BranchServer implements AutoCloseable {

    /** The environment variable naming a server to use instead of the embedded one. */
    static final String URL_ENV = "SLEET_TEST_DATABASE_URL";

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EmbeddedPostgres embedded;
    private final DatabaseUrl admin;
    private final int majorVersion;
    /** Per source, the template's name or why it could not be made (remembered, so it is not retried per test). */
    private final Map<Template, Object> templates = new ConcurrentHashMap<>();
    /** Per template, the next branch, being copied in the background. */
    private final Map<String, Future<String>> spares = new ConcurrentHashMap<>();
    /** Drops of used branches, running in the background. */
    private final Queue<Future<?>> pending = new ConcurrentLinkedQueue<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sleet-test-branches");
        t.setDaemon(true);
        return t;
    });

    /**
     * What a template is made from.
     *
     * @param migrations the migrations folder (absolute), or {@code null}
     * @param schema     the schema classes, when there is no folder
     */
    record Template(Path migrations, List<Class<?>> schema) {
    }

    private BranchServer(EmbeddedPostgres embedded, DatabaseUrl admin) {
        this.embedded = embedded;
        this.admin = admin;
        try (Connection c = admin.connect()) {
            this.majorVersion = c.getMetaData().getDatabaseMajorVersion();
        } catch (SQLException e) {
            throw new IllegalStateException("@SleetTest cannot connect to " + describe() + ": "
                    + firstLine(e), e);
        }
    }

    /** Starts the embedded server, or connects to the one in {@value #URL_ENV}. */
    static BranchServer start() {
        return start(System.getenv(URL_ENV));
    }

    /**
     * Starts the embedded server, or connects to the one of a URL.
     *
     * @param url a database URL of the server, or {@code null} (or blank) for the embedded one
     * @return the server
     */
    static BranchServer start(String url) {
        // surefire passes an unset variable through as its own placeholder text
        if (url == null || url.isBlank() || url.startsWith("${")) {
            EmbeddedPostgres pg = EmbeddedPostgres.start();
            return new BranchServer(pg, DatabaseUrl.parse(pg.jdbcUrl("postgres")));
        }
        DatabaseUrl parsed;
        try {
            parsed = DatabaseUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(URL_ENV + ": " + e.getMessage(), e);
        }
        return new BranchServer(null, parsed);
    }

    /**
     * The name of the template database made from a source, made (and migrated) on first use.
     *
     * @param template what the template is made from
     * @return the template database's name
     */
    String template(Template template) {
        Object made = templates.computeIfAbsent(template, t -> {
            try {
                return makeTemplate(t);
            } catch (RuntimeException e) {
                return e;
            }
        });
        if (made instanceof RuntimeException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return (String) made;
    }

    private String makeTemplate(Template template) {
        String name = uniqueName("sleet_template_");
        execute("create database " + RenderContext.quoteIdentifier(name));
        try {
            if (template.migrations() != null) {
                Migrator.of(admin.with(name).dataSource(), template.migrations()).migrate();
            } else {
                Schema schema = Schema.of(template.schema().toArray(new Class<?>[0]));
                try (Db db = Sleet.connect(admin.with(name).dataSource())) {
                    List<QueryPart> ddl = SchemaDdl.create(schema);
                    db.transaction(tx -> ddl.forEach(tx::execute));
                }
            }
            // no one may connect to it any more: a stray session would stop every copy
            execute("alter database " + RenderContext.quoteIdentifier(name) + " with allow_connections false");
            return name;
        } catch (RuntimeException e) {
            drop(name);
            throw e;
        }
    }

    /**
     * Hands out a fresh branch of a template. The next one is copied in the background meanwhile, and a used one is
     * dropped in the background, so that a test waits for neither when tests take as long as a copy.
     *
     * @param template the template database's name
     * @return the branch
     */
    TestBranch branch(String template) {
        Future<String> spare;
        synchronized (spares) {
            // the executor runs in order: the spare taken here is copied before the one queued now
            spare = spares.put(template, background.submit(() -> copy(template)));
        }
        String name = spare == null ? null : await(spare);
        if (name == null) {
            // the first branch, or its copy failed in the background: copy in the foreground, where a failure
            // reaches the test
            name = copy(template);
        }
        String made = name;
        return new TestBranch(made, admin.with(made).full(), () -> pending.add(background.submit(() -> drop(made))));
    }

    /** Copies a template to a new database with a unique name. */
    String copy(String template) {
        String name = uniqueName("sleet_test_");
        execute("create database " + RenderContext.quoteIdentifier(name) + " template "
                + RenderContext.quoteIdentifier(template) + (majorVersion >= 15 ? " strategy wal_log" : ""));
        return name;
    }

    /** Drops a database, ending its sessions first. */
    void drop(String name) {
        if (majorVersion >= 13) {
            execute("drop database if exists " + RenderContext.quoteIdentifier(name) + " with (force)");
        } else {
            execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
                    + name.replace("'", "''") + "'");
            execute("drop database if exists " + RenderContext.quoteIdentifier(name));
        }
    }

    /** Finishes the drops, drops the spare branches and the templates; stops the embedded server. */
    @Override
    public void close() {
        try {
            background.shutdown();
            for (Future<?> f : pending) {
                await(f);
            }
            for (Future<String> spare : spares.values()) {
                String name = await(spare);
                if (name != null) {
                    drop(name);
                }
            }
            if (embedded == null) {
                templates.values().stream().filter(String.class::isInstance).map(String.class::cast)
                        .forEach(this::drop);
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    String describe() {
        return embedded != null ? "the embedded PostgreSQL " + embedded.version() : URL_ENV + " (" + admin + ")";
    }

    private void execute(String sql) {
        try (Connection c = admin.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("@SleetTest: " + firstLine(e) + " (on " + describe() + ", running: "
                    + sql + ")", e);
        }
    }

    static Template templateOf(SleetTest config, Class<?> testClass) {
        Path migrations = null;
        if (!config.migrations().isBlank()) {
            migrations = Path.of(config.migrations()).toAbsolutePath().normalize();
            if (!Files.isDirectory(migrations)) {
                throw new IllegalStateException("@SleetTest(migrations = \"" + config.migrations() + "\") on "
                        + testClass.getName() + ": no such folder " + migrations + " (relative paths start at the "
                        + "working directory, the module's folder under Maven)");
            }
        }
        List<Class<?>> schema = List.of(config.schema());
        if (migrations == null && schema.isEmpty()) {
            throw new IllegalStateException("@SleetTest on " + testClass.getName() + " names neither migrations nor "
                    + "schema classes: say what the test database is made from, e.g. @SleetTest(migrations = "
                    + "\"src/main/resources/db/migrations\")");
        }
        return new Template(migrations, migrations != null ? List.of() : List.copyOf(schema));
    }

    private static String uniqueName(String prefix) {
        StringBuilder name = new StringBuilder(prefix);
        for (int i = 0; i < 10; i++) {
            name.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return name.toString();
    }

    private static String firstLine(SQLException e) {
        return Objects.toString(e.getMessage(), e.toString()).lines().findFirst().orElse("");
    }
}
