package dev.sleet.kit.branch;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link NeonBranches} against {@link NeonStandIn}, a local stand-in of Neon's API v2: the requests it sends,
 * how it waits for operations, retries 423 and 429, and the errors it gives.
 */
class NeonBranchesTest {

    private static final String KEY = "napi_5f3c9a0b7e1d4c2aTESTKEY8d6e0f1a2b3c4d5e6f708192a3b4c5d6e7f8";
    private static final String P = NeonStandIn.PROJECT;
    private static final Duration POLL = Duration.ofMillis(10);

    private NeonStandIn neon;
    private final List<String> progress = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startStandIn() throws IOException {
        neon = NeonStandIn.start(KEY);
    }

    @AfterEach
    void stopStandIn() {
        neon.close();
    }

    private NeonBranches.Builder builder() {
        return NeonBranches.builder(P).apiKey(KEY).apiUrl(neon.apiUrl()).pollInterval(POLL)
                .timeout(Duration.ofSeconds(3)).progress(progress::add);
    }

    private NeonBranches branches() {
        return builder().build();
    }

    private static Instant at(String time) {
        return Instant.parse("2024-03-01T" + time + ":00Z");
    }

    // ---- create -----------------------------------------------------------------------------------------

    @Test
    void createsFromTheDefaultBranchWithAReadWriteEndpointAndWaitsForItsOperations() {
        neon.pollsToFinish(3);

        Branch branch = branches().create("try_0042", BranchOptions.defaults());

        List<NeonStandIn.Request> posts = neon.requests("POST", "/projects/" + P + "/branches");
        assertThat(posts).hasSize(1);
        JsonNode body = posts.get(0).json();
        assertThat(body.path("branch").path("name").asText()).isEqualTo("try_0042");
        assertThat(body.path("branch").has("parent_id")).as("the API picks the default branch").isFalse();
        assertThat(body.path("branch").has("init_source")).isFalse();
        assertThat(body.path("endpoints").toString()).isEqualTo("[{\"type\":\"read_write\"}]");

        Map<String, String> statuses = neon.operationStatuses();
        assertThat(neon.operationActions().values()).containsExactly("create_branch", "start_compute");
        assertThat(statuses.values()).containsOnly("finished");
        statuses.keySet().forEach(id ->
                assertThat(neon.requests("GET", "/projects/" + P + "/operations/" + id)).hasSize(3));
        assertThat(progress).contains("waiting for operation create_branch (running)…",
                "waiting for operation start_compute (scheduling)…");

        assertThat(branch.name()).isEqualTo("try_0042");
        assertThat(branch.id()).isEqualTo(neon.idOf("try_0042")).startsWith("br-");
        assertThat(branch.parent()).isEqualTo("main");
        assertThat(branch.schemaOnly()).isFalse();
        assertThat(branch.createdAt()).isEqualTo(at("09:01"));
    }

    @Test
    void createsFromANamedParentByItsId() {
        String devId = neon.seed("dev", "main", at("10:00"), 1_000L, false);

        Branch branch = branches().create("feature", BranchOptions.from("dev"));

        JsonNode body = neon.requests("POST", "/projects/" + P + "/branches").get(0).json();
        assertThat(body.path("branch").path("parent_id").asText()).isEqualTo(devId);
        assertThat(branch.parent()).isEqualTo("dev");
        assertThat(branches().find("feature")).map(Branch::parent).hasValue("dev");
    }

    @Test
    void createsASchemaOnlyBranchWhichNeonMakesARootBranch() {
        NeonBranches branches = branches();

        Branch branch = branches.create("anon", BranchOptions.from("main").withSchemaOnly());

        JsonNode body = neon.requests("POST", "/projects/" + P + "/branches").get(0).json();
        assertThat(body.path("branch").path("init_source").asText()).isEqualTo("schema-only");
        assertThat(body.path("branch").path("parent_id").asText()).isEqualTo(neon.idOf("main"));
        assertThat(body.path("endpoints").toString()).isEqualTo("[{\"type\":\"read_write\"}]");
        assertThat(branch.schemaOnly()).isTrue();
        assertThat(branch.parent()).isNull();
        assertThat(branches.find("anon")).map(Branch::schemaOnly).hasValue(true);
    }

