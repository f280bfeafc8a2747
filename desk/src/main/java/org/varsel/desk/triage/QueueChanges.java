package org.varsel.desk.triage;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.varsel.desk.audit.AuditEvent;
import org.varsel.desk.audit.AuditLog;
import org.varsel.desk.incident.IncidentStore;

/**
 * Whether the queue changed since a page was drawn, cheaply enough to ask every few seconds: the newest person's
 * action on an incident and the newest pipeline update, as one opaque stamp.
 */
public final class QueueChanges {
    private static final Pattern TOKEN = Pattern.compile("(\\d{1,18})\\.(\\d{1,18})");
    private static final int EVENTS = 50;

    private final AuditLog audit;
    private final IncidentStore incidents;

    public QueueChanges(AuditLog audit, IncidentStore incidents) {
        this.audit = audit;
        this.incidents = incidents;
    }

    /** Where the queue stands: the newest incident event id and the newest store time. */
    public record Stamp(long eventId, long storedMicros) {
        public String token() {
            return eventId + "." + storedMicros;
        }

        /** The stamp a client sent back; empty when it is not one this desk made. */
        public static Optional<Stamp> parse(String token) {
            Matcher m = TOKEN.matcher(token == null ? "" : token);
            return m.matches()
                    ? Optional.of(new Stamp(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))))
                    : Optional.empty();
        }
    }

    /** The stamp now, whether anything changed since {@code since}, and people's actions since then (newest first). */
    public record Answer(Stamp now, boolean changed, List<AuditEvent> events) {}

    public Answer since(Optional<Stamp> since) throws SQLException {
        long storedMicros = incidents
                .lastStored()
                .map(at -> at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000)
                .orElse(0L);
        Stamp now = new Stamp(audit.latestIncidentEventId(), storedMicros);
        if (since.isEmpty()) {
            return new Answer(now, false, List.of());
        }
        boolean changed = !now.equals(since.get());
        List<AuditEvent> events = now.eventId() > since.get().eventId()
                ? audit.incidentEventsAfter(since.get().eventId(), EVENTS)
                : List.of();
        return new Answer(now, changed, events);
    }
}
