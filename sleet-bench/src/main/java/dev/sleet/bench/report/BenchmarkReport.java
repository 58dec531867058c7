package dev.sleet.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns JMH's JSON results of the Northwind workloads into the section of {@code docs/benchmarks.md} between
 * {@value #BEGIN} and {@value #END}: per server, a line on the machine, the JVM and PostgreSQL, then per
 * workload a table of each contender's throughput, its ratio to raw JDBC and the bytes it allocates per
 * operation ({@code -prof gc}).
 *
 * <p>The section is made of blocks, one per (server, workload), each between hidden markers. A run replaces
 * the blocks of the workloads it measured on its server and keeps the others, so runs of different workloads
 * and different servers add up in one document. Titles and descriptions come from the {@link Workload} and
 * {@link Contender} annotations of the benchmark classes, read from the class path.
 *
 * <pre>
 * java -cp benchmarks.jar dev.sleet.bench.report.BenchmarkReport \
 *     --results sleet-bench/target/jmh-result.json --doc docs/benchmarks.md \
 *     --server embedded --mode quick --command "sleet-bench/run quick 'W1|W2|W3'"
 * </pre>
 *
 * The server's version is asked of {@code SLEET_BENCH_DATABASE_URL}.
 */
public final class BenchmarkReport {

    /** Where the generated section starts. */
    public static final String BEGIN = "<!-- northwind:begin -->";
    /** Where it ends. */
    public static final String END = "<!-- northwind:end -->";

    private static final String BLOCK = "<!-- northwind:block ";
    private static final String BLOCK_END = "<!-- northwind:block-end -->";
    private static final Pattern BLOCK_START = Pattern.compile("<!-- northwind:block ([^ ]+) -->");
    private static final String HEADER = "_server";
    private static final List<String> CONTENDER_ORDER = List.of("raw JDBC", "Sleet", "Sleet prepared", "jOOQ",
            "Hibernate", "Hibernate records", "JDBI");

    /** One measured benchmark method. */
    record Result(String className, String method, String params, double score, double error, double min,
                  double max, double allocated, String unit) {

        /** Whether the score is a time per operation (single-shot or average time), where less is faster. */
        boolean timePerOp() {
            return unit.endsWith("/op");
        }
    }

    private BenchmarkReport() {
    }

    /**
     * Rewrites the section.
     *
     * @param args {@code --results FILE --doc FILE --server embedded|url --mode quick|full --command TEXT
     *             [--placement TEXT]}, the last a sentence on where client and server ran
     * @throws Exception when a file cannot be read or written, or the server cannot be asked its version
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option (--results, --doc, --server, --mode, "
                        + "--command, --placement), got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        Path results = Path.of(require(options, "results"));
        Path doc = Path.of(require(options, "doc"));
        String server = options.getOrDefault("server", "url");
        JsonNode json = new ObjectMapper().readTree(results.toFile());
        if (!json.isArray() || json.isEmpty()) {
            throw new IllegalStateException(results + " holds no JMH results; did the benchmarks run?");
        }
        String version = serverVersion();
        String serverKey = ("embedded".equals(server) ? "embedded-" : "server-") + version.split("[ .]")[0];
        String serverTitle = "embedded".equals(server)
                ? "Embedded PostgreSQL " + version + " (started by the runner; fsync off)"
                : "PostgreSQL " + version + " at `SLEET_BENCH_DATABASE_URL` (" + host() + ")";
        String placement = options.get("placement");
        String header = "### " + serverTitle + "\n\n" + environment(json.get(0), version)
                + (placement == null || placement.isBlank() ? "" : " " + placement) + "\n";

        Map<String, List<Result>> byClass = new LinkedHashMap<>();
        Map<String, JsonNode> firstOfClass = new LinkedHashMap<>();
        for (JsonNode b : json) {
            String name = b.get("benchmark").asText();
            int dot = name.lastIndexOf('.');
            StringBuilder params = new StringBuilder();
            if (b.has("params")) {
                b.get("params").fields().forEachRemaining(p -> params.append(params.length() == 0 ? "" : ", ")
                        .append(p.getKey()).append('=').append(p.getValue().asText()));
            }
            JsonNode primary = b.get("primaryMetric");
            JsonNode alloc = secondary(b, "gc.alloc.rate.norm");
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (JsonNode fork : primary.path("rawData")) {
                for (JsonNode iteration : fork) {
                    min = Math.min(min, iteration.asDouble());
                    max = Math.max(max, iteration.asDouble());
                }
            }
            firstOfClass.putIfAbsent(name.substring(0, dot), b);
            byClass.computeIfAbsent(name.substring(0, dot), k -> new ArrayList<>()).add(new Result(
                    name.substring(0, dot), name.substring(dot + 1), params.toString(),
                    primary.get("score").asDouble(), number(primary.get("scoreError")), min, max,
                    alloc == null ? Double.NaN : alloc.get("score").asDouble(),
                    primary.path("scoreUnit").asText("ops/s")));
        }
        String command = options.getOrDefault("command", "");

        Map<String, String> blocks = readBlocks(doc);
        blocks.put(serverKey + "/" + HEADER, header);
        for (Map.Entry<String, List<Result>> e : byClass.entrySet()) {
            Class<?> type = Class.forName(e.getKey());
            Workload workload = type.getAnnotation(Workload.class);
            String id = workload != null ? workload.id() : type.getSimpleName();
            String run = runLine(firstOfClass.get(e.getKey()), options.getOrDefault("mode", ""), command);
            blocks.put(serverKey + "/" + id, workloadBlock(type, workload, e.getValue(), run));
        }
        writeBlocks(doc, blocks);
        System.out.println("wrote " + byClass.size() + " workload(s) for " + serverTitle + " into " + doc);
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static JsonNode secondary(JsonNode benchmark, String metric) {
        JsonNode secondary = benchmark.get("secondaryMetrics");
        if (secondary == null) {
            return null;
        }
        // JMH before 1.37 prefixed profiler metrics with a middle dot
        JsonNode node = secondary.get(metric);
        return node != null ? node : secondary.get("\u00b7" + metric);
    }

    private static double number(JsonNode node) {
        return node == null || !node.isNumber() ? Double.NaN : node.asDouble();
    }

    // ------------------------------------------------------------------------------------------- the blocks

    private static String workloadBlock(Class<?> type, Workload workload, List<Result> results, String run)
            throws NoSuchMethodException {
        StringBuilder out = new StringBuilder();
        out.append("#### ").append(workload != null ? workload.id() + ": " + workload.title() : type.getSimpleName())
                .append(" (`").append(type.getSimpleName()).append("`)\n\n").append(run).append("\n");
        Map<String, List<Row>> queries = new LinkedHashMap<>();
        for (Result r : results) {
            Method m = method(type, r.method());
            Contender c = m == null ? null : m.getAnnotation(Contender.class);
            String name = c != null ? c.value() : r.method();
            if (!r.params().isEmpty()) {
                name += " (" + r.params() + ")";
            }
            queries.computeIfAbsent(c != null ? c.query() : "", k -> new ArrayList<>())
                    .add(new Row(name, c != null ? c.how() : "", c != null && c.reference(), r));
        }
        for (Map.Entry<String, List<Row>> q : queries.entrySet()) {
            List<Row> rows = q.getValue();
            rows.sort(Comparator.comparing((Row r) -> !r.reference()).thenComparing(r -> rank(r.name()))
                    .thenComparing(Row::name));
            Row reference = rows.stream().filter(Row::reference).findFirst().orElse(null);
            out.append('\n');
            if (!q.getKey().isEmpty()) {
                out.append("**").append(q.getKey()).append("**\n\n");
            }
            // a time per operation is compared as a speed: the reference's time over this one's, more is faster
            boolean time = rows.get(0).result().timePerOp();
            out.append(time ? "| contender | how | time per operation (" + rows.get(0).result().unit() + ")"
                            : "| contender | how | throughput (" + rows.get(0).result().unit() + ")")
                    .append(rows.stream().anyMatch(r -> Double.isNaN(r.result().error())) ? ", range of iterations" : "")
                    .append(time ? " | speed relative to raw JDBC | allocated per op |\n"
                            : " | ratio to raw JDBC | allocated per op |\n");
            out.append("|---|---|---:|---:|---:|\n");
            for (Row r : rows) {
                out.append("| ").append(r.name()).append(" | ").append(r.how()).append(" | ")
                        .append(throughput(r.result())).append(" | ")
                        .append(reference == null ? "—" : String.format(Locale.ROOT, "%.2f", time
                                ? reference.result().score() / r.result().score()
                                : r.result().score() / reference.result().score()))
                        .append(" | ").append(bytes(r.result().allocated())).append(" |\n");
            }
        }
        return out.toString();
    }

    private record Row(String name, String how, boolean reference, Result result) {
    }

    private static int rank(String name) {
        int i = CONTENDER_ORDER.indexOf(name);
        return i < 0 ? CONTENDER_ORDER.size() : i;
    }

    private static Method method(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == 0) {
                    return m;
                }
            }
        }
        return null;
    }

    /** The score ± JMH's 99.9% error; with too few iterations for an error, the range of the iterations. */
    static String throughput(Result r) {
        String score = decimal(r.score());
        if (!Double.isNaN(r.error())) {
            return score + " ± " + decimal(r.error());
        }
        return r.min() < r.max() ? score + " (" + decimal(r.min()) + "–" + decimal(r.max()) + ")" : score;
    }

    private static String decimal(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
    }

    private static String bytes(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%,.0f B", value);
    }

    private static String runLine(JsonNode first, String mode, String command) {
        String forks = first.path("forks").asText("?");
        if ("ss".equals(first.path("mode").asText())) {
            return String.format(Locale.ROOT, "%s%s: %s fork(s), %s warm-up run(s), %s measured run(s) each; `%s`.",
                    LocalDate.now(), mode.isEmpty() ? "" : ", " + mode + " mode", forks,
                    first.path("warmupIterations").asText("?"), first.path("measurementIterations").asText("?"),
                    command.isEmpty() ? "java -jar sleet-bench/target/benchmarks.jar" : command);
        }
        return String.format(Locale.ROOT, "%s%s: %s fork(s), %s × %s warm-up, %s × %s measured; `%s`.",
                LocalDate.now(), mode.isEmpty() ? "" : ", " + mode + " mode", forks,
                first.path("warmupIterations").asText("?"), first.path("warmupTime").asText("?"),
                first.path("measurementIterations").asText("?"), first.path("measurementTime").asText("?"),
                command.isEmpty() ? "java -jar sleet-bench/target/benchmarks.jar" : command);
    }

    /** Reads the blocks of the section, in document order; an absent section or block is simply not there. */
    static Map<String, String> readBlocks(Path doc) throws IOException {
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(doc + " has no section to write into; add the lines " + BEGIN + " and "
                    + END + " where the Northwind results belong");
        }
        Map<String, String> blocks = new LinkedHashMap<>();
        Matcher m = BLOCK_START.matcher(text.substring(begin, end));
        String section = text.substring(begin, end);
        while (m.find()) {
            int close = section.indexOf(BLOCK_END, m.end());
            if (close < 0) {
                throw new IllegalStateException(doc + ": block " + m.group(1) + " has no " + BLOCK_END);
            }
            blocks.put(m.group(1), section.substring(m.end(), close).strip() + "\n");
        }
        return blocks;
    }

    /** Writes the blocks grouped by server (in order of first appearance), the header first, then W1, W2 ... */
    static void writeBlocks(Path doc, Map<String, String> blocks) throws IOException {
        Map<String, List<String>> servers = new LinkedHashMap<>();
        for (String key : blocks.keySet()) {
            servers.computeIfAbsent(key.substring(0, key.indexOf('/')), k -> new ArrayList<>()).add(key);
        }
        StringBuilder section = new StringBuilder(BEGIN).append('\n')
                .append("<!-- written by sleet-bench/run (dev.sleet.bench.report.BenchmarkReport): change the code "
                        + "or rerun, do not edit by hand -->\n");
        for (List<String> keys : servers.values()) {
            keys.sort(Comparator.comparing((String k) -> !k.endsWith("/" + HEADER))
                    .thenComparing(BenchmarkReport::workloadNumber).thenComparing(k -> k));
            for (String key : keys) {
                section.append('\n').append(BLOCK).append(key).append(" -->\n\n").append(blocks.get(key).strip())
                        .append("\n\n").append(BLOCK_END).append('\n');
            }
        }
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        Files.writeString(doc, text.substring(0, begin) + section + "\n" + text.substring(end),
                StandardCharsets.UTF_8);
    }

    private static int workloadNumber(String key) {
        Matcher m = Pattern.compile("/W(\\d+)$").matcher(key);
        return m.find() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    // ------------------------------------------------------------------------------------------ environment

    private static String environment(JsonNode first, String version) {
        return String.format(Locale.ROOT, "Machine: %d cores (%s), %s RAM; JVM: %s %s (%s); PostgreSQL %s; "
                        + "one HikariCP pool of 2 connections shared by every contender.",
                Runtime.getRuntime().availableProcessors(), cpu(), memory(),
                first.path("vmName").asText("?"), first.path("jdkVersion").asText("?"),
                first.path("vmVersion").asText("?"), version);
    }

    private static String cpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux: the core count alone
        }
        return "unknown CPU";
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.0f GiB", kib / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return "unknown";
    }

    private static String url() {
        String url = System.getenv("SLEET_BENCH_DATABASE_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("SLEET_BENCH_DATABASE_URL is not set: the report asks the server that "
                    + "was measured for its version (sleet-bench/run sets it, also for the embedded server)");
        }
        return url;
    }

    private static String host() {
        Matcher m = Pattern.compile("//([^/?]+)").matcher(url());
        return m.find() ? m.group(1) : "?";
    }

    private static String serverVersion() throws SQLException {
        try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1).split(" ")[0];
        }
    }
}
