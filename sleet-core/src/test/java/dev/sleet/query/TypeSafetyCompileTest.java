package dev.sleet.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.schema.Table;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query API is checked by the compiler: a value or column of the wrong Java type does not compile, the right
 * one does, and the code that compiles runs on PostgreSQL.
 */
@PostgresTest
class TypeSafetyCompileTest {

    private static final String USERS = """
            package snippet;

            import dev.sleet.schema.*;

            public final class Users extends Table {
                public static final Users USERS = new Users();

                public final Column<Long> id = bigint("id").primaryKey().generatedByDefaultAsIdentity();
                public final Column<String> email = varchar("email", 255).notNull().unique();
                public final Column<Boolean> isActive = bool("is_active").notNull().defaultValue(true);

                private Users() {
                    super("tsc_users");
                }
            }
            """;

    private static final String POSTS = """
            package snippet;

            import dev.sleet.schema.*;

            public final class Posts extends Table {
                public static final Posts POSTS = new Posts();

                public final Column<Long> id = bigint("id").primaryKey().generatedByDefaultAsIdentity();
                public final Column<Long> authorId = bigint("author_id").notNull().references(() -> Users.USERS.id);
                public final Column<String> title = text("title").notNull();

                private Posts() {
                    super("tsc_posts");
                }
            }
            """;

