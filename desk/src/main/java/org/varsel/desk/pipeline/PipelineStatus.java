package org.varsel.desk.pipeline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.varsel.contract.Json;

/**
 * The pipeline at its last look: what {@code /healthz} and the desk's status block show.
 *
 * @param job the Flink job state in lower case ({@code running}, {@code restarting}, {@code failed}, {@code canceled},
 *     ...), or {@code not-found} (no job of that name), {@code unreachable} (no answer from the REST API),
 *     {@code unknown} (not looked yet), {@code not-watched}
 * @param restartsLastHour failures the job restarted from within the last hour (its exception history)
 * @param lastFailure the newest failure's exception, if any
 * @param rawLag records on the raw topic past the pipeline group's committed offsets
 * @param lagStalled a lag that has not shrunk by any committed progress for the configured stall time
 * @param lastIncidentUpdate when the desk last stored an incident update
 * @param notYetAnalysed signals intake acknowledged whose records lie at or past the committed offsets
 */
public record PipelineStatus(
        String job,
        Optional<String> jobId,
        int restartsLastHour,
        Optional<String> lastFailure,
        OptionalLong rawLag,
        boolean lagStalled,
        Optional<Instant> lastIncidentUpdate,
        OptionalLong notYetAnalysed,
        Optional<Instant> checkedAt) {

    public static final String RUNNING = "running";
    public static final String NOT_WATCHED = "not-watched";

    static PipelineStatus notWatched() {
        return nothingYet(NOT_WATCHED);
    }

    static PipelineStatus nothingYet(String job) {
        return new PipelineStatus(
                job,
                Optional.empty(),
                0,
                Optional.empty(),
                OptionalLong.empty(),
                false,
                Optional.empty(),
                OptionalLong.empty(),
                Optional.empty());
    }

    /** Why the pipeline is not doing its work, if it is not: a job that does not run, or a lag it does not work off. */
    public Optional<String> problem() {
        if (job.equals(NOT_WATCHED)) {
            return Optional.empty();
        }
        if (!job.equals(RUNNING)) {
            return Optional.of("the pipeline job is " + job
                    + lastFailure.map(f -> " (last failure: " + f + ")").orElse(""));
        }
        if (lagStalled) {
            return Optional.of("the pipeline has made no progress on a lag of " + rawLag.orElse(0) + " raw signals");
        }
        return Optional.empty();
    }

    /** For the desk's status block: the JSON members plus whether all is well and, if not, why. */
    public Map<String, Object> toView() {
        Map<String, Object> view =
                new HashMap<>(Json.mapper().convertValue(toJson(), new TypeReference<Map<String, Object>>() {}));
        view.put("healthy", problem().isEmpty());
        view.put("problem", problem().orElse(""));
        return view;
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("job", job);
        jobId.ifPresent(id -> node.put("job_id", id));
        node.put("restarts_last_hour", restartsLastHour);
        lastFailure.ifPresent(f -> node.put("last_failure", f));
        if (rawLag.isPresent()) {
            node.put("raw_lag", rawLag.getAsLong());
        } else {
            node.putNull("raw_lag");
        }
        node.put("lag_stalled", lagStalled);
        node.put(
                "last_incident_update",
                lastIncidentUpdate.map(Instant::toString).orElse(null));
        if (notYetAnalysed.isPresent()) {
            node.put("not_yet_analysed", notYetAnalysed.getAsLong());
        } else {
            node.putNull("not_yet_analysed");
        }
        node.put("checked_at", checkedAt.map(Instant::toString).orElse(null));
        return node;
    }
}
