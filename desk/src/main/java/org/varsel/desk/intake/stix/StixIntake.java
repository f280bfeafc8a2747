package org.varsel.desk.intake.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.varsel.contract.Json;
import org.varsel.desk.intake.BulkIntake;
import org.varsel.desk.intake.IntakeOutcome;
import org.varsel.desk.intake.SignalIntake;

/** Takes a STIX 2.1 bundle: its mapped objects through {@link SignalIntake}, the rest reported as skipped. */
public final class StixIntake {
    private static final int CHUNK = 500;

    private final SignalIntake intake;

    public StixIntake(SignalIntake intake) {
        this.intake = intake;
    }

    /** @throws IllegalArgumentException when the document is not a bundle */
    public Result take(String source, JsonNode bundle) throws SQLException {
        StixMapper.Mapping mapping = StixMapper.map(bundle);
        List<StixMapper.Candidate> candidates = mapping.candidates();
        List<IntakeOutcome> outcomes = new ArrayList<>();
        for (int from = 0; from < candidates.size(); from += CHUNK) {
            List<byte[]> bodies = candidates.subList(from, Math.min(candidates.size(), from + CHUNK)).stream()
                    .map(StixMapper.Candidate::body)
                    .toList();
            outcomes.addAll(intake.take(source, bodies));
        }
        return new Result(mapping, outcomes);
    }

    /** What became of each object of the bundle. */
    public record Result(StixMapper.Mapping mapping, List<IntakeOutcome> outcomes) {
        public boolean anyUnavailable() {
            return outcomes.stream().anyMatch(IntakeOutcome.Unavailable.class::isInstance);
        }

        /** {@code {"bundle", "accepted", "duplicates", "rejected", "skipped", "objects": [...]}}. */
        public ObjectNode toJson() {
            ObjectNode body = Json.mapper().createObjectNode();
            body.put("bundle", mapping.bundleId());
            long accepted = outcomes.stream()
                    .filter(o -> o instanceof IntakeOutcome.Accepted a && !a.duplicate())
                    .count();
            long duplicates = outcomes.stream()
                    .filter(o -> o instanceof IntakeOutcome.Accepted a && a.duplicate())
                    .count();
            body.put("accepted", accepted);
            body.put("duplicates", duplicates);
            body.put(
                    "rejected",
                    outcomes.stream()
                            .filter(IntakeOutcome.Rejected.class::isInstance)
                            .count());
            body.put(
                    "unavailable",
                    outcomes.stream()
                            .filter(IntakeOutcome.Unavailable.class::isInstance)
                            .count());
            body.put("skipped", mapping.skipped().size());
            ArrayNode objects = body.putArray("objects");
            for (int i = 0; i < outcomes.size(); i++) {
                StixMapper.Candidate candidate = mapping.candidates().get(i);
                ObjectNode object =
                        objects.addObject().put("stix_id", candidate.stixId()).put("type", candidate.type());
                BulkIntake.describe(object, outcomes.get(i));
            }
            for (StixMapper.Skipped skipped : mapping.skipped()) {
                objects.addObject()
                        .put("stix_id", skipped.stixId())
                        .put("type", skipped.type())
                        .put("status", "skipped")
                        .put("reason", skipped.reason());
            }
            return body;
        }
    }
}
