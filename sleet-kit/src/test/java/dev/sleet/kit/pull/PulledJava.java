package dev.sleet.kit.pull;

import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Compiles pulled sources as a user's build would, warnings as errors, and loads them. */
final class PulledJava {

    private PulledJava() {
    }

    /**
     * Compiles every {@code .java} file under {@code dir/src} against the test classpath into
     * {@code dir/classes}.
     *
     * @param dir the directory holding {@code src}
     * @return a class loader for the compiled classes
     */
    static URLClassLoader compile(Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-classpath",
                System.getProperty("java.class.path"), "-encoding", "UTF-8", "-Xlint:all", "-Werror", "-proc:none"));
        try (var files = Files.walk(dir.resolve("src"))) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, errors, errors, args.toArray(new String[0]));
        assertThat(rc).as(() -> "javac:\n" + errors.toString(StandardCharsets.UTF_8)).isZero();
        return new URLClassLoader(new URL[] {out.toUri().toURL()}, PulledJava.class.getClassLoader());
    }
}