    @Test
    void refusesATakenNameWithoutSendingTheCreate() {
        assertThatThrownBy(() -> branches().create("main", BranchOptions.defaults()))
                .isInstanceOf(BranchException.class)
                .hasMessageContaining("Branch \"main\" already exists in Neon project \"" + P + "\"");
        assertThat(neon.requests("POST", "/projects/" + P + "/branches")).isEmpty();
    }

    @Test
    void namesAnUnknownParentAndTheBranchesThereAre() {
        neon.seed("dev", "main", at("10:00"), null, false);

        assertThatThrownBy(() -> branches().create("feature", BranchOptions.from("staging")))
                .isInstanceOf(BranchException.class)
                .hasMessageContaining("No branch \"staging\" to create \"feature\" from in Neon project \"" + P + "\"")
                .hasMessageContaining("its branches are: dev, main");
        assertThat(neon.requests("POST", "/projects/" + P + "/branches")).isEmpty();
    }

    // ---- list and find ----------------------------------------------------------------------------------

    @Test
    void listsOldestFirstWithParentNamesSizesAndSchemaOnly() {
        neon.seed("beta", "main", at("10:00"), 1_000L, false);
        neon.seed("alpha", "beta", at("11:00"), 2_000L, false);
        neon.seed("anon", null, at("10:30"), null, true);

        List<Branch> list = branches().list();

        assertThat(list).extracting(Branch::name).containsExactly("main", "beta", "anon", "alpha");
        assertThat(list).extracting(Branch::parent).containsExactly(null, "main", null, "beta");
        assertThat(list).extracting(Branch::size).containsExactly(OptionalLong.of(31_457_280L),
                OptionalLong.of(1_000L), OptionalLong.empty(), OptionalLong.of(2_000L));
        assertThat(list).extracting(Branch::schemaOnly).containsExactly(false, false, true, false);
        assertThat(list).extracting(Branch::createdAt)
                .containsExactly(at("09:00"), at("10:00"), at("10:30"), at("11:00"));
        assertThat(list.get(2).id()).isEqualTo(neon.idOf("anon"));
    }

    @Test
    void listFollowsNeonsPaginationCursor() {
        neon.seed("beta", "main", at("10:00"), null, false);
        neon.seed("alpha", "beta", at("11:00"), null, false);
        neon.seed("gamma", "alpha", at("12:00"), null, false);
        neon.pageSize(3);

        List<Branch> list = branches().list();

        assertThat(list).extracting(Branch::name).containsExactly("main", "beta", "alpha", "gamma");
        assertThat(list).extracting(Branch::parent).containsExactly(null, "main", "beta", "alpha");
        List<NeonStandIn.Request> pages = neon.requests("GET", "/projects/" + P + "/branches");
        assertThat(pages).hasSize(2);
        assertThat(pages.get(1).query()).containsEntry("cursor", "3");
    }

    @Test
    void findsByNameOrGivesEmpty() {
        neon.seed("dev", "main", at("10:00"), 5_000L, false);
        NeonBranches branches = branches();

        assertThat(branches.find("dev")).hasValueSatisfying(branch -> {
            assertThat(branch.parent()).isEqualTo("main");
            assertThat(branch.size()).hasValue(5_000L);
        });
        assertThat(branches.find("nope")).isEmpty();
    }

    // ---- url --------------------------------------------------------------------------------------------

