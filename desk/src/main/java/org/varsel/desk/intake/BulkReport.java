package org.varsel.desk.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;
import org.varsel.contract.Json;

/** The counts of a bulk intake, and where and why it stopped early, if it did. */
public record BulkReport(
        long lines, long accepted, long duplicates, long rejected, long unavailable, Optional<Stop> stop) {

    /** Why a bulk intake did not reach the end. */
    public enum StopKind {
        /** The input cannot be read past a line (broken CSV, invalid UTF-8 in CSV). */
        UNREADABLE,
        /** The body went past the size limit. */
        TOO_LARGE,
        /** Kafka or the database could not take signals; send again from that line. */
        UNAVAILABLE
    }

    /** The line intake stopped at, and why. */
    public record Stop(long line, StopKind kind, String reason) {}

    public boolean complete() {
        return stop.isEmpty();
    }

    /** The counts as JSON: {@code lines, accepted, duplicates, rejected, unavailable, complete, stopped?}. */
    public ObjectNode toJson() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("lines", lines);
        node.put("accepted", accepted);
        node.put("duplicates", duplicates);
        node.put("rejected", rejected);
        node.put("unavailable", unavailable);
        node.put("complete", complete());
        stop.ifPresent(s -> node.putObject("stopped")
                .put("line", s.line())
                .put("kind", s.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .put("reason", s.reason()));
        return node;
    }
}
