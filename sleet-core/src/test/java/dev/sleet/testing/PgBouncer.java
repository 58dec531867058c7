package dev.sleet.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PgBouncer in transaction pooling mode in front of a test database, started on a free local port and
 * stopped on {@link #close()}. The Debian package {@code pgbouncer} provides it; {@code .ci/run} installs it.
 * In CI (the {@code CI} variable set) a missing binary fails the test; on a developer's machine it skips it,
 * since {@code ./mvnw verify} must work with only a JDK.
 *
 * <pre>{@code
 * try (PgBouncer bouncer = PgBouncer.start(database, 2)) {
 *     Db db = Sleet.connect(bouncer.jdbcUrl());
 * }
 * }</pre>
 */
public final class PgBouncer implements AutoCloseable {

    private static final List<Path> BINARIES = List.of(Path.of("/usr/sbin/pgbouncer"), Path.of("/usr/bin/pgbouncer"),
            Path.of("/usr/local/bin/pgbouncer"));

    private final Process process;
    private final Path dir;
    private final int port;
    private final TestDatabase database;

    private PgBouncer(Process process, Path dir, int port, TestDatabase database) {
        this.process = process;
        this.dir = dir;
        this.port = port;
        this.database = database;
    }

    /**
     * Starts PgBouncer in transaction mode in front of a database.
     *
     * @param database the database the test uses
     * @param poolSize server connections per user and database
     * @return the running PgBouncer
     * @throws IOException when it cannot be started; the message has its log
     */
    public static PgBouncer start(TestDatabase database, int poolSize) throws IOException {
        Path binary = BINARIES.stream().filter(Files::isExecutable).findFirst().orElse(null);
        if (binary == null) {
            String why = "pgbouncer is not installed (apt-get install -y pgbouncer; .ci/run installs it)";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why);
        }
        URI server = URI.create(database.url().substring("jdbc:".length()));
        String user = database.user() != null ? database.user() : "postgres";
        int port = freePort();
        Path dir = Files.createTempDirectory("sleet-pgbouncer", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.writeString(dir.resolve("userlist.txt"), "\"" + user + "\" \"\"\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("pgbouncer.ini"), String.join("\n",
                "[databases]",
                "* = host=" + server.getHost() + " port=" + (server.getPort() < 0 ? 5432 : server.getPort()),
                "[pgbouncer]",
                "listen_addr = 127.0.0.1",
                "listen_port = " + port,
                "unix_socket_dir =",
                "auth_type = trust",
                "auth_file = " + dir.resolve("userlist.txt"),
                "pool_mode = transaction",
                "default_pool_size = " + poolSize,
                "max_client_conn = 200",
                "ignore_startup_parameters = extra_float_digits",
                "logfile = " + dir.resolve("pgbouncer.log"),
                "pidfile = " + dir.resolve("pgbouncer.pid"),
                ""), StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            // PgBouncer refuses to run as root; it switches to nobody, who must be able to write its log
            UserPrincipal nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(dir, nobody);
            command.add("-u");
            command.add("nobody");
        }
        command.add(dir.resolve("pgbouncer.ini").toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.txt").toFile()).start();
        PgBouncer bouncer = new PgBouncer(process, dir, port, database);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!bouncer.answers()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String log = bouncer.log();
                bouncer.close();
                throw new IOException("pgbouncer did not start on port " + port + ":\n" + log);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while pgbouncer starts", e);
            }
        }
        return bouncer;
    }

    /**
     * Returns a JDBC URL of the test database through PgBouncer, with {@code pgbouncer=true} for Sleet.
     *
     * @return the URL
     */
    public String jdbcUrl() {
        String user = database.user() != null ? database.user() : "postgres";
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database.name() + "?user=" + user + "&pgbouncer=true";
    }

    private boolean answers() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String log() {
        StringBuilder out = new StringBuilder();
        for (String file : List.of("stdout.txt", "pgbouncer.log")) {
            try {
                out.append(Files.readString(dir.resolve(file), StandardCharsets.UTF_8));
            } catch (IOException e) {
                out.append("(no ").append(file).append(")\n");
            }
        }
        return out.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
