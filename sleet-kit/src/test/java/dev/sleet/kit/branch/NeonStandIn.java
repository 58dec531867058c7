package dev.sleet.kit.branch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A local stand-in for the part of Neon's API v2 that {@link NeonBranches} uses, built from Neon's API reference:
 * list and create branches ({@code GET}/{@code POST /projects/{project_id}/branches}), delete one
 * ({@code DELETE .../branches/{branch_id}}), restore one from another ({@code POST .../restore} with
 * {@code source_branch_id}), connection URIs ({@code GET .../connection_uri}) and operations
 * ({@code GET .../operations/{operation_id}}).
 *
 * <p>It keeps branches in memory (a default branch {@code main} exists at start), checks the bearer token
 * (401 with a Neon-style {@code {"code","message"}} body otherwise), answers operations that are
 * {@code running} until they have been polled {@link #pollsToFinish(int) N times}, and records every request.
 * Tests inject faults: the next K requests answered 423 or 429 (with or without {@code Retry-After}), an API
 * error for the next request of a method, an operation that ends {@code failed} or {@code cancelled}.
 *
 * <p>Where the reference leaves something open the stand-in chooses, and says so: the error {@code code}
 * strings, the action name of a restore's operation, the page size of the branch list.
 */
public final class NeonStandIn implements AutoCloseable {

    public static final String PROJECT = "misty-lake-482917";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/api/v2";
    private static final Instant START = Instant.parse("2024-03-01T09:00:00Z");

    static {
        // The JDK server writes a response's headers and body apart; with Nagle's algorithm and delayed ACKs
        // every exchange would then stall ~40 ms. The property is read once, when the server classes load.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /**
     * A request the stand-in served.
     *
     * @param method the HTTP method
     * @param path   the path after {@code /api/v2}, decoded
     * @param query  the query parameters, decoded
     * @param body   the body, or empty
     */
    record Request(String method, String path, Map<String, String> query, String body) {

        JsonNode json() {
            try {
                return body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("request body is not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return method + " " + path + (query.isEmpty() ? "" : " " + query) + (body.isBlank() ? "" : " " + body);
        }
    }

    private static final class StoredBranch {
        final String id;
        final String name;
        final String parentId;
        final String initSource;
        final Instant createdAt;
        final boolean isDefault;
        Instant lastResetAt;
        Long logicalSize;

        StoredBranch(String id, String name, String parentId, String initSource, Instant createdAt,
                     boolean isDefault, Long logicalSize) {
            this.id = id;
            this.name = name;
            this.parentId = parentId;
            this.initSource = initSource;
            this.createdAt = createdAt;
            this.isDefault = isDefault;
            this.logicalSize = logicalSize;
        }

        Instant updatedAt() {
            return lastResetAt != null ? lastResetAt : createdAt;
        }
    }

    private static final class StoredOperation {
        final String id;
        final String branchId;
        final String action;
        final String endStatus;
        final String error;
        final boolean failOnce;
        int polls;
        String lastStatus;

        StoredOperation(String id, String branchId, String action, String endStatus, String error,
                        boolean failOnce, String firstStatus) {
            this.id = id;
            this.branchId = branchId;
            this.action = action;
            this.endStatus = endStatus;
            this.error = error;
            this.failOnce = failOnce;
            this.lastStatus = firstStatus;
        }
    }

    private record Answer(int status, JsonNode body, String retryAfter) {
    }

    private record Queued(String method, Answer answer) {
    }

    private record Refusal(String method, int status, String code, String message) {
    }

    private record OperationFault(String status, String error, boolean once) {
    }

    private final HttpServer server;
    private final String apiKey;
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, StoredBranch> branches = new LinkedHashMap<>();
    private final Map<String, StoredOperation> operations = new LinkedHashMap<>();
    private final Deque<Queued> queuedAnswers = new ArrayDeque<>();
    private Refusal refusal;
    private OperationFault operationFault;
    private int pollsToFinish = 2;
    private int pageSize;
    private int ids;

    private NeonStandIn(String apiKey) throws IOException {
        this.apiKey = apiKey;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", this::handle);
        StoredBranch main = new StoredBranch("br-main-100001", "main", null, "parent-data", START, true,
                31_457_280L);
        branches.put(main.id, main);
    }

    /**
     * Starts a stand-in that accepts one API key.
     *
     * @param apiKey the key the {@code Authorization: Bearer} header must carry
     * @return the running stand-in
     * @throws IOException when no local port can be bound
     */
    public static NeonStandIn start(String apiKey) throws IOException {
        NeonStandIn standIn = new NeonStandIn(apiKey);
        standIn.server.start();
        return standIn;
    }

    /** The base URL to give {@link NeonBranches.Builder#apiUrl(URI)}. */
    public URI apiUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + API);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---- set-up and faults ------------------------------------------------------------------------------

    /** Sets after how many polls an operation stops being {@code running}. */
    public synchronized void pollsToFinish(int polls) {
        this.pollsToFinish = polls;
    }

    /** Pages the branch list: at most this many per answer, with {@code pagination.next} for the rest. */
    synchronized void pageSize(int size) {
        this.pageSize = size;
    }

    /**
     * Adds a branch as if it had been made earlier.
     *
     * @param name        its name
     * @param parent      its parent's name, or {@code null} for a root branch
     * @param createdAt   its creation time
     * @param logicalSize its size in bytes, or {@code null} when Neon has not computed it
     * @param schemaOnly  whether its {@code init_source} is {@code schema-only}
     * @return its id
     */
    synchronized String seed(String name, String parent, Instant createdAt, Long logicalSize, boolean schemaOnly) {
        String parentId = parent == null ? null : byName(parent).id;
        StoredBranch branch = new StoredBranch(nextBranchId(name), name, parentId,
                schemaOnly ? "schema-only" : "parent-data", createdAt, false, logicalSize);
        branches.put(branch.id, branch);
        return branch.id;
    }

    /**
     * Answers the next {@code times} requests of a method with 423 (another operation in progress) or 429 (rate
     * limited), with a {@code Retry-After} header when given.
     *
     * @param method            the method the fault applies to, or {@code null} for any
     * @param times             how many requests in a row
     * @param status            423 or 429
     * @param retryAfterSeconds the header's value, or {@code null} for none
     */
    public synchronized void answerNext(String method, int times, int status, Integer retryAfterSeconds) {
        String message = status == 423
                ? "project already has running operations, scheduling of new ones is prohibited"
                : "rate limit exceeded";
        for (int i = 0; i < times; i++) {
            queuedAnswers.add(new Queued(method, new Answer(status,
                    error(status == 423 ? "LOCKED" : "TOO_MANY_REQUESTS", message),
                    retryAfterSeconds == null ? null : retryAfterSeconds.toString())));
        }
    }

    /** Refuses the next request of a method with a Neon error body. */
    synchronized void refuseNext(String method, int status, String code, String message) {
        this.refusal = new Refusal(method, status, code, message);
    }

    /** Makes the first operation of the next change end {@code failed} (and stay so) with an error text. */
    public synchronized void failNextOperation(String error) {
        this.operationFault = new OperationFault("failed", error, false);
    }

    /** Makes the first operation of the next change fail once, then finish: Neon retried it. */
    public synchronized void failNextOperationOnce(String error) {
        this.operationFault = new OperationFault("failed", error, true);
    }

    /** Makes the first operation of the next change end {@code cancelled}. */
    public synchronized void cancelNextOperation() {
        this.operationFault = new OperationFault("cancelled", null, false);
    }

    // ---- inspection -------------------------------------------------------------------------------------

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized List<Request> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path))
                .collect(Collectors.toList());
    }

    synchronized String idOf(String name) {
        return byName(name).id;
    }

    public synchronized boolean exists(String name) {
        return branches.values().stream().anyMatch(b -> b.name.equals(name));
    }

    synchronized Instant lastResetAt(String name) {
        return byName(name).lastResetAt;
    }

    /** The status each operation had when the stand-in last answered it, by operation id. */
    synchronized Map<String, String> operationStatuses() {
        Map<String, String> statuses = new LinkedHashMap<>();
        operations.values().forEach(op -> statuses.put(op.id, op.lastStatus));
        return statuses;
    }

    synchronized Map<String, String> operationActions() {
        Map<String, String> actions = new LinkedHashMap<>();
        operations.values().forEach(op -> actions.put(op.id, op.action));
        return actions;
    }

    // ---- serving ----------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        Answer answer;
        try {
            answer = answer(exchange);
        } catch (RuntimeException e) {
            answer = new Answer(500, error("INTERNAL", "stand-in failed: " + e), null);
        }
        byte[] bytes = JSON.writeValueAsBytes(answer.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (answer.retryAfter() != null) {
            exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private synchronized Answer answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        URI uri = exchange.getRequestURI();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = uri.getPath().startsWith(API) ? uri.getPath().substring(API.length()) : uri.getPath();
        Request request = new Request(method, path, query(uri.getRawQuery()), body);
        requests.add(request);
        if (!("Bearer " + apiKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return new Answer(401, error("", "authentication required"), null);
        }
        Queued queued = queuedAnswers.peek();
        if (queued != null && (queued.method() == null || queued.method().equals(method))) {
            return queuedAnswers.poll().answer();
        }
        if (refusal != null && refusal.method().equals(method)) {
            Refusal r = refusal;
            refusal = null;
            return new Answer(r.status(), error(r.code(), r.message()), null);
        }
        return route(request);
    }

    private Answer route(Request request) {
        String[] parts = request.path().split("/");
        if (parts.length < 4 || !parts[1].equals("projects")) {
            return notFound("no such endpoint " + request.path());
        }
        if (!parts[2].equals(PROJECT)) {
            return notFound("project " + parts[2] + " not found");
        }
        String resource = parts[3];
        String method = request.method();
        if (resource.equals("branches") && parts.length == 4 && method.equals("GET")) {
            return list(request);
        }
        if (resource.equals("branches") && parts.length == 4 && method.equals("POST")) {
            return create(request.json());
        }
        if (resource.equals("branches") && parts.length == 5 && method.equals("DELETE")) {
            return delete(parts[4]);
        }
        if (resource.equals("branches") && parts.length == 6 && parts[5].equals("restore") && method.equals("POST")) {
            return restore(parts[4], request.json());
        }
        if (resource.equals("connection_uri") && parts.length == 4 && method.equals("GET")) {
            return connectionUri(request.query());
        }
        if (resource.equals("operations") && parts.length == 5 && method.equals("GET")) {
            return operation(parts[4]);
        }
        return notFound("no such endpoint " + method + " " + request.path());
    }

    // Neon lists by updated_at, newest first, unless told otherwise: the client must sort for itself.
    private Answer list(Request request) {
        List<StoredBranch> sorted = branches.values().stream()
                .sorted(Comparator.comparing(StoredBranch::updatedAt).reversed()).collect(Collectors.toList());
        int from = request.query().containsKey("cursor") ? Integer.parseInt(request.query().get("cursor")) : 0;
        int to = pageSize > 0 ? Math.min(sorted.size(), from + pageSize) : sorted.size();
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode array = answer.putArray("branches");
        sorted.subList(from, to).forEach(branch -> array.add(json(branch)));
        if (to < sorted.size()) {
            answer.putObject("pagination").put("next", String.valueOf(to));
        }
        return new Answer(200, answer, null);
    }

    private Answer create(JsonNode request) {
        JsonNode branch = request.path("branch");
        String name = branch.path("name").asText("");
        if (name.isBlank()) {
            name = "br-" + (++ids);
        }
        String finalName = name;
        if (branches.values().stream().anyMatch(b -> b.name.equals(finalName))) {
            return new Answer(409, error("BRANCH_ALREADY_EXISTS", "branch with name " + name + " already exists"),
                    null);
        }
        String parentId = branch.path("parent_id").asText("");
        StoredBranch parent = parentId.isBlank() ? defaultBranch() : branches.get(parentId);
        if (parent == null) {
            return notFound("branch " + parentId + " not found");
        }
        String initSource = branch.path("init_source").asText("parent-data");
        if (!initSource.equals("parent-data") && !initSource.equals("schema-only")) {
            return badRequest("unsupported init_source " + initSource);
        }
        JsonNode endpoints = request.path("endpoints");
        for (JsonNode endpoint : endpoints) {
            String type = endpoint.path("type").asText("");
            if (!type.equals("read_write") && !type.equals("read_only")) {
                return badRequest("endpoint type must be read_write or read_only, not '" + type + "'");
            }
        }
        boolean schemaOnly = initSource.equals("schema-only");
        if (schemaOnly && !(endpoints.size() == 1 && endpoints.get(0).path("type").asText().equals("read_write"))) {
            return badRequest("schema-only branches require exactly one read-write compute endpoint");
        }
        // A schema-only branch is a root branch: it keeps no link to the branch its schema came from.
        StoredBranch created = new StoredBranch(nextBranchId(name), name, schemaOnly ? null : parent.id, initSource,
                now(), false, null);
        branches.put(created.id, created);
        ObjectNode answer = JSON.createObjectNode();
        answer.set("branch", json(created));
        ArrayNode eps = answer.putArray("endpoints");
        endpoints.forEach(ep -> eps.addObject().put("id", endpointId(created)).put("branch_id", created.id)
                .put("type", ep.path("type").asText()).put("current_state", "init"));
        ArrayNode ops = answer.putArray("operations");
        ops.add(startOperation(created.id, "create_branch", "running"));
        if (!endpoints.isEmpty()) {
            ops.add(startOperation(created.id, "start_compute", "scheduling"));
        }
        return new Answer(201, answer, null);
    }

    private Answer delete(String branchId) {
        StoredBranch branch = branches.get(branchId);
        if (branch == null) {
            return notFound("branch " + branchId + " not found");
        }
        if (branch.isDefault) {
            return badRequest("cannot delete the default branch");
        }
        if (branches.values().stream().anyMatch(b -> branchId.equals(b.parentId))) {
            return new Answer(422, error("BRANCH_HAS_CHILDREN", "cannot delete branch with children"), null);
        }
        branches.remove(branchId);
        ObjectNode answer = JSON.createObjectNode();
        answer.set("branch", json(branch));
        ArrayNode ops = answer.putArray("operations");
        ops.add(startOperation(branchId, "suspend_compute", "running"));
        ops.add(startOperation(branchId, "delete_timeline", "scheduling"));
        return new Answer(200, answer, null);
    }

    private Answer restore(String branchId, JsonNode request) {
        StoredBranch branch = branches.get(branchId);
        if (branch == null) {
            return notFound("branch " + branchId + " not found");
        }
        String sourceId = request.path("source_branch_id").asText("");
        if (sourceId.isBlank()) {
            return badRequest("source_branch_id is required");
        }
        StoredBranch source = branches.get(sourceId);
        if (source == null) {
            return notFound("branch " + sourceId + " not found");
        }
        if (sourceId.equals(branchId) && !request.has("source_lsn") && !request.has("source_timestamp")) {
            return badRequest("source_timestamp or source_lsn is required to restore a branch from itself");
        }
        branch.lastResetAt = now();
        branch.logicalSize = source.logicalSize;
        ObjectNode answer = JSON.createObjectNode();
        answer.set("branch", json(branch));
        // The reference does not name the action of a restore's operation; the stand-in calls it so.
        answer.putArray("operations").add(startOperation(branchId, "restore_branch", "running"));
        return new Answer(200, answer, null);
    }

    private Answer connectionUri(Map<String, String> query) {
        String database = query.getOrDefault("database_name", "");
        String role = query.getOrDefault("role_name", "");
        if (database.isBlank() || role.isBlank()) {
            return badRequest("database_name and role_name are required");
        }
        String branchId = query.get("branch_id");
        StoredBranch branch = branchId == null ? defaultBranch() : branches.get(branchId);
        if (branch == null) {
            return notFound("branch " + branchId + " not found");
        }
        if (!database.equals("neondb") || !role.equals("neondb_owner")) {
            return notFound("database " + database + " or role " + role + " not found on branch " + branch.id);
        }
        boolean pooled = "true".equals(query.get("pooled"));
        String host = endpointId(branch) + (pooled ? "-pooler" : "") + ".us-east-2.aws.neon.tech";
        ObjectNode answer = JSON.createObjectNode().put("uri", "postgresql://" + role + ":npg_s3cr3t@" + host + "/"
                + database + "?sslmode=require&channel_binding=require");
        return new Answer(200, answer, null);
    }

    private Answer operation(String operationId) {
        StoredOperation op = operations.get(operationId);
        if (op == null) {
            return notFound("operation " + operationId + " not found");
        }
        op.polls++;
        if (op.polls < pollsToFinish) {
            op.lastStatus = "running";
        } else if (op.endStatus.equals("finished") || op.failOnce && op.polls > pollsToFinish) {
            op.lastStatus = "finished";
        } else {
            op.lastStatus = op.endStatus;
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.set("operation", json(op));
        return new Answer(200, answer, null);
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private ObjectNode startOperation(String branchId, String action, String firstStatus) {
        OperationFault fault = operationFault;
        operationFault = null;
        StoredOperation op = new StoredOperation(UUID.randomUUID().toString(), branchId, action,
                fault == null ? "finished" : fault.status(), fault == null ? null : fault.error(),
                fault != null && fault.once(), firstStatus);
        operations.put(op.id, op);
        return json(op);
    }

    private ObjectNode json(StoredOperation op) {
        ObjectNode node = JSON.createObjectNode().put("id", op.id).put("project_id", PROJECT)
                .put("branch_id", op.branchId).put("action", op.action).put("status", op.lastStatus)
                .put("failures_count", op.lastStatus.equals("failed") ? 1 : 0)
                .put("created_at", START.toString()).put("updated_at", START.toString())
                .put("total_duration_ms", 100 * op.polls);
        if (op.lastStatus.equals("failed") && op.error != null) {
            node.put("error", op.error);
        }
        return node;
    }

    private ObjectNode json(StoredBranch branch) {
        ObjectNode node = JSON.createObjectNode().put("id", branch.id).put("project_id", PROJECT);
        if (branch.parentId != null) {
            node.put("parent_id", branch.parentId).put("parent_lsn", "0/1AA6408");
        }
        node.put("name", branch.name).put("current_state", "ready").put("default", branch.isDefault)
                .put("protected", false).put("init_source", branch.initSource)
                .put("creation_source", "neon-api")
                .put("created_at", branch.createdAt.toString()).put("updated_at", branch.updatedAt().toString());
        if (branch.logicalSize != null) {
            node.put("logical_size", branch.logicalSize);
        }
        if (branch.lastResetAt != null) {
            node.put("last_reset_at", branch.lastResetAt.toString());
        }
        return node;
    }

    // The stand-in's clock: a minute after the latest thing that happened to a branch, seeded ones included.
    private Instant now() {
        return branches.values().stream().map(StoredBranch::updatedAt).max(Comparator.naturalOrder()).orElse(START)
                .plusSeconds(60);
    }

    private StoredBranch byName(String name) {
        return branches.values().stream().filter(b -> b.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the stand-in has no branch " + name));
    }

    private StoredBranch defaultBranch() {
        return branches.values().stream().filter(b -> b.isDefault).findFirst().orElseThrow();
    }

    private String nextBranchId(String name) {
        String word = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return "br-" + (word.isEmpty() ? "branch" : word) + "-" + (200_000 + ++ids);
    }

    private static String endpointId(StoredBranch branch) {
        return "ep-" + branch.id.substring("br-".length());
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    private static ObjectNode error(String code, String message) {
        return JSON.createObjectNode().put("code", code).put("message", message);
    }

    private static Answer notFound(String message) {
        return new Answer(404, error("NOT_FOUND", message), null);
    }

    private static Answer badRequest(String message) {
        return new Answer(400, error("BAD_REQUEST", message), null);
    }
}