    /** Compiles {@code body} as the body of {@code Object apply(Db db)} next to the two tables. */
    private static Compilation compile(String body) {
        String snippet = """
                package snippet;

                import dev.sleet.Db;
                import dev.sleet.query.*;
                import dev.sleet.exec.Row;
                import java.util.List;
                import static dev.sleet.Sql.*;
                import static snippet.Users.USERS;
                import static snippet.Posts.POSTS;

                public final class Snippet implements java.util.function.Function<Db, Object> {
                    @Override
                    public Object apply(Db db) {
                %s
                    }
                }
                """.formatted(body);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler).as("a JDK with javac").isNotNull();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
        MemoryFileManager files = new MemoryFileManager(standard);
        List<JavaFileObject> sources = List.of(new Source("snippet/Users", USERS), new Source("snippet/Posts", POSTS),
                new Source("snippet/Snippet", snippet));
        boolean ok = compiler.getTask(null, files, diagnostics,
                List.of("-classpath", classPath(), "--release", "17", "-proc:none"), null, sources).call();
        List<String> errors = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(Locale.ROOT))
                .toList();
        return new Compilation(ok, errors, files.classes);
    }

    /**
     * The test class path: {@code java.class.path}, plus the code sources of Sleet and its dependencies, since a
     * test runner may start the JVM with a manifest-only jar.
     */
    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        for (Class<?> c : List.of(Table.class, ObjectMapper.class, org.postgresql.Driver.class,
                com.zaxxer.hikari.HikariDataSource.class, org.slf4j.Logger.class)) {
            try {
                entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    // ------------------------------------------------------------------ what must not compile

    @Test
    void comparingALongColumnWithAStringDoesNotCompile() {
        Compilation c = compile("return eq(USERS.id, \"x\");");
        assertThat(c.ok()).isFalse();
        assertThat(c.errorText()).containsAnyOf("no suitable method found for eq", "incompatible types")
                .contains("String");
    }

    @Test
    void settingABooleanColumnToAnIntDoesNotCompile() {
        Compilation c = compile("return db.update(USERS).set(USERS.isActive, 3).where(eq(USERS.id, 1L));");
        assertThat(c.ok()).isFalse();
        assertThat(c.errorText()).containsAnyOf("no suitable method found for set", "incompatible types");
        assertThat(c.errorText()).contains("int");
    }

    @Test
    void comparingALongColumnWithAnIntDoesNotCompile() {
        Compilation c = compile("return eq(USERS.id, 1);");
        assertThat(c.ok()).isFalse();
        assertThat(c.errorText()).containsAnyOf("no suitable method found for eq", "incompatible types")
                .contains("int");
    }

    @Test
    void comparingColumnsOfDifferentTypesDoesNotCompile() {
        Compilation c = compile("return eq(POSTS.authorId, USERS.email);");
        assertThat(c.ok()).isFalse();
        assertThat(c.errorText()).containsAnyOf("no suitable method found for eq", "incompatible types");
    }

    @Test
    void insertingAnIntoAStringColumnDoesNotCompile() {
        Compilation c = compile("return db.insert(USERS).set(USERS.email, 42).execute();");
        assertThat(c.ok()).isFalse();
        assertThat(c.errorText()).containsAnyOf("no suitable method found for set", "incompatible types");
    }

    @Test
    void readingAColumnAsAnotherTypeDoesNotCompile() {
        Compilation c = compile("String id = db.select(USERS.id).from(USERS).fetchOne().get(USERS.id); return id;");
        assertThat(c.ok()).isFalse();
        assertThat(c.errorText()).contains("incompatible types");
    }

    // ------------------------------------------------------------------ what compiles, and runs

    @Test
    void comparingWithAValueOfTheColumnTypeCompiles() {
        Compilation c = compile("return eq(USERS.id, 1L);");
        assertThat(c.errors()).isEmpty();
        assertThat(c.ok()).isTrue();
    }

    @Test
    void comparingTwoColumnsOfOneTypeCompiles() {
        Compilation c = compile("return eq(POSTS.authorId, USERS.id);");
        assertThat(c.errors()).isEmpty();
        assertThat(c.ok()).isTrue();
    }

    @Test
    void typeCorrectCodeCompilesAndRunsOnPostgres(TestDatabase database) throws Exception {
        Compilation c = compile("""
                        db.execute(ctx -> ctx.sql("create table tsc_users (id bigint generated by default as identity "
                                + "primary key, email varchar(255) not null unique, is_active boolean not null default true)"));
                        db.execute(ctx -> ctx.sql("create table tsc_posts (id bigint generated by default as identity "
                                + "primary key, author_id bigint not null references tsc_users (id), title text not null)"));
                        Long ann = db.insert(USERS).set(USERS.email, "ann@example.com").returning(USERS.id)
                                .fetchOne().get(USERS.id);
                        db.insert(POSTS).set(POSTS.authorId, ann).set(POSTS.title, "Hello").execute();
                        db.update(USERS).set(USERS.isActive, false).where(eq(USERS.id, ann)).execute();
                        List<Row> rows = db.select(USERS.email, POSTS.title, USERS.isActive).from(POSTS)
                                .innerJoin(USERS).on(eq(POSTS.authorId, USERS.id))
                                .where(eq(USERS.id, ann)).fetch();
                        Row row = rows.get(0);
                        String email = row.get(USERS.email);
                        String title = row.get(POSTS.title);
                        Boolean active = row.get(USERS.isActive);
                        return rows.size() + " " + email + " " + title + " " + active;
                """);
        assertThat(c.errors()).isEmpty();
        assertThat(c.ok()).isTrue();

        try (Db db = Sleet.connect(database.dataSource())) {
            Object result = c.newSnippet().apply(db);
            assertThat(result).isEqualTo("1 ann@example.com Hello false");
        }
    }

    // ------------------------------------------------------------------ compiler plumbing

    private record Compilation(boolean ok, List<String> errors, Map<String, ByteArrayOutputStream> classes) {
        String errorText() {
            return String.join("\n", errors);
        }

        @SuppressWarnings("unchecked")
        Function<Db, Object> newSnippet() throws ReflectiveOperationException {
            ClassLoader loader = new ClassLoader(TypeSafetyCompileTest.class.getClassLoader()) {
                @Override
                protected Class<?> findClass(String name) throws ClassNotFoundException {
                    ByteArrayOutputStream bytes = classes.get(name);
                    if (bytes == null) {
                        throw new ClassNotFoundException(name);
                    }
                    byte[] b = bytes.toByteArray();
                    return defineClass(name, b, 0, b.length);
                }
            };
            return (Function<Db, Object>) loader.loadClass("snippet.Snippet").getConstructor().newInstance();
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String path, String code) {
            super(URI.create("string:///" + path + ".java"), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }

    private static final class MemoryFileManager extends ForwardingJavaFileManager<JavaFileManager> {
        final Map<String, ByteArrayOutputStream> classes = new HashMap<>();

        MemoryFileManager(JavaFileManager delegate) {
            super(delegate);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                   FileObject sibling) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            classes.put(className, out);
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                @Override
                public OutputStream openOutputStream() {
                    return out;
                }
            };
        }
    }
}
