package org.varsel.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The few calls of Flink's REST API (the one behind {@code flink run} and the web UI) that submit, watch, stop and
 * resume a job: {@code /jars/upload}, {@code /jars/:id/run}, {@code /jobs/:id/stop}, checkpoint statistics.
 */
public final class FlinkRest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TERMINAL = Set.of("FINISHED", "CANCELED", "FAILED");

    private final URI base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public FlinkRest(URI base) {
        this.base = base;
    }

    public URI baseUri() {
        return base;
    }

    /** Whether the REST endpoint answers at all. */
    public boolean answers() {
        try {
            return send(HttpRequest.newBuilder(base.resolve("/overview")).GET()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** Uploads a job jar ({@code POST /jars/upload}); returns the jar id to run it by. */
    public String uploadJar(Path jar) {
        String boundary = "varsel-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                        + jar.getFileName() + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        try {
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofByteArray(head),
                    HttpRequest.BodyPublishers.ofFile(jar),
                    HttpRequest.BodyPublishers.ofByteArray(tail));
            JsonNode answer = call(HttpRequest.newBuilder(base.resolve("/jars/upload"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .timeout(Duration.ofMinutes(2))
                    .POST(body));
            String stored = answer.path("filename").asText();
            return stored.substring(stored.lastIndexOf('/') + 1);
        } catch (IOException e) {
            throw new IllegalStateException("cannot upload " + jar + " to " + base, e);
        }
    }

    /**
     * Runs an uploaded jar's main class ({@code POST /jars/:id/run}) with these program arguments, optionally
     * from a savepoint (unknown state in it is an error, not ignored); returns the job id.
     */
    public String run(String jarId, String entryClass, List<String> programArgs, Optional<String> savepoint) {
        ObjectNode request = JSON.createObjectNode();
        request.put("entryClass", entryClass);
        request.set("programArgsList", JSON.valueToTree(programArgs));
        savepoint.ifPresent(path -> request.put("savepointPath", path).put("allowNonRestoredState", false));
        return post("/jars/" + jarId + "/run", request, Duration.ofMinutes(2))
                .path("jobid")
                .asText();
    }

    /** The job's state: CREATED, RUNNING, RESTARTING, FAILED, CANCELED, FINISHED, ... */
    public String jobState(String jobId) {
        return get("/jobs/" + jobId).path("state").asText();
    }

    /** Waits until the job and every one of its tasks run (a job can be RUNNING while its tasks still deploy). */
    public void awaitRunning(String jobId, Duration timeout) {
        awaitJob(
                jobId,
                timeout,
                "running with every task deployed",
                job -> job.path("state").asText().equals("RUNNING")
                        && !job.path("vertices").isEmpty()
                        && allMatch(
                                job.path("vertices"),
                                vertex -> vertex.path("status").asText().equals("RUNNING")));
    }

    /** Waits until a bounded job has finished (failed or cancelled is an error); returns its details ({@code /jobs/:id}). */
    public JsonNode awaitFinished(String jobId, Duration timeout) {
        awaitJob(jobId, timeout, "finished", job -> job.path("state").asText().equals("FINISHED"));
        return get("/jobs/" + jobId);
    }

    /** How often the job has restarted (metric {@code numRestarts}) as the JobManager last fetched it: 0 until fetched. */
    public long restarts(String jobId) {
        for (JsonNode metric : get("/jobs/" + jobId + "/metrics?get=numRestarts")) {
            return Long.parseLong(metric.path("value").asText("0"));
        }
        return 0;
    }

    /** Checkpoint statistics ({@code GET /jobs/:id/checkpoints}): counts, latest completed, restored. */
    public JsonNode checkpoints(String jobId) {
        return get("/jobs/" + jobId + "/checkpoints");
    }

    /** The root exception and the exception history of a job, for failure messages. */
    public String exceptions(String jobId) {
        try {
            return get("/jobs/" + jobId + "/exceptions").toPrettyString();
        } catch (RuntimeException e) {
            return "(no exceptions: " + e.getMessage() + ")";
        }
    }

    /** Stops the job with a savepoint into {@code directory} ({@code POST /jobs/:id/stop}); returns its path. */
    public String stopWithSavepoint(String jobId, URI directory, Duration timeout) {
        ObjectNode request = JSON.createObjectNode()
                .put("targetDirectory", directory.toString())
                .put("drain", false);
        String trigger = post("/jobs/" + jobId + "/stop", request, Duration.ofSeconds(30))
                .path("request-id")
                .asText();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = get("/jobs/" + jobId + "/savepoints/" + trigger);
            if (status.path("status").path("id").asText().equals("COMPLETED")) {
                JsonNode operation = status.path("operation");
                if (operation.has("failure-cause")) {
                    throw new IllegalStateException("stop with savepoint failed: "
                            + operation.path("failure-cause").toPrettyString());
                }
                awaitJob(
                        jobId,
                        timeout,
                        "stopped",
                        job -> TERMINAL.contains(job.path("state").asText()));
                return operation.path("location").asText();
            }
            pause();
        }
        throw new IllegalStateException("no savepoint of " + jobId + " within " + timeout);
    }

    /** Cancels the job ({@code PATCH /jobs/:id}) and waits until it has stopped. */
    public void cancel(String jobId, Duration timeout) {
        if (TERMINAL.contains(jobState(jobId))) {
            return;
        }
        call(HttpRequest.newBuilder(base.resolve("/jobs/" + jobId + "?mode=cancel"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()));
        awaitJob(
                jobId,
                timeout,
                "cancelled",
                job -> TERMINAL.contains(job.path("state").asText()));
    }

    /** Resource ids of the TaskManagers registered with the JobManager. */
    public List<String> taskManagerIds() {
        List<String> ids = new ArrayList<>();
        get("/taskmanagers")
                .path("taskmanagers")
                .forEach(tm -> ids.add(tm.path("id").asText()));
        return ids;
    }

    public JsonNode get(String path) {
        return call(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .GET());
    }

    public JsonNode post(String path, JsonNode body, Duration timeout) {
        return call(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private void awaitJob(String jobId, Duration timeout, String what, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode job = get("/jobs/" + jobId);
        while (!condition.test(job)) {
            String state = job.path("state").asText();
            if (TERMINAL.contains(state) && !condition.test(job)) {
                throw new IllegalStateException(
                        "job " + jobId + " is " + state + ", never " + what + "; " + exceptions(jobId));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("job " + jobId + " not " + what + " within " + timeout + " (state "
                        + state + "); " + exceptions(jobId));
            }
            pause();
            job = get("/jobs/" + jobId);
        }
    }

    private JsonNode call(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = send(request);
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(built.method() + " " + built.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " failed: " + e.getMessage(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static boolean allMatch(JsonNode array, Predicate<JsonNode> predicate) {
        for (JsonNode element : array) {
            if (!predicate.test(element)) {
                return false;
            }
        }
        return true;
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Flink", e);
        }
    }
}
