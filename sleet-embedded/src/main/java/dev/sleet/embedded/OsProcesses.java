package dev.sleet.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Operating-system plumbing: who we are, how to run PostgreSQL's programs as an unprivileged user when the JVM
 * is root (PostgreSQL refuses to run as root), file ownership and deletion.
 */
final class OsProcesses {

    /** The account PostgreSQL runs as when the JVM runs as root. */
    record Account(String name, int uid, int gid) {
    }

    /** Exit code and combined stdout/stderr of a finished process. */
    record Result(int exitCode, String output) {
    }

    private static final List<String> SYSTEM_DIRS = List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin");

    /**
     * Server processes are started from this one long-lived thread: with {@code setpriv --pdeathsig} the kernel
     * signals the server when the thread that forked it ends, so that thread must live as long as the JVM.
     */
    private static final ExecutorService LAUNCHER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sleet-embedded-pg-launcher");
        t.setDaemon(true);
        return t;
    });

    private static volatile Long uid;
    private static volatile Account serverAccount;
    private static volatile Path setpriv;
    private static volatile Boolean setprivPdeathsig;
    private static volatile Path runuser;
    private static volatile boolean toolsProbed;

    private OsProcesses() {
    }

    static boolean isLinuxAmd64() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return os.startsWith("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    /** The effective uid of this JVM: the owner of {@code /proc/self}, or what {@code id -u} says. */
    static long currentUid() {
        Long u = uid;
        if (u == null) {
            try {
                u = ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
            } catch (IOException | RuntimeException e) {
                Result r = run(new ProcessBuilder("id", "-u"), 10, TimeUnit.SECONDS);
                try {
                    u = Long.parseLong(r.output().trim());
                } catch (NumberFormatException nfe) {
                    throw new EmbeddedPostgresException("cannot determine the uid of this process: 'id -u' said "
                            + oneLine(r.output(), 2));
                }
            }
            uid = u;
        }
        return u;
    }

    static boolean isRoot() {
        return currentUid() == 0;
    }

    static long ownerUid(Path path) throws IOException {
        return ((Number) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
    }

    /** The account 'nobody' from /etc/passwd (uid/gid 65534 when it is not listed). */
    static Account serverAccount() {
        Account a = serverAccount;
        if (a == null) {
            a = new Account("nobody", 65534, 65534);
            try (Stream<String> lines = Files.lines(Path.of("/etc/passwd"), StandardCharsets.UTF_8)) {
                for (String line : (Iterable<String>) lines::iterator) {
                    String[] f = line.split(":", -1);
                    if (f.length >= 4 && f[0].equals("nobody")) {
                        a = new Account("nobody", Integer.parseInt(f[2]), Integer.parseInt(f[3]));
                        break;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // keep the conventional ids
            }
            serverAccount = a;
        }
        return a;
    }

    /**
     * Prefixes a PostgreSQL command so that it may run: as root it is run as {@code nobody} through
     * {@code setpriv} (or {@code runuser}); when {@code dieWithJvm} is set and {@code setpriv} supports it, the
     * kernel sends SIGINT (PostgreSQL's fast shutdown) to the process when the JVM dies, even by SIGKILL.
     */
    static List<String> commandLine(List<String> command, boolean dieWithJvm) {
        probeTools();
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            Account account = serverAccount();
            if (setpriv != null) {
                full.add(setpriv.toString());
                if (dieWithJvm && Boolean.TRUE.equals(setprivPdeathsig)) {
                    full.addAll(List.of("--pdeathsig", "INT"));
                }
                full.addAll(List.of("--reuid=" + account.uid(), "--regid=" + account.gid(), "--clear-groups", "--"));
            } else if (runuser != null) {
                full.addAll(List.of(runuser.toString(), "-u", account.name(), "--"));
            } else {
                throw new EmbeddedPostgresException("this JVM runs as root and PostgreSQL refuses to run as root,"
                        + " but neither 'setpriv' nor 'runuser' (util-linux) was found to run it as '"
                        + account.name() + "'");
            }
        } else if (dieWithJvm && setpriv != null && Boolean.TRUE.equals(setprivPdeathsig)) {
            full.addAll(List.of(setpriv.toString(), "--pdeathsig", "INT", "--"));
        }
        full.addAll(command);
        return full;
    }

    private static void probeTools() {
        if (toolsProbed) {
            return;
        }
        synchronized (OsProcesses.class) {
            if (toolsProbed) {
                return;
            }
            setpriv = findTool("setpriv");
            runuser = findTool("runuser");
            if (setpriv != null) {
                try {
                    Result help = run(new ProcessBuilder(setpriv.toString(), "--help"), 10, TimeUnit.SECONDS);
                    setprivPdeathsig = help.output().contains("--pdeathsig");
                } catch (RuntimeException e) {
                    setprivPdeathsig = false;
                }
            }
            toolsProbed = true;
        }
    }

    private static Path findTool(String name) {
        List<String> dirs = new ArrayList<>(SYSTEM_DIRS);
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(Arrays.asList(path.split(":")));
        }
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Starts a process on the long-lived launcher thread (see {@link #LAUNCHER}). */
    static Process launch(ProcessBuilder builder) throws IOException {
        Future<Process> started = LAUNCHER.submit(builder::start);
        try {
            return started.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // the process may still be started by the launcher; make sure it does not outlive us
            try {
                started.get(10, TimeUnit.SECONDS).destroyForcibly();
            } catch (Exception ignored) {
                // nothing was started
            }
            throw new EmbeddedPostgresException("interrupted while starting " + builder.command().get(0), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException) {
                throw (IOException) cause;
            }
            throw new EmbeddedPostgresException("could not start " + builder.command() + ": " + cause, cause);
        }
    }

    /** Runs a short-lived process to completion, collecting stdout and stderr together. */
    static Result run(ProcessBuilder builder, long timeout, TimeUnit unit) {
        builder.redirectErrorStream(true);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not run " + String.join(" ", builder.command()) + ": "
                    + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // stdin not needed
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try (InputStream in = process.getInputStream()) {
                in.transferTo(output);
            } catch (IOException ignored) {
                // process went away
            }
        }, "sleet-embedded-pg-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(timeout, unit)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                reader.join(2000);
                throw new EmbeddedPostgresException(String.join(" ", builder.command()) + " did not finish within "
                        + timeout + " " + unit.toString().toLowerCase(Locale.ROOT) + ": "
                        + oneLine(output(output), 10));
            }
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new EmbeddedPostgresException("interrupted while running " + builder.command().get(0), e);
        }
        return new Result(process.exitValue(), output(output));
    }

    private static String output(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** The last {@code maxLines} non-blank lines of {@code text}, joined by {@code " | "}. */
    static String oneLine(String text, int maxLines) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.toList());
        List<String> tail = lines.subList(Math.max(0, lines.size() - maxLines), lines.size());
        return tail.isEmpty() ? "(no output)" : String.join(" | ", tail);
    }

    /**
     * Fails unless {@code account} can reach {@code path}: every ancestor directory must be searchable by it
     * (an existing directory below {@code /root}, which is mode 0700, is not).
     */
    static void requireReachable(Path path, Account account, String what) {
        for (Path dir = path.getParent(); dir != null; dir = dir.getParent()) {
            int mode;
            long owner;
            long group;
            try {
                mode = ((Number) Files.getAttribute(dir, "unix:mode")).intValue();
                owner = ((Number) Files.getAttribute(dir, "unix:uid")).longValue();
                group = ((Number) Files.getAttribute(dir, "unix:gid")).longValue();
            } catch (NoSuchFileException e) {
                continue; // not created yet
            } catch (IOException | RuntimeException e) {
                return; // cannot tell; let PostgreSQL report the problem
            }
            boolean searchable = (mode & 0001) != 0
                    || (owner == account.uid() && (mode & 0100) != 0)
                    || (group == account.gid() && (mode & 0010) != 0);
            if (!searchable) {
                throw new EmbeddedPostgresException("this JVM runs as root, so PostgreSQL runs as '" + account.name()
                        + "', which cannot reach " + what + " " + path + ": directory " + dir + " (mode "
                        + String.format("%04o", mode & 07777) + ") is not searchable by it;"
                        + " use a location such as /tmp or /var/lib, or chmod o+x " + dir);
            }
        }
    }

    /** Gives {@code path} (and, when {@code recursive}, everything below it) to {@code account}. */
    static void chown(Path path, Account account, boolean recursive) throws IOException {
        if (!recursive) {
            chownOne(path, account);
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                chownOne(p, account);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void chownOne(Path p, Account account) throws IOException {
        Files.setAttribute(p, "unix:uid", account.uid(), LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(p, "unix:gid", account.gid(), LinkOption.NOFOLLOW_LINKS);
    }

    /** Deletes a file or directory tree without following symbolic links; a missing path is fine. */
    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // removed meanwhile (e.g. by a stopping server)
                }
                throw exc;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null && !(exc instanceof NoSuchFileException)) {
                    throw exc;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