    @Test
    void asksForThePooledAndTheDirectConnectionUri() {
        String devId = neon.seed("dev", "main", at("10:00"), null, false);
        NeonBranches branches = branches();

        String pooled = branches.url("dev", true);
        String direct = branches.url("dev", false);

        List<NeonStandIn.Request> asked = neon.requests("GET", "/projects/" + P + "/connection_uri");
        assertThat(asked).hasSize(2);
        assertThat(asked.get(0).query()).containsExactlyInAnyOrderEntriesOf(Map.of("branch_id", devId,
                "database_name", "neondb", "role_name", "neondb_owner", "pooled", "true"));
        assertThat(asked.get(1).query()).containsEntry("pooled", "false").containsEntry("branch_id", devId);
        assertThat(pooled).startsWith("postgresql://neondb_owner:").contains("-pooler.");
        assertThat(direct).startsWith("postgresql://neondb_owner:").doesNotContain("-pooler");
    }

    @Test
    void asksForTheConfiguredDatabaseAndRoleAndPassesNeonsRefusalOn() {
        neon.seed("dev", "main", at("10:00"), null, false);
        NeonBranches branches = builder().database("app").role("app_owner").build();

        BranchException e = catchThrowableOfType(() -> branches.url("dev", false), BranchException.class);

        assertThat(neon.requests("GET", "/projects/" + P + "/connection_uri").get(0).query())
                .containsEntry("database_name", "app").containsEntry("role_name", "app_owner");
        assertThat(e).hasMessageContaining("database app or role app_owner not found")
                .hasMessageContaining("HTTP 404");
    }

    @Test
    void namesAnUnknownBranchAndListsTheExistingOnes() {
        neon.seed("dev", "main", at("10:00"), null, false);

        assertThatThrownBy(() -> branches().url("nope", false))
                .isInstanceOf(BranchException.class)
                .hasMessageContaining("No branch \"nope\" to connect to in Neon project \"" + P + "\"")
                .hasMessageContaining("its branches are: dev, main");
    }

    // ---- reset ------------------------------------------------------------------------------------------

    @Test
    void resetRestoresTheBranchFromItsParentAndWaits() {
        neon.seed("beta", "main", at("10:00"), 1_000L, false);
        String alphaId = neon.seed("alpha", "beta", at("11:00"), 2_000L, false);

        Branch branch = branches().reset("alpha");

        List<NeonStandIn.Request> restores = neon.requests("POST",
                "/projects/" + P + "/branches/" + alphaId + "/restore");
        assertThat(restores).hasSize(1);
        assertThat(restores.get(0).json().toString())
                .isEqualTo("{\"source_branch_id\":\"" + neon.idOf("beta") + "\"}");
        assertThat(neon.operationStatuses().values()).containsOnly("finished");
        assertThat(branch.id()).isEqualTo(alphaId);
        assertThat(branch.parent()).isEqualTo("beta");
        assertThat(branch.createdAt()).as("reset time").isEqualTo(neon.lastResetAt("alpha"));
        assertThat(branch.size()).hasValue(1_000L);
    }

    @Test
    void refusesToResetARootBranch() {
        neon.seed("anon", null, at("10:00"), null, true);
        NeonBranches branches = branches();

        assertThatThrownBy(() -> branches.reset("main"))
                .isInstanceOf(BranchException.class)
                .hasMessageContaining("Branch \"main\" in Neon project \"" + P + "\" has no parent to reset from")
                .hasMessageContaining("it is a root branch");
        assertThatThrownBy(() -> branches.reset("anon"))
                .hasMessageContaining("Neon makes schema-only branches root branches. Delete it and create it again");
        assertThat(neon.requests()).noneMatch(r -> r.method().equals("POST"));
    }

    // ---- delete -----------------------------------------------------------------------------------------

    @Test
    void deletesTheBranchAndWaitsForItsOperations() {
        String devId = neon.seed("dev", "main", at("10:00"), null, false);

        branches().delete("dev");

        assertThat(neon.requests("DELETE", "/projects/" + P + "/branches/" + devId)).hasSize(1);
        assertThat(neon.exists("dev")).isFalse();
        assertThat(neon.operationActions().values()).containsExactly("suspend_compute", "delete_timeline");
        assertThat(neon.operationStatuses().values()).containsOnly("finished");
    }

