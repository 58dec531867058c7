package dev.sleet.cli.config;

import dev.sleet.schema.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Schema classes load from the configured classpath; every failure names the class and the key. */
class SchemaLoaderTest {

    @TempDir
    Path dir;

    private SleetConfig config(String schema, String classpath) throws IOException {
        Path file = dir.resolve("sleet.properties");
        Files.writeString(file, "schema=" + schema + "\nclasspath=" + classpath + "\n");
        return SleetConfig.load(file, Map.<String, String>of()::get);
    }

    /** Compiles a schema class into dir/classes, as a user's build would. */
    private void compile(String className, String source) throws IOException {
        Path src = dir.resolve("src").resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), src.toString());
        assertThat(status).isZero();
    }

    @Test
    void loadsTablesAndEnumsOfACompiledSchemaClass() throws IOException {
        compile("shop.ShopSchema", """
                package shop;
                import dev.sleet.schema.*;
                public final class ShopSchema {
                    public static final class Items extends Table {
                        public static final Items ITEMS = new Items();
                        public final Column<Long> id = bigint("id").primaryKey();
                        private Items() { super("items"); }
                    }
                    public static final Items ITEMS = Items.ITEMS;
                }
                """);

        Schema schema = SchemaLoader.load(config("shop.ShopSchema", "classes"));

        assertThat(schema.tables()).extracting(t -> t.name()).containsExactly("items");
    }

    @Test
    void aMissingClassOrFolderOrABrokenTableIsOneLineNamingIt() throws IOException {
        compile("shop.Broken", """
                package shop;
                import dev.sleet.schema.*;
                public final class Broken {
                    public static final class Twice extends Table {
                        public static final Twice TWICE = new Twice();
                        public final Column<Long> a = bigint("a");
                        public final Column<Long> b = bigint("a");
                        private Twice() { super("twice"); }
                    }
                    public static final Twice TWICE = Twice.TWICE;
                }
                """);

        assertThatThrownBy(() -> SchemaLoader.load(config("shop.Nope", "classes")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("key 'schema'")
                .hasMessageContaining("shop.Nope was not found");
        assertThatThrownBy(() -> SchemaLoader.load(config("shop.ShopSchema", "no-such-dir")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("key 'classpath'")
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> SchemaLoader.load(config("shop.Broken", "classes")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("twice")
                .hasMessageContaining("declared twice")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aFailingStaticInitialiserIsOneLineNamingTheExceptionEvenWithoutAMessage() throws IOException {
        compile("shop.Loud", """
                package shop;
                public final class Loud {
                    static { if (true) throw new IllegalStateException("first line\\nsecond line"); }
                }
                """);
        compile("shop.Quiet", """
                package shop;
                public final class Quiet {
                    static { if (true) throw new UnsupportedOperationException(); }
                }
                """);

        assertThatThrownBy(() -> SchemaLoader.load(config("shop.Loud", "classes")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("shop.Loud failed to initialise (IllegalStateException: first line)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("second line"));
        assertThatThrownBy(() -> SchemaLoader.load(config("shop.Quiet", "classes")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("shop.Quiet failed to initialise (UnsupportedOperationException)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("null"));
    }
}
