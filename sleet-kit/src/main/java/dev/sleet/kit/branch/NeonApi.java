package dev.sleet.kit.branch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Requests to Neon's API v2 for one project: JSON in and out, the API key as a bearer token, retries of answers
 * that say "not now" (423 Locked while another operation runs on the project, 429 rate limited, and for reads
 * 502/503/504 and broken connections), and errors that carry Neon's own message, the status, the method and
 * the path. The key never appears in a message: Neon's answers are scrubbed of it before they are quoted.
 */
final class NeonApi {

    /** Waits between attempts; tests replace it to record the waits instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        /**
         * Waits.
         *
         * @param duration how long
         * @throws InterruptedException when the thread is interrupted
         */
        void sleep(Duration duration) throws InterruptedException;
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
    private static final int QUOTED_BODY_LIMIT = 300;

    private final HttpClient http;
    private final String base;
    private final String apiKey;
    private final String projectId;
    private final Duration firstBackoff;
    private final int maxRetries;
    private final Sleeper sleeper;
    private final Consumer<String> progress;

    NeonApi(HttpClient http, URI apiUrl, String apiKey, String projectId, Duration firstBackoff, int maxRetries,
            Sleeper sleeper, Consumer<String> progress) {
        this.http = http;
        String url = apiUrl.toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.apiKey = apiKey;
        this.projectId = projectId;
        this.firstBackoff = firstBackoff;
        this.maxRetries = maxRetries;
        this.sleeper = sleeper;
        this.progress = progress;
    }