    @Test
    void refusesToDeleteABranchWithChildrenWithoutCallingTheApi() {
        neon.seed("beta", "main", at("10:00"), null, false);
        neon.seed("alpha", "beta", at("11:00"), null, false);
        neon.seed("gamma", "beta", at("12:00"), null, false);

        assertThatThrownBy(() -> branches().delete("beta"))
                .isInstanceOf(BranchException.class)
                .hasMessageContaining("Branch \"beta\" in Neon project \"" + P + "\" has child branches "
                        + "\"alpha\", \"gamma\"")
                .hasMessageContaining("delete them first");
        assertThat(neon.requests()).noneMatch(r -> r.method().equals("DELETE"));
    }

    // ---- the API key ------------------------------------------------------------------------------------

    @Test
    void saysToSetNeonApiKeyWhenThereIsNone() {
        NeonBranches.Builder builder = NeonBranches.builder(P).apiUrl(neon.apiUrl()).environment(name -> null);

        assertThatThrownBy(builder::build)
                .isInstanceOf(BranchException.class)
                .hasMessageContaining("No Neon API key for project \"" + P + "\"")
                .hasMessageContaining("set the environment variable NEON_API_KEY");
    }

    @Test
    void readsTheKeyFromNeonApiKeyByDefault() {
        NeonBranches branches = NeonBranches.builder(P).apiUrl(neon.apiUrl()).pollInterval(POLL)
                .environment(name -> name.equals("NEON_API_KEY") ? KEY : null).build();

        assertThat(branches.list()).extracting(Branch::name).containsExactly("main");
    }

    @Test
    void aRefusedKeyGivesTheStatusAndSaysWhatToDoWithoutTheKey() {
        String wrong = "napi_wrongwrongwrong0123456789";
        NeonBranches branches = builder().apiKey(wrong).build();

        BranchException e = catchThrowableOfType(branches::list, BranchException.class);

        assertThat(e).hasMessageContaining("GET /projects/" + P + "/branches answered HTTP 401")
                .hasMessageContaining("authentication required")
                .hasMessageContaining("set NEON_API_KEY");
        assertThat(e.getMessage()).doesNotContain(wrong);
    }

    @Test
    void noMessageProgressLineOrDescriptionHoldsTheKey() {
        neon.seed("beta", "main", at("10:00"), null, false);
        neon.seed("alpha", "beta", at("11:00"), null, false);
        NeonBranches branches = builder().maxRetries(1).timeout(Duration.ofMillis(100)).build();
        List<String> texts = new ArrayList<>(List.of(branches.toString(), builder().toString()));
        List<Supplier<Object>> failing = List.of(
                () -> branches.url("nope", true),
                () -> {
                    branches.delete("beta");
                    return null;
                },
                () -> {
                    neon.answerNext("GET", 2, 423, null);
                    return branches.list();
                },
                () -> {
                    neon.refuseNext("GET", 400, "BAD_REQUEST", "malformed token " + KEY);
                    return branches.list();
                },
                () -> {
                    neon.failNextOperation("compute failed for key " + KEY);
                    return branches.create("x", BranchOptions.defaults());
                });
        for (Supplier<Object> call : failing) {
            texts.add(catchThrowableOfType(call::get, BranchException.class).getMessage());
        }
        texts.addAll(progress);

        assertThat(texts).hasSizeGreaterThan(7).noneMatch(text -> text.contains(KEY));
        assertThat(texts).anyMatch(text -> text.contains("malformed token [API key]"));
        assertThat(neon.requests()).isNotEmpty();
    }

    // ---- retries ----------------------------------------------------------------------------------------

