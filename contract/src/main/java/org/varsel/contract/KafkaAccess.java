package org.varsel.contract;

import java.util.List;

/**
 * What one Kafka principal of the system may do, and nothing more: the ACLs the demo broker creates and the production
 * manifests declare (deploy/k8s/kafka-users.yaml). Reading or writing a topic implies describing it; every writer may
 * write idempotently.
 *
 * @param user the SASL username ({@code User:<user>} principal)
 * @param reads topics it consumes
 * @param writes topics it produces to
 * @param describes topics it only looks at (offsets, partitions)
 * @param configReads topics whose configuration it reads (retention and clean-up policy: when a person's records are
 *     gone, for the erasure register)
 * @param groupPrefixes consumer groups it joins and commits in, by prefix
 * @param describedGroups consumer groups of others whose committed offsets it reads
 * @param transactionalIdPrefixes transactional ids of its exactly-once producers, by prefix
 */
public record KafkaAccess(
        String user,
        List<String> reads,
        List<String> writes,
        List<String> describes,
        List<String> configReads,
        List<String> groupPrefixes,
        List<String> describedGroups,
        List<String> transactionalIdPrefixes) {

    /** The desk's intake: partners' signals go to the raw topic, nothing else. */
    public static final String INTAKE = "varsel-intake";
    /** The Flink job: raw signals and rule packs in, incidents and the rest out, in transactions. */
    public static final String PIPELINE = "varsel-pipeline";
    /** Rule authors' tools ({@code varsel rules push}, {@code rules backtest --from-topic}): rule packs out, raw signals in. */
    public static final String RULES = "varsel-rules";
    /** The desk: incidents, dead letters and the hotline track in, analysts' feedback out; watches the pipeline's lag. */
    public static final String DESK = "varsel-desk";

    public KafkaAccess {
        reads = List.copyOf(reads);
        writes = List.copyOf(writes);
        describes = List.copyOf(describes);
        configReads = List.copyOf(configReads);
        groupPrefixes = List.copyOf(groupPrefixes);
        describedGroups = List.copyOf(describedGroups);
        transactionalIdPrefixes = List.copyOf(transactionalIdPrefixes);
    }

    /**
     * The four principals under the default topic names, consumer groups ({@code varsel-pipeline}, {@code varsel-desk})
     * and transactional-id prefix ({@code varsel-pipeline}).
     */
    public static List<KafkaAccess> standard() {
        return List.of(
                new KafkaAccess(
                        INTAKE,
                        List.of(),
                        List.of(Topics.SIGNALS_RAW),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of()),
                new KafkaAccess(
                        PIPELINE,
                        List.of(Topics.SIGNALS_RAW, Topics.RULES, Topics.FEEDBACK),
                        List.of(
                                Topics.SIGNALS_DLQ,
                                Topics.INCIDENTS,
                                Topics.SHADOW_HITS,
                                Topics.HOTLINE,
                                Topics.RULE_PRECISION),
                        List.of(),
                        List.of(),
                        List.of("varsel-pipeline"),
                        List.of(),
                        List.of("varsel-pipeline")),
                new KafkaAccess(
                        DESK,
                        List.of(Topics.INCIDENTS, Topics.SIGNALS_DLQ, Topics.HOTLINE, Topics.RULE_PRECISION),
                        List.of(Topics.FEEDBACK),
                        List.of(Topics.SIGNALS_RAW, Topics.SHADOW_HITS),
                        List.of(
                                Topics.SIGNALS_RAW,
                                Topics.SIGNALS_DLQ,
                                Topics.INCIDENTS,
                                Topics.SHADOW_HITS,
                                Topics.HOTLINE),
                        List.of("varsel-desk"),
                        List.of("varsel-pipeline"),
                        List.of()),
                new KafkaAccess(
                        RULES,
                        List.of(Topics.SIGNALS_RAW),
                        List.of(Topics.RULES),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of()));
    }
}
