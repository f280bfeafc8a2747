package org.varsel.desk.retention;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.varsel.contract.settings.Settings;

/**
 * How long the desk keeps each class of data ({@code desk.retention.*}; docs/privacy.md has the reasons).
 *
 * @param evidence evidence signals (texts, authors, links) of incidents that are not kept
 * @param incidents incidents that nobody confirmed or escalated, after their last signal
 * @param confirmedIncidents confirmed or escalated incidents (or ones a brief went out for), after their last activity
 * @param receipts intake receipts of signals (unless a kept incident shows the signal)
 * @param deadLetters dead letters and rejected incident messages
 * @param audit audit events (unless they belong to a kept incident)
 * @param pipelineState how long the pipeline's state can keep a person's posts (its {@code pipeline.incidents.state-ttl}):
 *     the erasure register counts that store done this long after a request
 */
public record RetentionConfig(
        boolean enabled,
        Duration interval,
        Duration evidence,
        Duration incidents,
        Duration confirmedIncidents,
        Duration receipts,
        Duration deadLetters,
        Duration audit,
        Duration pipelineState) {
    public static final String PREFIX = "desk.retention.";
    public static final String ENABLED = PREFIX + "enabled";
    public static final String INTERVAL = PREFIX + "interval";
    public static final String EVIDENCE = PREFIX + "evidence";
    public static final String INCIDENTS = PREFIX + "incidents";
    public static final String CONFIRMED_INCIDENTS = PREFIX + "confirmed-incidents";
    public static final String RECEIPTS = PREFIX + "receipts";
    public static final String DEAD_LETTERS = PREFIX + "dead-letters";
    public static final String AUDIT = PREFIX + "audit";
    public static final String PIPELINE_STATE = PREFIX + "pipeline-state";

    /** Every retention key and its default. */
    public static final Map<String, String> DEFAULTS = defaultValues();

    private static Map<String, String> defaultValues() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(ENABLED, "true");
        d.put(INTERVAL, "PT1H");
        d.put(EVIDENCE, "P30D");
        d.put(INCIDENTS, "P90D");
        d.put(CONFIRMED_INCIDENTS, "P730D");
        d.put(RECEIPTS, "P30D");
        d.put(DEAD_LETTERS, "P30D");
        d.put(AUDIT, "P1095D");
        d.put(PIPELINE_STATE, "P2D");
        return Map.copyOf(d);
    }

    public RetentionConfig {
        for (Duration d : List.of(
                interval, evidence, incidents, confirmedIncidents, receipts, deadLetters, audit, pipelineState)) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("desk.retention.* periods must be positive");
            }
        }
        if (evidence.compareTo(incidents) > 0) {
            throw new IllegalArgumentException(EVIDENCE + " must not exceed " + INCIDENTS);
        }
        if (incidents.compareTo(confirmedIncidents) > 0) {
            throw new IllegalArgumentException(INCIDENTS + " must not exceed " + CONFIRMED_INCIDENTS);
        }
    }

    /** The retention keys among the desk's settings. */
    public static RetentionConfig from(Settings settings) {
        return new RetentionConfig(
                settings.flag(ENABLED),
                settings.duration(INTERVAL),
                settings.duration(EVIDENCE),
                settings.duration(INCIDENTS),
                settings.duration(CONFIRMED_INCIDENTS),
                settings.duration(RECEIPTS),
                settings.duration(DEAD_LETTERS),
                settings.duration(AUDIT),
                settings.duration(PIPELINE_STATE));
    }
}
