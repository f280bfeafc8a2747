package org.varsel.desk.alert;

import java.time.Instant;
import java.util.Optional;

/** One attempt to deliver an alert to the webhook: the HTTP status it got, or why there was none. */
public record Delivery(
        int attempt, Instant attemptedAt, Optional<Integer> statusCode, Optional<String> error, boolean delivered) {

    static Delivery answered(int attempt, int statusCode) {
        boolean delivered = statusCode >= 200 && statusCode < 300;
        return new Delivery(
                attempt,
                Instant.now(),
                Optional.of(statusCode),
                delivered ? Optional.empty() : Optional.of("webhook answered HTTP " + statusCode),
                delivered);
    }

    static Delivery failed(int attempt, String error) {
        return new Delivery(attempt, Instant.now(), Optional.empty(), Optional.of(error), false);
    }
}