    /**
     * Returns the path of a resource of the project: {@code /projects/{project_id}} and the given segments,
     * each encoded.
     */
    String projectPath(String... segments) {
        StringBuilder path = new StringBuilder("/projects/").append(encode(projectId));
        for (String segment : segments) {
            path.append('/').append(encode(segment));
        }
        return path.toString();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    JsonNode get(String path, String doing) {
        return send("GET", path, null, doing);
    }

    JsonNode post(String path, JsonNode body, String doing) {
        return send("POST", path, body, doing);
    }

    JsonNode delete(String path, String doing) {
        return send("DELETE", path, null, doing);
    }

    /** Waits, restoring the interrupt flag and giving up when the thread is interrupted. */
    void pause(Duration duration, String doing) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BranchException("Interrupted while waiting to " + doing + " in Neon project \"" + projectId
                    + "\"", e);
        }
    }

    String projectId() {
        return projectId;
    }

    private JsonNode send(String method, String path, JsonNode body, String doing) {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> answer;
            try {
                answer = exchange(method, path, body, doing);
            } catch (IOException e) {
                if (!isRead(method) || attempt >= maxRetries) {
                    throw new BranchException(couldNot(doing) + ": " + method + " " + path + " failed after "
                            + attempts(attempt) + ": " + describe(e) + ". Check the network and the API URL " + base,
                            e);
                }
                retryAfterPause(method + " " + path + " failed (" + describe(e) + ")", attempt, backoff(attempt),
                        doing);
                continue;
            }
            int status = answer.statusCode();
            if (status < 300) {
                return parse(answer.body(), method, path, doing);
            }
            if (!isRetryable(method, status) || attempt >= maxRetries) {
                throw new BranchException(refusal(method, path, answer, attempt, doing));
            }
            Duration wait = retryAfter(answer).orElse(backoff(attempt));
            retryAfterPause("Neon answered " + status + " (" + reason(status) + ") to " + method + " " + path, attempt,
                    wait, doing);
        }
    }

    private HttpResponse<String> exchange(String method, String path, JsonNode body, String doing)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BranchException("Interrupted during " + method + " " + path + " while trying to " + doing
                    + " in Neon project \"" + projectId + "\"", e);
        }
    }

    private void retryAfterPause(String what, int attempt, Duration wait, String doing) {
        progress.accept(what + "; retrying in " + human(wait) + " (" + (attempt + 1) + " of " + maxRetries + ")…");
        pause(wait, doing);
    }

    // A write that broke off or hit a gateway error may have been done: repeating it could create a branch
    // twice or report a deleted one as missing. 423 and 429 mean Neon did not start it, so anything may retry.
    private static boolean isRetryable(String method, int status) {
        return status == 423 || status == 429 || isRead(method) && (status == 502 || status == 503 || status == 504);
    }

    private static boolean isRead(String method) {
        return "GET".equals(method);
    }

    private Duration backoff(int attempt) {
        Duration wait = firstBackoff.multipliedBy(1L << Math.min(attempt, 20));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    // Neon sends Retry-After in seconds; an HTTP-date is not expected and falls back to the back-off.
    private static Optional<Duration> retryAfter(HttpResponse<String> answer) {
        Optional<String> header = answer.headers().firstValue("Retry-After");
        if (header.isEmpty()) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(header.get().trim());
            if (seconds < 0) {
                return Optional.empty();
            }
            Duration wait = Duration.ofSeconds(seconds);
            return Optional.of(wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String refusal(String method, String path, HttpResponse<String> answer, int attempt, String doing) {
        int status = answer.statusCode();
        JsonNode error = tryParse(answer.body());
        String message = error.path("message").asText("");
        if (message.isBlank()) {
            message = answer.body() == null || answer.body().isBlank() ? "(no message)" : answer.body().strip();
            if (message.length() > QUOTED_BODY_LIMIT) {
                message = message.substring(0, QUOTED_BODY_LIMIT) + "…";
            }
        }
        String code = error.path("code").asText("");
        return couldNot(doing) + ": " + method + " " + path + " answered HTTP " + status + " (" + reason(status)
                + ")" + (attempt > 0 ? " on all " + attempts(attempt) : "") + ": " + scrub(message)
                + (code.isBlank() ? "" : " [Neon code " + scrub(code) + "]") + ". " + hint(status);
    }

    private String hint(int status) {
        return switch (status) {
            case 401 -> "Neon refused the API key: set NEON_API_KEY (or NeonBranches.Builder.apiKey) to a valid key "
                    + "from the Neon console (Account settings, API keys)";
            case 403 -> "The API key may not reach project \"" + projectId + "\": use a key of the account or "
                    + "organization that owns it";
            case 404 -> "Check the project id \"" + projectId + "\" (Neon console, project settings) and that the "
                    + "branch still exists";
            case 409 -> "Another branch or change conflicts: check the branches (sleet branch list)";
            case 423 -> "Another operation is still running on the project after " + maxRetries + " retries: wait "
                    + "for it to finish and try again";
            case 429 -> "Neon's rate limit was still hit after " + maxRetries + " retries: wait a moment and try "
                    + "again";
            default -> status >= 500 ? "A failure on Neon's side: try again later" : "Check the request against "
                    + "Neon's API reference";
        };
    }

    private String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + scrub(e.getMessage()));
    }

    private String attempts(int attempt) {
        return (attempt + 1) + (attempt == 0 ? " attempt" : " attempts");
    }

    private String couldNot(String doing) {
        return "Could not " + doing + " in Neon project \"" + projectId + "\"";
    }

    private JsonNode parse(String body, String method, String path, String doing) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BranchException(couldNot(doing) + ": " + method + " " + path + " answered something that is "
                    + "not JSON; check that the API URL " + base + " is Neon's API v2", e);
        }
    }

    private static JsonNode tryParse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    private static String write(JsonNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** Removes the API key from text that came from elsewhere (Neon's answers, exception messages). */
    String scrub(String text) {
        return text.replace(apiKey, "[API key]");
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 422 -> "Unprocessable Entity";
            case 423 -> "Locked: another operation is in progress on the project";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status >= 500 ? "server error" : "client error";
        };
    }

    static String human(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long minutes = millis / 60_000;
        long seconds = (millis % 60_000) / 1000;
        return seconds == 0 ? minutes + " min" : minutes + " min " + seconds + " s";
    }
}
