package org.varsel.desk.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.varsel.contract.Json;

/**
 * A threat-to-life alert: which incident, when it was raised, how its webhook delivery stands ({@code pending},
 * {@code delivered}, {@code failed}) and who acknowledged it.
 */
public record Alert(
        String incidentId,
        String title,
        int severity,
        Instant raisedAt,
        String delivery,
        int attempts,
        Optional<Instant> acknowledgedAt,
        Optional<String> acknowledgedBy,
        List<Delivery> deliveries) {

    public Alert {
        deliveries = List.copyOf(deliveries);
    }

    /** The API's form: snake_case, absent fields left out. */
    public ObjectNode toJson() {
        ObjectNode json = Json.mapper().createObjectNode();
        json.put("incident_id", incidentId);
        json.put("title", title);
        json.put("severity", severity);
        json.put("raised_at", raisedAt.toString());
        json.put("delivery", delivery);
        json.put("attempts", attempts);
        acknowledgedAt.ifPresent(at -> json.put("acknowledged_at", at.toString()));
        acknowledgedBy.ifPresent(by -> json.put("acknowledged_by", by));
        ArrayNode attempted = json.putArray("deliveries");
        for (Delivery d : deliveries) {
            ObjectNode item = attempted.addObject();
            item.put("attempt", d.attempt());
            item.put("attempted_at", d.attemptedAt().toString());
            d.statusCode().ifPresent(code -> item.put("status_code", code));
            d.error().ifPresent(error -> item.put("error", error));
            item.put("delivered", d.delivered());
        }
        return json;
    }

    Alert withDeliveries(List<Delivery> attempts) {
        return new Alert(
                incidentId,
                title,
                severity,
                raisedAt,
                delivery,
                this.attempts,
                acknowledgedAt,
                acknowledgedBy,
                attempts);
    }
}
