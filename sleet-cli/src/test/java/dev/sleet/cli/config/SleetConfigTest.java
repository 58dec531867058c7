package dev.sleet.cli.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** sleet.properties: values, ${ENV} and .env substitution, and one clear line for every mistake. */
class SleetConfigTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void readsEveryKeyResolvingPathsAgainstTheFilesFolder() throws IOException {
        Path file = write("sleet.properties", """
                # the blog
                schema = com.example.db.AppSchema, com.example.db.Extra
                classpath = build/classes:lib/model.jar
                out = db/migrations
                url = jdbc:postgresql://localhost/app?user=app
                directUrl = jdbc:postgresql://direct/app
                """);

        SleetConfig config = SleetConfig.load(file, Map.<String, String>of()::get);

        assertThat(config.schema()).containsExactly("com.example.db.AppSchema", "com.example.db.Extra");
        assertThat(config.classpath()).containsExactly(dir.resolve("build/classes"), dir.resolve("lib/model.jar"));
        assertThat(config.out()).isEqualTo(dir.resolve("db/migrations"));
        assertThat(config.migrationUrl()).contains("jdbc:postgresql://direct/app");
        assertThat(config.withUrl("jdbc:postgresql://other/db").url()).isEqualTo("jdbc:postgresql://other/db");
    }

    @Test
    void defaultsLeaveTheDatabaseEmbeddedAndTheFolderAtMigrations() throws IOException {
        SleetConfig config = SleetConfig.load(write("sleet.properties", "schema=a.B\n"), Map.<String, String>of()::get);

        assertThat(config.url()).isNull();
        assertThat(config.migrationUrl()).isEmpty();
        assertThat(config.out()).isEqualTo(dir.resolve("migrations"));
        assertThat(config.classpath()).isEmpty();
    }

    @Test
    void variablesComeFromTheEnvironmentThenDotEnvThenTheirDefault() throws IOException {
        write(".env", """
                # local settings
                export DATABASE_URL="postgres://app:dotenv-secret@localhost/app"
                OUT_DIR=from-dotenv
                """);
        Path file = write("sleet.properties", """
                schema=a.B
                url=${DATABASE_URL}
                out=${OUT_DIR}
                directUrl=${DIRECT_URL:-jdbc:postgresql://fallback/app}
                """);

        SleetConfig fromDotEnv = SleetConfig.load(file, Map.<String, String>of()::get);
        SleetConfig fromEnv = SleetConfig.load(file, Map.of("OUT_DIR", "from-env")::get);

        assertThat(fromDotEnv.url()).isEqualTo("postgres://app:dotenv-secret@localhost/app");
        assertThat(fromDotEnv.out()).isEqualTo(dir.resolve("from-dotenv"));
        assertThat(fromDotEnv.directUrl()).isEqualTo("jdbc:postgresql://fallback/app");
        assertThat(fromEnv.out()).isEqualTo(dir.resolve("from-env"));
        assertThat(fromDotEnv.toString()).doesNotContain("dotenv-secret").contains("app:****@");
    }

    @Test
    void everyMistakeIsOneLineNamingTheFileAndTheKey() throws IOException {
        Path missing = dir.resolve("nope.properties");
        Path unknownKey = write("a.properties", "schema=a.B\nurll=x\n");
        Path noSchema = write("b.properties", "url=x\n");
        Path badClass = write("c.properties", "schema=com.example.1Bad\n");
        Path unsetVariable = write("d.properties", "schema=a.B\nurl=${NOT_SET_ANYWHERE}\n");
        Path windowsPath = write("f.properties", "schema=a.B\nclasspath=C:\\users\\ann\\classes\n");

        for (Object[] c : new Object[][] {
                {missing, "no such configuration file"},
                {unknownKey, "unknown key 'urll'"},
                {noSchema, "key 'schema' is required"},
                {badClass, "'com.example.1Bad' is not a Java class name"},
                {unsetVariable, "${NOT_SET_ANYWHERE}"},
                {windowsPath, "is not a valid properties file"}}) {
            Path file = (Path) c[0];
            assertThatThrownBy(() -> SleetConfig.load(file, Map.<String, String>of()::get))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith(file.toString())
                    .hasMessageContaining((String) c[1])
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
        write(".env", "NOT A VALID LINE\n");
        assertThatThrownBy(() -> SleetConfig.load(write("e.properties", "schema=a.B\n"), Map.<String, String>of()::get))
                .isInstanceOf(ConfigException.class).hasMessageContaining(".env:1");
    }
}