    @Test
    void retriesALockedProjectWithExponentialBackOffThenSucceeds() {
        List<Duration> waits = new CopyOnWriteArrayList<>();
        neon.answerNext("POST", 3, 423, null);

        Branch branch = builder().sleeper(waits::add).build().create("dev", BranchOptions.defaults());

        assertThat(branch.name()).isEqualTo("dev");
        assertThat(neon.requests("POST", "/projects/" + P + "/branches")).hasSize(4);
        assertThat(waits.subList(0, 3)).containsExactly(POLL, POLL.multipliedBy(2), POLL.multipliedBy(4));
        assertThat(progress).anyMatch(line -> line.startsWith("Neon answered 423 (Locked: another operation is in "
                + "progress on the project) to POST /projects/" + P + "/branches; retrying in 10 ms (1 of 6)"));
    }

    @Test
    void honoursRetryAfterOnARateLimitThenSucceeds() {
        List<Duration> waits = new CopyOnWriteArrayList<>();
        neon.answerNext("GET", 1, 429, 2);

        List<Branch> list = builder().sleeper(waits::add).build().list();

        assertThat(list).extracting(Branch::name).containsExactly("main");
        assertThat(waits).containsExactly(Duration.ofSeconds(2));
        assertThat(progress).anyMatch(line -> line.contains("answered 429 (Too Many Requests)")
                && line.contains("retrying in 2.0 s"));
    }

    @Test
    void capsALongRetryAfter() {
        List<Duration> waits = new CopyOnWriteArrayList<>();
        neon.answerNext("GET", 1, 429, 3600);

        builder().sleeper(waits::add).build().list();

        assertThat(waits).containsExactly(Duration.ofSeconds(60));
    }

    @Test
    void givesUpAfterMaxRetriesWithAClearError() {
        neon.answerNext("POST", 10, 423, null);
        NeonBranches branches = builder().maxRetries(2).build();

        BranchException e = catchThrowableOfType(() -> branches.create("dev", BranchOptions.defaults()),
                BranchException.class);

        assertThat(neon.requests("POST", "/projects/" + P + "/branches")).hasSize(3);
        assertThat(e).hasMessageStartingWith("Could not create branch \"dev\" in Neon project \"" + P + "\": POST "
                        + "/projects/" + P + "/branches answered HTTP 423")
                .hasMessageContaining("3 attempts")
                .hasMessageContaining("project already has running operations")
                .hasMessageContaining("after 2 retries");
    }

    // ---- operations -------------------------------------------------------------------------------------

    @Test
    void anOperationThatStaysFailedIsNamedWithItsErrorWhenTimeIsUp() {
        neon.failNextOperation("could not start compute: quota exceeded");
        NeonBranches branches = builder().timeout(Duration.ofMillis(200)).build();

        BranchException e = catchThrowableOfType(() -> branches.create("dev", BranchOptions.defaults()),
                BranchException.class);

        String id = neon.operationActions().entrySet().stream().filter(op -> op.getValue().equals("create_branch"))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        assertThat(e).hasMessageContaining("Could not create branch \"dev\" in Neon project \"" + P + "\"")
                .hasMessageContaining("timed out after 200 ms waiting for Neon operation create_branch (id " + id + ")")
                .hasMessageContaining("it was still failed: could not start compute: quota exceeded");
        assertThat(progress).contains("operation create_branch failed (could not start compute: quota exceeded); "
                + "Neon retries failed operations, waiting…");
    }

    @Test
    void anOperationThatNeonRetriesAfterFailingFinishes() {
        neon.failNextOperationOnce("pageserver unavailable");

        Branch branch = branches().create("dev", BranchOptions.defaults());

        assertThat(branch.name()).isEqualTo("dev");
        assertThat(neon.operationStatuses().values()).containsOnly("finished");
        assertThat(progress).anyMatch(line -> line.contains("failed (pageserver unavailable)"));
    }

    @Test
    void aCancelledOperationEndsTheWaitAtOnceNamingIt() {
        neon.seed("dev", "main", at("10:00"), null, false);
        neon.cancelNextOperation();

        BranchException e = catchThrowableOfType(() -> branches().delete("dev"), BranchException.class);

        String id = neon.operationActions().entrySet().stream().filter(op -> op.getValue().equals("suspend_compute"))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        assertThat(e).hasMessageContaining("Could not delete branch \"dev\" in Neon project \"" + P + "\": Neon "
                + "operation suspend_compute (id " + id + ") ended cancelled");
    }

