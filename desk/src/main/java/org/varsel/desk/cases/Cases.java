package org.varsel.desk.cases;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.varsel.contract.Json;
import org.varsel.contract.SignalCodec;
import org.varsel.desk.audit.AuditLog;
import org.varsel.desk.brief.store.BriefStore;
import org.varsel.desk.brief.store.IssuedBriefRecord;
import org.varsel.desk.brief.store.ResponseAction;
import org.varsel.desk.db.Database;
import org.varsel.desk.http.Problem;

/**
 * Opens and moves cases: a brief marked sent opens (or joins) the case of its incident and platform; each answer of
 * the platform moves the case on, in the order {@link CaseStatus#next()} allows. Every step is audited.
 */
public final class Cases {
    private static final int MAX_NOTE = 2000;

    private final Database database;
    private final CaseStore store;
    private final BriefStore briefs;
    private final AuditLog audit;
    private final Clock clock;

    public Cases(Database database, AuditLog audit, Clock clock) {
        this.database = database;
        this.store = new CaseStore(database);
        this.briefs = new BriefStore(database);
        this.audit = audit;
        this.clock = clock;
    }

    public CaseStore store() {
        return store;
    }

    /**
     * Records that a brief went to its platform: producing or downloading one is not sending it. The brief opens (or
     * joins) the case of each incident it covers with that platform; a brief is sent once. Returns the cases.
     */
    public List<NoticeCase> markSent(String briefId, String by) throws SQLException {
        IssuedBriefRecord brief = briefs.find(briefId).orElseThrow(() -> Problem.notFound("no such brief"));
        String platform = brief.platform()
                .orElseThrow(() -> Problem.unprocessable("brief " + briefId + " is for " + brief.audience()
                        + ": only notices to a platform are sent as cases"));
        Instant now = clock.instant();
        return database.inTransaction(connection -> {
            if (store.wasSent(connection, briefId)) {
                throw Problem.conflict("brief " + briefId + " was already marked sent");
            }
            List<NoticeCase> opened = new ArrayList<>();
            for (String incidentId : brief.incidentIds()) {
                NoticeCase joined = store.openForUpdate(connection, incidentId, platform, by, now);
                store.addEvent(connection, joined.id(), CaseStep.sent(briefId, now), by);
                audit.record(
                        connection,
                        by,
                        "brief.sent",
                        Optional.of(incidentId),
                        Optional.empty(),
                        Optional.of(auditEntry(joined.id(), platform)
                                .put("brief_id", briefId)
                                .put("track", brief.track().label())
                                .put("format", brief.format().label())
                                .put("sha256", brief.sha256())));
                opened.add(joined);
            }
            return opened;
        });
    }

    /**
     * Records the platform's answer. {@code outcome} is required exactly when the case is actioned; an acknowledgement or
     * a decision is also recorded against each URL the case reported, for the transparency report.
     */
    public NoticeCase record(
            String caseId,
            CaseStatus status,
            Optional<ResponseAction> outcome,
            Instant happenedAt,
            Optional<String> note,
            String by)
            throws SQLException {
        if ((status == CaseStatus.ACTIONED) != outcome.isPresent()) {
            throw Problem.badRequest(
                    status == CaseStatus.ACTIONED
                            ? "say what the platform did: outcome removed, restricted, labelled or no-action"
                            : "an outcome goes only with status actioned");
        }
        if (outcome.filter(o -> !o.isDecision()).isPresent()) {
            throw Problem.badRequest("outcome must be removed, restricted, labelled or no-action");
        }
        if (happenedAt.isAfter(clock.instant().plusSeconds(300))) {
            throw Problem.badRequest("the answer's date is in the future");
        }
        if (happenedAt.isBefore(SignalCodec.EARLIEST)) {
            throw Problem.badRequest(
                    "the answer's date is before " + SignalCodec.EARLIEST + ": a typo or an epoch zero");
        }
        Optional<String> cleanNote = note.map(String::strip).filter(n -> !n.isEmpty());
        if (cleanNote.filter(n -> n.length() > MAX_NOTE).isPresent()) {
            throw Problem.badRequest("a note is at most " + MAX_NOTE + " characters");
        }
        return database.inTransaction(connection -> {
            NoticeCase current =
                    store.findForUpdate(connection, caseId).orElseThrow(() -> Problem.notFound("no such case"));
            if (!current.status().next().contains(status)) {
                throw Problem.conflict("a case that is " + current.status().label() + " cannot become " + status.label()
                        + (current.status().next().isEmpty()
                                ? "; send a new notice to reopen it"
                                : "; it can become "
                                        + current.status().next().stream()
                                                .map(CaseStatus::label)
                                                .sorted()
                                                .toList()));
            }
            Instant now = clock.instant();
            Optional<ResponseAction> kept = status == CaseStatus.ACTIONED ? outcome : current.outcome();
            store.update(connection, caseId, status, kept, now);
            store.addEvent(connection, caseId, CaseStep.answer(status, outcome, cleanNote, happenedAt), by);
            if (status == CaseStatus.ACKNOWLEDGED) {
                store.respondToEverySentUrl(connection, caseId, ResponseAction.RECEIVED, happenedAt, by);
            }
            if (outcome.isPresent()) {
                store.respondToEverySentUrl(connection, caseId, outcome.get(), happenedAt, by);
            }
            ObjectNode after = auditEntry(caseId, current.platform()).put("status", status.label());
            outcome.ifPresent(o -> after.put("outcome", o.label()));
            audit.record(
                    connection,
                    by,
                    "case." + status.label(),
                    Optional.of(current.incidentId()),
                    Optional.of(auditEntry(caseId, current.platform())
                            .put("status", current.status().label())),
                    Optional.of(after));
            return new NoticeCase(
                    caseId,
                    current.incidentId(),
                    current.platform(),
                    status,
                    kept,
                    current.openedBy(),
                    current.openedAt(),
                    now);
        });
    }

    private static ObjectNode auditEntry(String caseId, String platform) {
        return Json.mapper().createObjectNode().put("case_id", caseId).put("platform", platform);
    }
}
