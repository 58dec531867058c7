package dev.sleet.cli.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of the {@code sleet} command, read from {@code sleet.properties} (or {@code --config FILE}):
 *
 * <pre>
 * schema=com.example.db.AppSchema          # class (or comma list) whose public static fields are the schema
 * classpath=examples/target/classes        # where that class is compiled
 * out=migrations                           # migrations folder
 * url=${DATABASE_URL}                      # JDBC or postgres:// URL; absent: the CLI's embedded database
 * directUrl=${DIRECT_DATABASE_URL}         # optional: the unpooled URL migrations run over
 * neon.projectId=${NEON_PROJECT_ID}         # optional: branches are Neon branches of this project
 * neon.database=neondb                     # optional: the database and role of Neon connection URLs
 * neon.role=neondb_owner
 * neon.apiUrl=https://console.neon.tech/api/v2
 * </pre>
 *
 * {@code ${NAME}} is replaced by the environment variable, or by the same name in a {@code .env} file next to
 * the configuration (the environment wins); {@code ${NAME:-default}} gives a default. An unknown key, a
 * variable that is not set, or an unreadable file is a {@link ConfigException} naming the file and the key.
 *
 * @param file      the configuration file, for messages
 * @param schema    the schema classes
 * @param classpath where they are compiled (directories or jars), relative to the file's folder
 * @param out       the migrations folder, relative to the file's folder
 * @param url       the database URL, or {@code null} for the embedded database
 * @param directUrl the URL for migrations, or {@code null} to use {@code url}
 * @param neon      the Neon project that branches are made in, or {@code null} for branches on the server of
 *                  the migration URL
 */
