package org.varsel.desk.triage;

import static org.varsel.desk.incident.IncidentStatus.CLOSED;
import static org.varsel.desk.incident.IncidentStatus.CONFIRMED;
import static org.varsel.desk.incident.IncidentStatus.DISMISSED;
import static org.varsel.desk.incident.IncidentStatus.ESCALATED;
import static org.varsel.desk.incident.IncidentStatus.NEW;
import static org.varsel.desk.incident.IncidentStatus.TRIAGING;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.varsel.desk.auth.Role;
import org.varsel.desk.incident.IncidentStatus;

/**
 * Which status changes are allowed, and for whom: new → triaging → confirmed | dismissed → escalated → closed.
 * Analysts move incidents forward; reopening a closed or dismissed incident is a lead's (or an admin's) call.
 */
public final class Workflow {
    private static final Map<IncidentStatus, Set<IncidentStatus>> FORWARD = Map.of(
            NEW, EnumSet.of(TRIAGING, DISMISSED),
            TRIAGING, EnumSet.of(CONFIRMED, DISMISSED),
            CONFIRMED, EnumSet.of(ESCALATED, CLOSED),
            DISMISSED, EnumSet.of(CLOSED),
            ESCALATED, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(IncidentStatus.class));
    private static final Map<IncidentStatus, Set<IncidentStatus>> REOPEN = Map.of(
            DISMISSED, EnumSet.of(TRIAGING),
            CLOSED, EnumSet.of(TRIAGING),
            CONFIRMED, EnumSet.of(TRIAGING));

    private Workflow() {}

    /** Why the change is refused, or empty when the role may make it. */
    public static Optional<String> refusal(IncidentStatus from, IncidentStatus to, Role role) {
        if (role == Role.PARTNER) {
            return Optional.of("partners do not triage");
        }
        if (FORWARD.get(from).contains(to)) {
            return Optional.empty();
        }
        if (REOPEN.getOrDefault(from, Set.of()).contains(to)) {
            return role == Role.ANALYST
                    ? Optional.of("only a lead or an admin may reopen a " + from.label() + " incident")
                    : Optional.empty();
        }
        return Optional.of("an incident cannot go from " + from.label() + " to " + to.label());
    }

    /** The statuses the role may move an incident in this status to (for the UI's buttons). */
    public static Set<IncidentStatus> next(IncidentStatus from, Role role) {
        Set<IncidentStatus> next = EnumSet.noneOf(IncidentStatus.class);
        for (IncidentStatus to : IncidentStatus.values()) {
            if (to != from && refusal(from, to, role).isEmpty()) {
                next.add(to);
            }
        }
        return next;
    }

    /** A dismissal needs a reason: it teaches detection what a false alarm looks like. */
    public static boolean needsReason(IncidentStatus to) {
        return to == DISMISSED;
    }

    /** A verdict on the incident, fed back to detection. */
    public static boolean isVerdict(IncidentStatus to) {
        return to == CONFIRMED || to == DISMISSED;
    }
}