    @Test
    void timesOutOnAnOperationThatKeepsRunning() {
        neon.pollsToFinish(1_000_000);
        NeonBranches branches = builder().timeout(Duration.ofMillis(150)).build();

        assertThatThrownBy(() -> branches.create("dev", BranchOptions.defaults()))
                .isInstanceOf(BranchException.class)
                .hasMessageContaining("timed out after 150 ms waiting for Neon operation create_branch")
                .hasMessageContaining("its last status was running")
                .hasMessageContaining("NeonBranches.Builder.timeout waits longer");
    }

    // ---- Neon's errors ----------------------------------------------------------------------------------

    @Test
    void passesNeonsErrorMessageOnWithStatusMethodAndPath() {
        neon.refuseNext("POST", 422, "BRANCHES_LIMIT_EXCEEDED", "number of branches exceeds the project's limit");

        assertThatThrownBy(() -> branches().create("dev", BranchOptions.defaults()))
                .isInstanceOf(BranchException.class)
                .hasMessageContaining("Could not create branch \"dev\" in Neon project \"" + P + "\": POST /projects/"
                        + P + "/branches answered HTTP 422 (Unprocessable Entity): number of branches exceeds the "
                        + "project's limit [Neon code BRANCHES_LIMIT_EXCEEDED]");
    }

    @Test
    void passesARefusedDeleteOn() {
        String devId = neon.seed("dev", "main", at("10:00"), null, false);
        neon.refuseNext("DELETE", 409, "CONFLICT", "branch is protected");

        assertThatThrownBy(() -> branches().delete("dev"))
                .hasMessageContaining("DELETE /projects/" + P + "/branches/" + devId + " answered HTTP 409 (Conflict): "
                        + "branch is protected");
        assertThat(neon.exists("dev")).isTrue();
    }

    @Test
    void aWrongProjectIdSaysToCheckIt() {
        NeonBranches branches = NeonBranches.builder("no-such-project").apiKey(KEY).apiUrl(neon.apiUrl()).build();

        assertThatThrownBy(branches::list)
                .hasMessageContaining("HTTP 404 (Not Found): project no-such-project not found")
                .hasMessageContaining("Check the project id \"no-such-project\"");
    }

    // ---- configuration ----------------------------------------------------------------------------------

    @Test
    void rejectsImpossibleSettingsAtOnce() {
        NeonBranches.Builder builder = NeonBranches.builder(P);

        assertThatThrownBy(() -> NeonBranches.builder(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Neon project id is blank");
        assertThatThrownBy(() -> builder.apiKey(" ")).hasMessageContaining("Neon API key is blank");
        assertThatThrownBy(() -> builder.apiUrl(URI.create("console.neon.tech/api/v2")))
                .hasMessageContaining("is not an absolute http(s) URL");
        assertThatThrownBy(() -> builder.pollInterval(Duration.ZERO)).hasMessageContaining("pollInterval is PT0S");
        assertThatThrownBy(() -> builder.timeout(Duration.ofSeconds(-1))).hasMessageContaining("timeout is PT-1S");
        assertThatThrownBy(() -> builder.maxRetries(-1)).hasMessageContaining("maxRetries is -1");
        assertThatThrownBy(() -> builder.database("")).hasMessageContaining("database is blank");
    }

    @Test
    void describesItselfWithoutTheKey() {
        assertThat(branches().toString()).isEqualTo("NeonBranches[project=" + P + ", api=" + neon.apiUrl()
                + ", database=neondb, role=neondb_owner]");
        assertThat(builder().toString()).contains("apiKey=given").doesNotContain(KEY);
        assertThat(NeonBranches.builder(P).toString()).contains("apiKey=from NEON_API_KEY");
    }
}
