package org.varsel.desk.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.varsel.desk.audit.AuditEvent;
import org.varsel.desk.triage.Revision;

/**
 * An incident's history as an analyst reads it: one line per pipeline version and per person's action, oldest first,
 * each saying when, who, what and why in words. The audit log keeps the exact before/after state; the page does not
 * show it as JSON.
 */
final class IncidentHistory {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final int QUOTED_COMMENT = 140;

    /** One line of the history. {@code why} is the reason given, or empty. */
    record Line(Instant at, String when, String who, String what, String why) {}

    private IncidentHistory() {}

    static List<Line> inWords(List<Revision> revisions, List<AuditEvent> events) {
        List<Line> lines = new ArrayList<>();
        for (Revision revision : revisions) {
            lines.add(line(
                    revision.storedAt(),
                    "pipeline",
                    "stored version " + revision.version() + ": tier " + revision.tier() + ", severity "
                            + revision.severity() + ", " + revision.signalCount() + " signals",
                    ""));
        }
        for (AuditEvent event : events) {
            JsonNode before = event.before().orElse(null);
            JsonNode after = event.after().orElse(null);
            lines.add(line(event.at(), event.actor(), what(event.action(), before, after), why(event.action(), after)));
        }
        lines.sort(Comparator.comparing(Line::at));
        return lines;
    }

    /** One person's action as a sentence: "bob moved it from triaging to dismissed because “satire” at 2026-…". */
    static String sentence(AuditEvent event) {
        JsonNode after = event.after().orElse(null);
        String why = why(event.action(), after);
        return event.actor() + " " + what(event.action(), event.before().orElse(null), after)
                + (why.isEmpty() ? "" : " because “" + why + "”") + " at " + WHEN.format(event.at());
    }

    private static Line line(Instant at, String who, String what, String why) {
        return new Line(at, WHEN.format(at), who, what, why);
    }

    private static String what(String action, JsonNode before, JsonNode after) {
        if (action.startsWith("case.")) {
            return "recorded that the case with " + text(after, "platform") + " is "
                    + action.substring("case.".length())
                    + (text(after, "outcome").isEmpty() ? "" : " (" + text(after, "outcome") + ")");
        }
        return switch (action) {
            case "status" -> "moved it from " + text(before, "status") + " to " + text(after, "status");
            case "assign" ->
                text(after, "assignee").isEmpty()
                        ? "unassigned it"
                                + (text(before, "assignee").isEmpty() ? "" : " from " + text(before, "assignee"))
                        : "assigned it to " + text(after, "assignee");
            case "comment" -> "commented: “" + abbreviate(text(after, "body")) + "”";
            case "brief.exported" ->
                "produced a " + text(after, "track") + " brief (" + text(after, "format") + ") for "
                        + text(after, "audience") + ", marked TLP:" + text(after, "tlp");
            case "brief.sent" ->
                "marked the " + text(after, "track") + " brief sent to " + text(after, "platform")
                        + ", opening or joining its case";
            case "alert-acknowledged" -> "acknowledged the threat-to-life alert";
            default -> action.replace('-', ' ').replace('.', ' ');
        };
    }

    private static String why(String action, JsonNode after) {
        return action.equals("status") ? text(after, "reason") : "";
    }

    private static String text(JsonNode node, String field) {
        return node == null || !node.path(field).isTextual()
                ? ""
                : node.path(field).asText();
    }

    private static String abbreviate(String body) {
        return body.length() <= QUOTED_COMMENT ? body : body.substring(0, QUOTED_COMMENT - 1) + "…";
    }
}
