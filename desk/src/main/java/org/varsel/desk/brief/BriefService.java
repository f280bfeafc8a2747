package org.varsel.desk.brief;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.varsel.contract.Incident;
import org.varsel.contract.Json;
import org.varsel.contract.SignalCodec;
import org.varsel.desk.brief.model.Audience;
import org.varsel.desk.brief.model.Brief;
import org.varsel.desk.brief.model.BriefFormat;
import org.varsel.desk.brief.model.Track;
import org.varsel.desk.brief.render.BriefRenderer;
import org.varsel.desk.brief.render.HtmlBrief;
import org.varsel.desk.brief.render.JsonBrief;
import org.varsel.desk.brief.render.MarkdownBrief;
import org.varsel.desk.brief.render.PdfBrief;
import org.varsel.desk.brief.render.StixBrief;
import org.varsel.desk.brief.report.TransparencyReport;
import org.varsel.desk.brief.store.BriefAudit;
import org.varsel.desk.brief.store.BriefStore;
import org.varsel.desk.brief.store.IssuedBriefRecord;
import org.varsel.desk.brief.store.PlatformResponse;
import org.varsel.desk.brief.store.ResponseAction;
import org.varsel.desk.http.Problem;
import org.varsel.desk.incident.IncidentStore;
import org.varsel.desk.incident.QueuedIncident;
import org.varsel.desk.incident.Visibility;

/** Produces briefs: finds the incidents and the audience, composes, renders, hashes and records each one. */
public final class BriefService {
    /** The most incidents one platform brief covers (the most urgent first). */
    public static final int MAX_PLATFORM_INCIDENTS = 100;

    private final BriefSettings settings;
    private final BriefComposer composer;
    private final IncidentStore incidents;
    private final BriefStore store;
    private final BriefAudit audit;
    private final Clock clock;
    private final Map<BriefFormat, BriefRenderer> renderers = new EnumMap<>(BriefFormat.class);

    public BriefService(
            BriefSettings settings, IncidentStore incidents, BriefStore store, BriefAudit audit, Clock clock) {
        this.settings = settings;
        this.composer = new BriefComposer(settings);
        this.incidents = incidents;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        renderers.put(BriefFormat.MD, new MarkdownBrief());
        renderers.put(BriefFormat.HTML, new HtmlBrief());
        renderers.put(BriefFormat.PDF, new PdfBrief());
        renderers.put(BriefFormat.JSON, new JsonBrief());
        renderers.put(BriefFormat.STIX, new StixBrief());
    }

    /**
     * A produced brief: its record (id, SHA-256, ...), its bytes, and the incidents left out of it with why.
     */
    public record IssuedBrief(IssuedBriefRecord record, byte[] bytes, Map<String, String> skipped) {}

    /** A brief about one incident. Without an audience, the incident's platform if it has exactly one. */
    public IssuedBrief forIncident(
            String incidentId, BriefFormat format, Track track, Optional<String> audienceLabel, String createdBy)
            throws SQLException {
        Incident incident = incident(incidentId).orElseThrow(() -> Problem.notFound("no such incident"));
        String label = audienceLabel.orElseGet(() -> {
            if (incident.platforms().size() != 1) {
                throw Problem.badRequest("say who the brief is for: audience=platform:<name> or partner:<id>");
            }
            return "platform:" + incident.platforms().get(0);
        });
        return issue(List.of(incident), format, track, audience(label), createdBy);
    }

    /** One brief with every escalated incident seen on a platform. */
    public IssuedBrief forPlatform(String platform, BriefFormat format, Track track, String createdBy)
            throws SQLException {
        Audience audience = audience("platform:" + platform);
        List<Incident> escalated = new ArrayList<>();
        for (String id : incidents.escalatedOn(platform, MAX_PLATFORM_INCIDENTS)) {
            incident(id).ifPresent(escalated::add);
        }
        if (escalated.isEmpty()) {
            throw Problem.notFound("no escalated incidents on " + platform);
        }
        return issue(escalated, format, track, audience, createdBy);
    }

    public Optional<IssuedBriefRecord> find(String briefId) throws SQLException {
        return store.find(briefId);
    }

    public List<PlatformResponse> responses(String briefId) throws SQLException {
        return store.responses(briefId);
    }

    /** Records the platform's answer about one of the brief's URLs. */
    public PlatformResponse respond(
            String briefId, String url, ResponseAction action, Instant respondedAt, String recordedBy)
            throws SQLException {
        IssuedBriefRecord brief = store.find(briefId).orElseThrow(() -> Problem.notFound("no such brief"));
        if (!brief.urls().contains(url)) {
            throw Problem.unprocessable("url is not one that brief " + briefId + " reported");
        }
        if (respondedAt.isAfter(clock.instant().plusSeconds(300))) {
            throw Problem.badRequest("responded_at is in the future");
        }
        if (respondedAt.isBefore(SignalCodec.EARLIEST)) {
            throw Problem.badRequest("responded_at is before " + SignalCodec.EARLIEST + ": a typo or an epoch zero");
        }
        return store.respond(briefId, url, action, respondedAt, recordedBy);
    }

    public TransparencyReport transparency(Instant from, Instant to) throws SQLException {
        return TransparencyReport.of(from, to, store.noticedUrls(from, to));
    }

    private IssuedBrief issue(
            List<Incident> covered, BriefFormat format, Track track, Audience audience, String createdBy)
            throws SQLException {
        String id = "brf-" + UUID.randomUUID();
        Instant now = clock.instant();
        BriefComposer.Outcome outcome;
        try {
            outcome = composer.compose(new BriefComposer.Request(id, now, track, audience, covered));
        } catch (BriefRefused refused) {
            throw Problem.unprocessable("the desk will not brief " + audience.label() + ": " + refused.getMessage());
        }
        Brief brief = outcome.brief();
        byte[] bytes = renderers.get(format).render(brief);
        IssuedBriefRecord record = new IssuedBriefRecord(
                id,
                brief.incidents().stream().map(Brief.Incident::id).toList(),
                sha256(bytes),
                format,
                track,
                audience.label(),
                audience.platform(),
                brief.marking(),
                brief.categories(),
                brief.urls(),
                bytes.length,
                createdBy,
                now);
        audit.issued(record);
        return new IssuedBrief(record, bytes, outcome.skipped());
    }

    private Audience audience(String label) throws SQLException {
        Audience.Reference reference = Audience.parse(label)
                .orElseThrow(() -> Problem.badRequest(
                        "audience must be platform:<name> or partner:<id> (lower case), was " + label));
        if (reference.kind() == Audience.Kind.PLATFORM) {
            return Audience.platform(reference.name(), settings.platformCeiling(reference.name()));
        }
        return Audience.partner(
                reference.name(),
                store.partnerCeiling(reference.name())
                        .orElseThrow(() -> Problem.badRequest("no active partner " + reference.name())));
    }

    private Optional<Incident> incident(String id) throws SQLException {
        Optional<QueuedIncident> queued = incidents.find(id, Visibility.all());
        if (queued.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().treeToValue(queued.get().payload(), Incident.class));
        } catch (JsonProcessingException e) {
            throw new SQLException("stored incident " + id + " is not incident.v1", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
