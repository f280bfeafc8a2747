package org.varsel.desk.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import org.varsel.contract.Json;

/** One recorded action: who did what, when, to which incident, and the state before and after. */
public record AuditEvent(
        long id,
        Instant at,
        String actor,
        String action,
        Optional<String> incidentId,
        Optional<JsonNode> before,
        Optional<JsonNode> after) {

    public ObjectNode toJson() {
        ObjectNode json = Json.mapper().createObjectNode();
        json.put("id", id);
        json.put("at", at.toString());
        json.put("actor", actor);
        json.put("action", action);
        incidentId.ifPresent(i -> json.put("incident_id", i));
        before.ifPresent(b -> json.set("before", b));
        after.ifPresent(a -> json.set("after", a));
        return json;
    }

    /** The before state as compact JSON, or empty text. */
    public String beforeText() {
        return before.map(JsonNode::toString).orElse("");
    }

    public String afterText() {
        return after.map(JsonNode::toString).orElse("");
    }
}
