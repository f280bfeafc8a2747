package org.varsel.contract;

import java.util.List;

/** The Kafka topics that couple the deployables; nothing else does. */
public final class Topics {
    public static final String SIGNALS_RAW = "varsel.signals.raw";
    public static final String SIGNALS_DLQ = "varsel.signals.dlq";
    public static final String INCIDENTS = "varsel.incidents";
    public static final String RULES = "varsel.rules";
    public static final String SHADOW_HITS = "varsel.rules.shadow-hits";
    public static final String FEEDBACK = "varsel.feedback";
    /** The pipeline's per-rule precision and shadow proposals, from the verdicts it reads on {@link #FEEDBACK}. */
    public static final String RULE_PRECISION = "varsel.rules.precision";
    /** CSAM-labelled signals, URL and metadata only, for the national hotline (docs/child-safety.md). */
    public static final String HOTLINE = "varsel.hotline";

    /**
     * Every topic the pipeline job reads or writes, under its default name. The demo, {@code replay}, {@code bench} and the
     * job's start-up check all go by this list (through {@code PipelineSettings.topics()}, which applies configured names).
     */
    public static final List<String> PIPELINE =
            List.of(SIGNALS_RAW, SIGNALS_DLQ, INCIDENTS, RULES, SHADOW_HITS, HOTLINE, FEEDBACK, RULE_PRECISION);
    /** Every topic of the system (the pipeline now reads the desk's feedback too); deploy/k8s/kafka-topics.yaml declares exactly these. */
    public static final List<String> ALL = PIPELINE;

    private Topics() {}
}
