package dev.sleet.kit.migrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A migrations folder, read and validated: {@code <folder>/<yyyyMMddHHmmss>_<name>/{up.sql,down.sql,snapshot.json}}.
 *
 * <p>Reading checks that every directory name starts with a 14-digit id, that ids are unique, that each
 * directory has a readable, non-empty {@code up.sql} (UTF-8), and, where {@code snapshot.json} exists, that its
 * {@code parent} names the migration just before it, so that migrations form one chain. A missing
 * {@code down.sql} is allowed; {@link #withoutDown()} lists those migrations. A migration whose {@code up.sql}
 * holds a {@value Migration#CUSTOM_MARKER} line is hand-written; it is read and run like any other. Files and hidden entries at the top
 * level are ignored. Every failure is a {@link MigrationFolderException} naming the file.
 *
 * <pre>{@code
 * MigrationFolder folder = MigrationFolder.read(Path.of("migrations"));
 * for (Migration m : folder.migrations()) System.out.println(m.id() + " " + m.name());
 * }</pre>
 *
 * <p>Instances are immutable; they reflect the files at the time of {@link #read(Path)}.
 */
public final class MigrationFolder {

    /** The file holding a migration's forward statements. */
    public static final String UP = "up.sql";
    /** The file holding a migration's reverse statements. */
    public static final String DOWN = "down.sql";
    /** The file holding the schema after the migration, and its parent link. */
    public static final String SNAPSHOT = "snapshot.json";

    private static final Pattern DIRECTORY = Pattern.compile("(\\d{14})_([A-Za-z0-9_\\-]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final List<Migration> migrations;
    private final Map<String, Migration> byId;

    private MigrationFolder(Path root, List<Migration> migrations) {
        this.root = root;
        this.migrations = List.copyOf(migrations);
        Map<String, Migration> map = new LinkedHashMap<>();
        for (Migration m : migrations) {
            map.put(m.id(), m);
        }
        this.byId = map;
    }

    /**
     * Reads and validates a migrations folder.
     *
     * @param root the folder, e.g. {@code migrations}
     * @return the folder's migrations, ordered by id
     * @throws MigrationFolderException when the folder or one of its files is missing, unreadable or malformed
     */
    public static MigrationFolder read(Path root) {
        MigrationFolder folder = readIgnoringParents(root);
        checkChain(folder.migrations);
        return folder;
    }

    /**
     * Reads and validates a migrations folder like {@link #read(Path)}, except that parent links are not checked:
     * for tools that repair a chain that forked, such as {@code sleet generate --rebase}.
     *
     * @param root the folder
     * @return the folder's migrations, ordered by id; their parents may not form one chain
     * @throws MigrationFolderException when the folder or one of its files is missing, unreadable or malformed
     */
    public static MigrationFolder readIgnoringParents(Path root) {
        if (!Files.isDirectory(root)) {
            throw new MigrationFolderException(root, "is not a directory; create it or set 'out' in sleet.properties"
                    + " to the migrations folder", null);
        }
        List<Path> dirs;
        try (Stream<Path> list = Files.list(root)) {
            dirs = list.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(Files::isDirectory)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new MigrationFolderException(root, "cannot be listed: " + e.getMessage(), e);
        }
        List<Migration> out = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        for (Path dir : dirs) {
            Matcher m = DIRECTORY.matcher(dir.getFileName().toString());
            if (!m.matches()) {
                throw new MigrationFolderException(dir, "is not a migration directory: its name must be"
                        + " <yyyyMMddHHmmss>_<name> (letters, digits, '_' and '-'); rename or move it", null);
            }
            String id = m.group(1);
            Path other = seen.put(id, dir);
            if (other != null) {
                throw new MigrationFolderException(dir, "has the same id " + id + " as " + other.getFileName()
                        + "; give one of them a later timestamp", null);
            }
            out.add(readMigration(dir, id, m.group(2)));
        }
        out.sort((a, b) -> a.id().compareTo(b.id()));
        return new MigrationFolder(root, out);
    }

    private static Migration readMigration(Path dir, String id, String name) {
        Path upFile = dir.resolve(UP);
        if (!Files.exists(upFile)) {
            throw new MigrationFolderException(upFile, "is missing; every migration directory needs an up.sql", null);
        }
        if (!Files.isRegularFile(upFile)) {
            throw new MigrationFolderException(upFile, "is not a regular file (a directory or a special file); make it"
                    + " a file holding the migration's SQL", null);
        }
        byte[] upBytes = readBytes(upFile);
        String upText = decode(upFile, upBytes);
        List<SqlStatement> up = StatementSplitter.split(upText);
        if (up.isEmpty()) {
            String what = hasCustomMarker(upText)
                    ? "is a custom migration with no SQL yet; write its statements below the '"
                    + Migration.CUSTOM_MARKER + "' line, or delete its directory"
                    : "is empty: it holds no SQL statement; write the migration or delete its directory";
            throw new MigrationFolderException(upFile, what, null);
        }
        Path downFile = dir.resolve(DOWN);
        List<SqlStatement> down = null;
        boolean downTransactional = true;
        if (Files.exists(downFile)) {
            String downText = decode(downFile, readBytes(downFile));
            down = StatementSplitter.split(downText);
            downTransactional = !hasNoTransactionMarker(downText);
        }
        return new Migration(id, name, dir, up, down, sha256(upBytes), !hasNoTransactionMarker(upText),
                downTransactional, readParent(dir.resolve(SNAPSHOT)));
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MigrationFolderException(file, "cannot be read (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); check its permissions", e);
        }
    }

    private static String decode(Path file, byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new MigrationFolderException(file, "is not valid UTF-8; save it as UTF-8", e);
        }
    }

    /**
     * {@code true} when the no-transaction marker is on the first line, or on a later line of the block of
     * {@code -- sleet:} markers that opens the file: a custom migration's {@code -- sleet:custom} line above it
     * must not hide it. Blanks around a marker and case do not matter.
     */
    static boolean hasNoTransactionMarker(String text) {
        return hasLeadingMarker(text, Migration.NO_TRANSACTION_MARKER);
    }

    private static boolean hasLeadingMarker(String text, String wanted) {
        for (String line : text.split("\n", -1)) {
            String marker = line.strip();
            if (marker.equalsIgnoreCase(wanted)) {
                return true;
            }
            if (!marker.toLowerCase(Locale.ROOT).startsWith("-- sleet:")) {
                return false;
            }
        }
        return false;
    }

    /**
     * Tells whether a migration file was written by {@code sleet generate --safe}: a
     * {@value Migration#SAFE_MARKER} line in the block of {@code -- sleet:} markers that opens it.
     *
     * @param text the text of {@code up.sql}
     * @return {@code true} when the file carries the marker
     */
    public static boolean hasSafeMarker(String text) {
        return hasLeadingMarker(text, Migration.SAFE_MARKER);
    }

    /**
     * Tells whether a migration file is marked hand-written: one of its lines, on its own, is
     * {@value Migration#CUSTOM_MARKER} (blanks around it and case do not matter).
     *
     * @param text the text of {@code up.sql}
     * @return {@code true} for a custom migration
     */
    public static boolean hasCustomMarker(String text) {
        for (String line : text.split("\n", -1)) {
            if (line.strip().equalsIgnoreCase(Migration.CUSTOM_MARKER)) {
                return true;
            }
        }
        return false;
    }

    private static String readParent(Path snapshot) {
        if (!Files.exists(snapshot)) {
            return null;
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(readBytes(snapshot));
        } catch (JsonProcessingException e) {
            throw new MigrationFolderException(snapshot, "is not valid JSON (" + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + "); restore it from version control", e);
        } catch (IOException e) {
            throw new MigrationFolderException(snapshot, "cannot be read: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new MigrationFolderException(snapshot, "must hold a JSON object", null);
        }
        JsonNode parent = tree.get("parent");
        if (parent == null || parent.isNull()) {
            return null;
        }
        if (!parent.isTextual()) {
            throw new MigrationFolderException(snapshot, "\"parent\" must be a migration id string or null, found "
                    + parent.getNodeType(), null);
        }
        return parent.asText();
    }

    /**
     * Where a snapshot names a parent, it must be the migration just before; two migrations naming the same
     * parent are the typical result of generating on two git branches.
     */
    private static void checkChain(List<Migration> migrations) {
        Map<String, Migration> childOf = new HashMap<>();
        for (int i = 0; i < migrations.size(); i++) {
            Migration m = migrations.get(i);
            Path snapshot = m.directory().resolve(SNAPSHOT);
            if (!Files.exists(snapshot)) {
                continue;
            }
            String expected = i == 0 ? null : migrations.get(i - 1).id();
            String parent = m.parent();
            if (parent != null) {
                Migration sibling = childOf.put(parent, m);
                if (sibling != null) {
                    throw new MigrationFolderException(snapshot, "names parent " + parent + ", as does "
                            + sibling.directoryName() + ": the two were generated from the same schema, probably on"
                            + " two git branches; re-generate the later one on top of the other with"
                            + " 'sleet generate --rebase'", null);
                }
            }
            if (parent == null ? expected != null : !parent.equals(expected)) {
                throw new MigrationFolderException(snapshot, "names parent " + parent + " but the migration before"
                        + " it is " + expected + "; the folder's migrations must form one chain (re-generate this"
                        + " migration with 'sleet generate --rebase', or fix \"parent\")", null);
            }
        }
    }

    /**
     * The folder that was read.
     *
     * @return its path
     */
    public Path root() {
        return root;
    }

    /**
     * The migrations, ordered by id.
     *
     * @return an immutable list
     */
    public List<Migration> migrations() {
        return migrations;
    }

    /**
     * Finds a migration by id.
     *
     * @param id a 14-digit id
     * @return the migration, or empty
     */
    public Optional<Migration> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The migrations that have no {@code down.sql} and so cannot be rolled back.
     *
     * @return their ids, in order
     */
    public List<String> withoutDown() {
        return migrations.stream().filter(m -> !m.hasDown()).map(Migration::id).toList();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
