package dev.sleet.kit.branch;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Waits for the operations a Neon request started (creating the branch's timeline, starting its compute, ...)
 * by polling {@code GET /projects/{project_id}/operations/{operation_id}} until each is done.
 *
 * <p>Neon's reference lists the statuses {@code scheduling}, {@code running}, {@code finished}, {@code failed},
 * {@code cancelling}, {@code cancelled} and {@code skipped}, and calls {@code finished}, {@code skipped} and
 * {@code cancelled} terminal: a {@code failed} operation is retried by Neon. So {@code failed} is reported as
 * progress, with Neon's error text, and waited on; if it is still failed when the time is up, the timeout error
 * names it and quotes that text. {@code cancelled} ends the wait with an error at once, and so does
 * {@code error}, which the reference does not list but which cannot mean success.
 */
final class NeonOperations {

    private static final Set<String> DONE = Set.of("finished", "skipped");
    private static final Set<String> ENDED_BADLY = Set.of("cancelled", "error");

    private final NeonApi api;
    private final Duration pollInterval;
    private final Duration timeout;
    private final Consumer<String> progress;

    NeonOperations(NeonApi api, Duration pollInterval, Duration timeout, Consumer<String> progress) {
        this.api = api;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
        this.progress = progress;
    }

    /**
     * Waits for every operation in an answer's {@code operations} array, within one timeout for all of them.
     *
     * @param answer the answer of the request that started them
     * @param doing  what the request was for, as in "create branch "x"", for messages
     */
    void await(JsonNode answer, String doing) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (JsonNode operation : answer.path("operations")) {
            awaitOne(operation, deadline, doing);
        }
    }

    private void awaitOne(JsonNode first, long deadline, String doing) {
        String id = first.path("id").asText("");
        String action = first.path("action").asText("operation");
        JsonNode operation = first;
        String reported = null;
        while (true) {
            String status = operation.path("status").asText("");
            if (DONE.contains(status)) {
                return;
            }
            if (ENDED_BADLY.contains(status)) {
                throw endedBadly(action, id, status, operation, doing);
            }
            if (id.isBlank()) {
                throw new BranchException("Could not " + doing + " in Neon project \"" + api.projectId() + "\": Neon "
                        + "answered an operation " + action + " (" + status + ") without an id, so it cannot be "
                        + "waited for; check the project's operations in the Neon console");
            }
            String report = report(action, status, operation);
            if (!report.equals(reported)) {
                progress.accept(report);
                reported = report;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw timedOut(action, id, status, operation, doing);
            }
            api.pause(pollInterval, doing);
            operation = api.get(api.projectPath("operations", id), doing).path("operation");
        }
    }

    private String report(String action, String status, JsonNode operation) {
        if ("failed".equals(status)) {
            return "operation " + action + " failed (" + errorText(operation) + "); Neon retries failed operations, "
                    + "waiting…";
        }
        return "waiting for operation " + action + " (" + (status.isBlank() ? "unknown status" : status) + ")…";
    }

    private BranchException endedBadly(String action, String id, String status, JsonNode operation, String doing) {
        return new BranchException("Could not " + doing + " in Neon project \"" + api.projectId() + "\": Neon "
                + "operation " + action + " (id " + id + ") ended " + status + ": " + errorText(operation)
                + ". Look at the operation in the Neon console (Monitoring, System operations) and try again");
    }

    private BranchException timedOut(String action, String id, String status, JsonNode operation, String doing) {
        String state = "failed".equals(status)
                ? "it was still failed: " + errorText(operation)
                : "its last status was " + (status.isBlank() ? "unknown" : status);
        return new BranchException("Could not " + doing + " in Neon project \"" + api.projectId() + "\": timed out "
                + "after " + NeonApi.human(timeout) + " waiting for Neon operation " + action + " (id " + id + "); "
                + state + ". Look at the operation in the Neon console (Monitoring, System operations) and run again "
                + "once it is done (in Java, NeonBranches.Builder.timeout waits longer)");
    }

    private String errorText(JsonNode operation) {
        String error = operation.path("error").asText("");
        return error.isBlank() ? "Neon gave no error text" : api.scrub(error);
    }
}
