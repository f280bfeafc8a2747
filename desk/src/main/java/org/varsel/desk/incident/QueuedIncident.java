package org.varsel.desk.incident;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;

/**
 * An incident as the desk holds it: the latest pipeline update (payload, incident.v1 JSON) and the analysts' own state.
 */
public record QueuedIncident(
        String id,
        long version,
        IncidentStatus status,
        Optional<String> assignee,
        Instant receivedAt,
        Optional<Instant> statusChangedAt,
        ObjectNode payload) {

    /** The payload with the desk's fields added ({@code status}, {@code assignee}, {@code received_at}, ...). */
    public ObjectNode toJson() {
        ObjectNode json = payload.deepCopy();
        json.put("status", status.label());
        assignee.ifPresent(a -> json.put("assignee", a));
        json.put("received_at", receivedAt.toString());
        statusChangedAt.ifPresent(t -> json.put("status_changed_at", t.toString()));
        return json;
    }
}
