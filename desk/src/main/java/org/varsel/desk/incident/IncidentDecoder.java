package org.varsel.desk.incident;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.varsel.contract.ContractSchemas;
import org.varsel.contract.Incident;
import org.varsel.contract.Json;

/** Turns the bytes of a {@code varsel.incidents} record into an incident, or says why it cannot. */
final class IncidentDecoder {
    private static final int MAX_REASON_VIOLATIONS = 5;

    private IncidentDecoder() {}

    /** What became of one record. */
    sealed interface Decoded {
        record Accepted(Incident incident) implements Decoded {}

        record Refused(String reason) implements Decoded {}
    }

    static Decoded decode(byte[] value) {
        if (value == null || value.length == 0) {
            return new Decoded.Refused("empty record");
        }
        JsonNode document;
        try {
            document = Json.mapper().readTree(value);
        } catch (IOException e) {
            return new Decoded.Refused("malformed JSON: " + firstLine(e.getMessage()));
        }
        if (document == null || !document.isObject()) {
            return new Decoded.Refused("not a JSON object");
        }
        List<String> violations = ContractSchemas.INCIDENT_V1.violations(document);
        if (!violations.isEmpty()) {
            return new Decoded.Refused("not a valid incident.v1: "
                    + String.join("; ", violations.subList(0, Math.min(violations.size(), MAX_REASON_VIOLATIONS)))
                    + (violations.size() > MAX_REASON_VIOLATIONS ? "; ..." : ""));
        }
        try {
            return new Decoded.Accepted(Json.mapper().treeToValue(document, Incident.class));
        } catch (IOException | IllegalArgumentException e) {
            return new Decoded.Refused("cannot read incident.v1: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no detail)";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
