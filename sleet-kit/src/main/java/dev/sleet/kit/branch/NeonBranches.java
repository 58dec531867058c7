package dev.sleet.kit.branch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Branches on Neon, through Neon's API v2: a branch is a copy-on-write Neon branch with its own read-write
 * compute endpoint, made in seconds whatever the size of its parent.
 *
 * <pre>{@code
 * Branches branches = NeonBranches.builder("autumn-disk-484331")    // the project id
 *         .progress(System.err::println)                           // key from NEON_API_KEY
 *         .build();
 * Branch b = branches.create("try_0042", BranchOptions.defaults()); // from the project's default branch
 * String url = branches.url(b.name(), false);                       // direct, for migrations
 * branches.delete(b.name());
 * }</pre>
 *
 * <p>Every change starts operations on Neon (create the timeline, start the compute, ...); each method returns
 * only when they have finished, polling every {@linkplain Builder#pollInterval(Duration) poll interval} up to the
 * {@linkplain Builder#timeout(Duration) timeout}. Neon answers 423 while another operation runs on the project and
 * 429 when rate limited; those requests are retried with exponential back-off, honouring {@code Retry-After}.
 *
 * <p>On Neon a schema-only branch is a root branch: it has no parent, so it cannot be {@linkplain #reset reset}.
 * The API key is sent only as the bearer token: it is never part of a message, a progress line or
 * {@link #toString()}. {@link #url(String, boolean)} returns a URL with the role's password, as Neon gives it.
 */
public final class NeonBranches implements Branches {

    /** Neon's API v2, the default {@linkplain Builder#apiUrl(URI) API URL}. */
    public static final URI DEFAULT_API_URL = URI.create("https://console.neon.tech/api/v2");

    /** The environment variable the API key is read from when none is given. */
    public static final String API_KEY_VARIABLE = "NEON_API_KEY";

    private final String projectId;
    private final URI apiUrl;
    private final String database;
    private final String role;
    private final NeonApi api;
    private final NeonOperations operations;

    private NeonBranches(Builder builder, String apiKey) {
        this.projectId = builder.projectId;
        this.apiUrl = builder.apiUrl;
        this.database = builder.database;
        this.role = builder.role;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        this.api = new NeonApi(http, builder.apiUrl, apiKey, builder.projectId, builder.pollInterval,
                builder.maxRetries, builder.sleeper, builder.progress);
        this.operations = new NeonOperations(api, builder.pollInterval, builder.timeout, builder.progress);
    }

    /**
     * Starts configuring branches of a Neon project.
     *
     * @param projectId the project's id, as in the Neon console's project settings ({@code autumn-disk-484331})
     * @return the builder
     * @throws IllegalArgumentException when the id is blank
     */
    public static Builder builder(String projectId) {
        return new Builder(projectId);
    }

    /**
     * Creates a Neon branch with a read-write compute endpoint, from the named parent or the project's default
     * branch, and waits for Neon to finish creating it.
     *
     * @param name    the new branch's name
     * @param options the parent (by name), and whether to create a schema-only branch
     * @return the branch; for a schema-only branch its parent is {@code null}, as Neon makes it a root branch
     * @throws BranchException when the name is taken, the parent does not exist, Neon refuses or an operation
     *                         does not finish in time
     */
    @Override
    public Branch create(String name, BranchOptions options) {
        requireName(name);
        Objects.requireNonNull(options, "options");
        String doing = "create branch \"" + name + "\"";
        NeonBranchList branches = NeonBranchList.fetch(api, doing);
        if (branches.byName(name).isPresent()) {
            throw new BranchException("Branch \"" + name + "\" already exists in Neon project \"" + projectId
                    + "\"; delete it first or choose another name");
        }
        String parentId = options.from() == null ? null
                : branches.require(options.from(), "to create \"" + name + "\" from").id();
        JsonNode answer = api.post(api.projectPath("branches"), createRequest(name, parentId, options.schemaOnly()),
                doing);
        operations.await(answer, doing);
        NeonBranchList.Row row = NeonBranchList.Row.of(answer.path("branch"));
        return branches.toBranch(options.schemaOnly() ? row.asSchemaOnly() : row);
    }

    private static ObjectNode createRequest(String name, String parentId, boolean schemaOnly) {
        ObjectNode request = NeonApi.JSON.createObjectNode();
        ObjectNode branch = request.putObject("branch").put("name", name);
        if (parentId != null) {
            branch.put("parent_id", parentId);
        }
        if (schemaOnly) {
            branch.put("init_source", NeonBranchList.SCHEMA_ONLY);
        }
        // Without an endpoint a Neon branch has no compute to connect to, and a schema-only one is refused.
        request.putArray("endpoints").addObject().put("type", "read_write");
        return request;
    }

    /**
     * Lists the project's branches, oldest first.
     *
     * @return the branches, each with its parent's name, Neon's logical size and whether it is schema-only
     * @throws BranchException when Neon refuses, as for a wrong key or project id
     */
    @Override
    public List<Branch> list() {
        return NeonBranchList.fetch(api, "list the branches").branches();
    }

    /**
     * Finds a branch by name.
     *
     * @param name the branch's name
     * @return the branch, or empty
     * @throws BranchException when Neon refuses, as for a wrong key or project id
     */
    @Override
    public Optional<Branch> find(String name) {
        requireName(name);
        return NeonBranchList.fetch(api, "find branch \"" + name + "\"").branches().stream()
                .filter(branch -> branch.name().equals(name)).findFirst();
    }

    /**
     * Returns the connection URI Neon gives for the branch's read-write endpoint, the configured database and
     * role, with the role's password.
     *
     * @param name   the branch's name
     * @param pooled the pooled URI (the {@code -pooler} host, PgBouncer in transaction mode) rather than the
     *               direct one (for migrations, {@code SET}, {@code LISTEN})
     * @return the {@code postgresql://} URI
     * @throws BranchException when there is no such branch or Neon refuses
     */
    @Override
    public String url(String name, boolean pooled) {
        requireName(name);
        String doing = "get the " + (pooled ? "pooled" : "direct") + " connection URI of branch \"" + name + "\"";
        NeonBranchList.Row row = NeonBranchList.fetch(api, doing).require(name, "to connect to");
        String path = api.projectPath("connection_uri")
                + "?branch_id=" + NeonApi.encode(row.id())
                + "&database_name=" + NeonApi.encode(database)
                + "&role_name=" + NeonApi.encode(role)
                + "&pooled=" + pooled;
        String uri = api.get(path, doing).path("uri").asText("");
        if (uri.isBlank()) {
            throw new BranchException("Could not " + doing + " in Neon project \"" + projectId + "\": Neon answered "
                    + "no uri; check that database \"" + database + "\" and role \"" + role + "\" exist on the "
                    + "branch, or name them with neon.database and neon.role in sleet.properties (database(...) and role(...) "
                    + "of NeonBranches.Builder)");
        }
        return uri;
    }

    /**
     * Resets a branch to its parent's current state with Neon's restore ({@code source_branch_id} = the parent),
     * and waits for it; the branch keeps its id and its endpoint.
     *
     * @param name the branch's name
     * @return the branch after the reset
     * @throws BranchException when there is no such branch, it has no parent (the default branch, a schema-only
     *                         branch), or Neon refuses (as for a branch with children of its own)
     */
    @Override
    public Branch reset(String name) {
        requireName(name);
        String doing = "reset branch \"" + name + "\"";
        NeonBranchList branches = NeonBranchList.fetch(api, doing);
        NeonBranchList.Row row = branches.require(name, "to reset");
        if (row.parentId() == null) {
            throw new BranchException("Branch \"" + name + "\" in Neon project \"" + projectId + "\" has no parent "
                    + "to reset from: " + (row.schemaOnly()
                    ? "Neon makes schema-only branches root branches. Delete it and create it again instead"
                    : "it is a root branch, as the project's default branch is. Only a branch created from another "
                    + "can be reset"));
        }
        ObjectNode request = NeonApi.JSON.createObjectNode().put("source_branch_id", row.parentId());
        JsonNode answer = api.post(api.projectPath("branches", row.id(), "restore"), request, doing);
        operations.await(answer, doing);
        JsonNode branch = answer.path("branch");
        if (branch.isObject()) {
            return branches.toBranch(NeonBranchList.Row.of(branch));
        }
        NeonBranchList after = NeonBranchList.fetch(api, doing);
        return after.toBranch(after.require(name, "after resetting it"));
    }

    /**
     * Deletes a branch, its data and its endpoints, and waits for Neon to finish.
     *
     * @param name the branch's name
     * @throws BranchException when there is no such branch, it has child branches (Neon deletes only a branch
     *                         without children; nothing is sent then), or Neon refuses
     */
    @Override
    public void delete(String name) {
        requireName(name);
        String doing = "delete branch \"" + name + "\"";
        NeonBranchList branches = NeonBranchList.fetch(api, doing);
        NeonBranchList.Row row = branches.require(name, "to delete");
        List<NeonBranchList.Row> children = branches.children(row);
        if (!children.isEmpty()) {
            throw new BranchException("Branch \"" + name + "\" in Neon project \"" + projectId + "\" has child "
                    + "branches " + children.stream().map(child -> "\"" + child.name() + "\"")
                    .collect(Collectors.joining(", ")) + "; Neon deletes a branch only without children: delete "
                    + "them first");
        }
        operations.await(api.delete(api.projectPath("branches", row.id()), doing), doing);
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("branch name is " + (name == null ? "null" : "blank")
                    + "; give the Neon branch's name");
        }
    }

    /**
     * Describes this backend without its API key.
     *
     * @return the project, API URL, database and role
     */
    @Override
    public String toString() {
        return "NeonBranches[project=" + projectId + ", api=" + apiUrl + ", database=" + database + ", role=" + role
                + "]";
    }

    /**
     * Configures {@link NeonBranches}: every setter checks its value at once, {@link #build()} finds the key.
     */
    public static final class Builder {

        private final String projectId;
        private String apiKey;
        private URI apiUrl = DEFAULT_API_URL;
        private String database = "neondb";
        private String role = "neondb_owner";
        private Duration pollInterval = Duration.ofSeconds(1);
        private Duration timeout = Duration.ofMinutes(10);
        private int maxRetries = 6;
        private Consumer<String> progress = line -> { };
        private NeonApi.Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());
        private UnaryOperator<String> environment = System::getenv;

        private Builder(String projectId) {
            if (projectId == null || projectId.isBlank()) {
                throw new IllegalArgumentException("Neon project id is " + (projectId == null ? "null" : "blank")
                        + "; give the id from the Neon console's project settings, as in \"autumn-disk-484331\"");
            }
            this.projectId = projectId;
        }

        /**
         * Sets the API key; without one, {@link #build()} reads {@value NeonBranches#API_KEY_VARIABLE}.
         *
         * @param apiKey a Neon API key (Neon console, Account settings, API keys)
         * @return this builder
         * @throws IllegalArgumentException when the key is blank
         */
        public Builder apiKey(String apiKey) {
            if (apiKey != null && apiKey.isBlank()) {
                throw new IllegalArgumentException("Neon API key is blank; give a key, or leave it unset to read "
                        + API_KEY_VARIABLE);
            }
            this.apiKey = apiKey;
            return this;
        }

        /**
         * Sets the API's base URL.
         *
         * @param apiUrl the URL up to and including {@code /api/v2}; default {@code https://console.neon.tech/api/v2}
         * @return this builder
         * @throws IllegalArgumentException when the URL is not an absolute http or https URL
         */
        public Builder apiUrl(URI apiUrl) {
            Objects.requireNonNull(apiUrl, "apiUrl");
            String scheme = apiUrl.getScheme();
            if (!apiUrl.isAbsolute() || !("https".equals(scheme) || "http".equals(scheme))
                    || apiUrl.getHost() == null) {
                throw new IllegalArgumentException("Neon API URL \"" + apiUrl + "\" is not an absolute http(s) URL; "
                        + "use " + DEFAULT_API_URL);
            }
            this.apiUrl = apiUrl;
            return this;
        }

        /**
         * Sets the database that {@link NeonBranches#url(String, boolean)} connects to.
         *
         * @param database the database's name on the branch; default {@code neondb}
         * @return this builder
         * @throws IllegalArgumentException when the name is blank
         */
        public Builder database(String database) {
            this.database = nonBlank(database, "database");
            return this;
        }

        /**
         * Sets the role that {@link NeonBranches#url(String, boolean)} connects as.
         *
         * @param role the role's name on the branch; default {@code neondb_owner}
         * @return this builder
         * @throws IllegalArgumentException when the name is blank
         */
        public Builder role(String role) {
            this.role = nonBlank(role, "role");
            return this;
        }

        /**
         * Sets how often Neon's operations are polled, and the first wait before retrying a 423 or 429 answer
         * (each further wait doubles, up to 30 s).
         *
         * @param pollInterval the interval; default 1 s
         * @return this builder
         * @throws IllegalArgumentException when the interval is not positive
         */
        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = positive(pollInterval, "pollInterval");
            return this;
        }

        /**
         * Sets how long to wait for the operations of one change (create, reset, delete) to finish.
         *
         * @param timeout the time; default 10 min
         * @return this builder
         * @throws IllegalArgumentException when the time is not positive
         */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /**
         * Sets how often one request is retried when Neon answers 423 (another operation in progress) or 429
         * (rate limited), and, for reads, 502, 503, 504 or a broken connection.
         *
         * @param maxRetries the number of retries after the first attempt; default 6, 0 for none
         * @return this builder
         * @throws IllegalArgumentException when the number is negative
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries is " + maxRetries + "; give 0 or more");
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * Sets where one-line progress messages go, as in {@code waiting for operation create_branch (running)…}
         * or a retry after a 423; they never hold the API key.
         *
         * @param progress the consumer; default none
         * @return this builder
         */
        public Builder progress(Consumer<String> progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        // Test seam: record the waits between retries instead of sleeping.
        Builder sleeper(NeonApi.Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        // Test seam: the environment the key is read from.
        Builder environment(UnaryOperator<String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /**
         * Builds the backend; it sends nothing yet.
         *
         * @return the branches of the project
         * @throws BranchException when no API key was given and {@value NeonBranches#API_KEY_VARIABLE} is not set
         */
        public NeonBranches build() {
            String key = apiKey != null ? apiKey : environment.apply(API_KEY_VARIABLE);
            if (key == null || key.isBlank()) {
                throw new BranchException("No Neon API key for project \"" + projectId + "\": set the environment "
                        + "variable " + API_KEY_VARIABLE + " to an API key from the Neon console (Account settings, "
                        + "API keys), or pass one to NeonBranches.builder(...).apiKey(...)");
            }
            return new NeonBranches(this, key);
        }

        /**
         * Describes the configuration without the API key.
         *
         * @return the settings
         */
        @Override
        public String toString() {
            return "NeonBranches.Builder[project=" + projectId + ", api=" + apiUrl + ", database=" + database
                    + ", role=" + role + ", pollInterval=" + pollInterval + ", timeout=" + timeout + ", maxRetries="
                    + maxRetries + ", apiKey=" + (apiKey == null ? "from " + API_KEY_VARIABLE : "given") + "]";
        }

        private static String nonBlank(String value, String property) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(property + " is " + (value == null ? "null" : "blank")
                        + "; give the name as it is on the Neon branch");
            }
            return value;
        }

        private static Duration positive(Duration value, String property) {
            Objects.requireNonNull(value, property);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(property + " is " + value + "; give a positive duration");
            }
            return value;
        }
    }
}