public record SleetConfig(Path file, List<String> schema, List<Path> classpath, Path out, String url,
                          String directUrl, Neon neon) {

    /**
     * The Neon project of {@code sleet branch} and {@code migrate --verify-on-branch}. The API key comes from the
     * environment variable {@code NEON_API_KEY}, or from the {@code .env} file next to the configuration, never
     * from the configuration file itself.
     *
     * @param projectId the project's id ({@code neon.projectId})
     * @param apiUrl    the API's base URL ({@code neon.apiUrl}), or {@code null} for Neon's
     * @param database  the database of connection URLs ({@code neon.database}), or {@code null} for {@code neondb}
     * @param role      the role of connection URLs ({@code neon.role}), or {@code null} for {@code neondb_owner}
     * @param apiKey    {@code NEON_API_KEY} from the environment or the {@code .env} file, or {@code null}
     */
    public record Neon(String projectId, String apiUrl, String database, String role, String apiKey) {

        /**
         * Hides the API key.
         *
         * @return a description safe to print
         */
        @Override
        public String toString() {
            return "Neon[projectId=" + projectId + ", apiUrl=" + apiUrl + ", database=" + database + ", role=" + role
                    + ", apiKey=" + (apiKey == null ? "unset" : "****") + "]";
        }
    }

    /** The file read when no {@code --config} is given. */
    public static final String DEFAULT_FILE = "sleet.properties";

    private static final Set<String> KEYS = Set.of("schema", "classpath", "out", "url", "directUrl",
            "neon.projectId", "neon.apiUrl", "neon.database", "neon.role");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    /**
     * Copies the lists.
     *
     * @param file      the configuration file
     * @param schema    the schema classes
     * @param classpath where they are compiled
     * @param out       the migrations folder
     * @param url       the database URL, or {@code null}
     * @param directUrl the URL for migrations, or {@code null}
     * @param neon      the Neon project, or {@code null}
     */
    public SleetConfig {
        schema = List.copyOf(schema);
        classpath = List.copyOf(classpath);
    }

    /**
     * Reads a configuration file, with the process environment.
     *
     * @param file the file
     * @return the configuration
     * @throws ConfigException naming the file and key when it cannot be used
     */
    public static SleetConfig load(Path file) {
        return load(file, System::getenv);
    }

    /**
     * Reads a configuration file with a given environment (for tests).
     *
     * @param file        the file
     * @param environment looks up environment variables
     * @return the configuration
     * @throws ConfigException naming the file and key when it cannot be used
     */
    public static SleetConfig load(Path file, Function<String, String> environment) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + ": no such configuration file (create " + DEFAULT_FILE
                    + " or pass --config FILE)");
        }
        Path dir = file.toAbsolutePath().getParent();
        Map<String, String> dotEnv = readDotEnv(dir.resolve(".env"));
        Properties raw = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            raw.load(reader);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // java.util.Properties takes a backslash as the start of an escape, which Windows paths trip over
            throw new ConfigException(file + ": is not a valid properties file (" + e.getMessage() + "); a backslash"
                    + " starts an escape such as \\uXXXX, so write \\\\ for a backslash or use '/' in paths");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : raw.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw new ConfigException(file + ": unknown key '" + key + "'; the keys are " + sorted(KEYS));
            }
            values.put(key, substitute(file, key, raw.getProperty(key).strip(), environment, dotEnv));
        }
        String schemaList = values.get("schema");
        if (schemaList == null || schemaList.isBlank()) {
            throw new ConfigException(file + ": key 'schema' is required: the class whose public static fields "
                    + "are the schema, e.g. schema=com.example.db.AppSchema");
        }
        List<String> schema = new ArrayList<>();
        for (String name : schemaList.split(",")) {
            String trimmed = name.strip();
            if (!trimmed.matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*")) {
                throw new ConfigException(file + ": key 'schema': '" + trimmed + "' is not a Java class name");
            }
            schema.add(trimmed);
        }
        List<Path> classpath = new ArrayList<>();
        for (String entry : values.getOrDefault("classpath", "").split("[,:]")) {
            if (!entry.isBlank()) {
                classpath.add(dir.resolve(entry.strip()).normalize());
            }
        }
        Path out = dir.resolve(values.getOrDefault("out", "migrations")).normalize();
        String url = blankToNull(values.get("url"));
        String directUrl = blankToNull(values.get("directUrl"));
        Neon neon = null;
        String projectId = blankToNull(values.get("neon.projectId"));
        if (projectId != null) {
            String apiKey = environment.apply("NEON_API_KEY");
            neon = new Neon(projectId, blankToNull(values.get("neon.apiUrl")), blankToNull(values.get("neon.database")),
                    blankToNull(values.get("neon.role")), blankToNull(apiKey != null ? apiKey : dotEnv.get("NEON_API_KEY")));
        } else {
            for (String key : List.of("neon.apiUrl", "neon.database", "neon.role")) {
                if (values.containsKey(key)) {
                    throw new ConfigException(file + ": key '" + key + "' needs key 'neon.projectId' too: the Neon "
                            + "project whose branches Sleet makes");
                }
            }
        }
        return new SleetConfig(file, schema, classpath, out, url, directUrl, neon);
    }

    /**
     * Returns this configuration with the database URL replaced ({@code --url}).
     *
     * @param override the URL, or {@code null} to keep the configured one
     * @return the configuration
     */
    public SleetConfig withUrl(String override) {
        return override == null ? this : new SleetConfig(file, schema, classpath, out, override, directUrl,
                neon);
    }

    /**
     * Returns the URL migrations run over: {@code directUrl} when set (a pooler such as Neon's in transaction
     * mode must not carry migrations), else {@code url}.
     *
     * @return the URL, or empty for the embedded database
     */
    public Optional<String> migrationUrl() {
        return Optional.ofNullable(directUrl != null ? directUrl : url);
    }

    private static String substitute(Path file, String key, String value, Function<String, String> environment,
                                     Map<String, String> dotEnv) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement = environment.apply(name);
            if (replacement == null) {
                replacement = dotEnv.get(name);
            }
            if (replacement == null) {
                replacement = m.group(2);
            }
            if (replacement == null) {
                throw new ConfigException(file + ": key '" + key + "' uses ${" + name + "}, which is neither set in "
                        + "the environment nor in .env; set it or write ${" + name + ":-default}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Reads {@code NAME=value} lines; {@code #} comments, blank lines, {@code export} and quotes allowed. */
    private static Map<String, String> readDotEnv(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        Map<String, String> values = new HashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage());
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException(file + ":" + (i + 1) + ": expected NAME=value");
            }
            String name = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            values.put(name, value);
        }
        return Collections.unmodifiableMap(values);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static List<String> sorted(Set<String> keys) {
        List<String> list = new ArrayList<>(keys);
        Collections.sort(list);
        return list;
    }

    /**
     * Hides the password of the URLs.
     *
     * @return a description safe to print
     */
    @Override
    public String toString() {
        return "SleetConfig[file=" + file + ", schema=" + schema + ", out=" + out + ", url="
                + (url == null ? "embedded" : url.replaceAll("(://[^:/@]+:)[^@]+@", "$1****@")
                .replaceAll("([?&]password=)[^&]*", "$1****")) + "]";
    }
}
