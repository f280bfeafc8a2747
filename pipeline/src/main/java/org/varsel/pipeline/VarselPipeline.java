package org.varsel.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.varsel.contract.DeadLetter;
import org.varsel.contract.Feedback;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.RulePrecisionUpdate;
import org.varsel.contract.Signal;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.campaign.CampaignChange;
import org.varsel.pipeline.campaign.CampaignIncidents;
import org.varsel.pipeline.campaign.Campaigns;
import org.varsel.pipeline.correlate.BaselineBursts;
import org.varsel.pipeline.correlate.BurstState;
import org.varsel.pipeline.correlate.CoordinatedAccounts;
import org.varsel.pipeline.correlate.CoordinationState;
import org.varsel.pipeline.correlate.CorrelationKeys;
import org.varsel.pipeline.correlate.CorrelationSettings;
import org.varsel.pipeline.correlate.EarlyWarningSettings;
import org.varsel.pipeline.correlate.EarlyWarnings;
import org.varsel.pipeline.correlate.FindingUpdate;
import org.varsel.pipeline.correlate.KeyedSignal;
import org.varsel.pipeline.correlate.SingleSignals;
import org.varsel.pipeline.correlate.TrendState;
import org.varsel.pipeline.feedback.DismissedContent;
import org.varsel.pipeline.feedback.FeedbackSettings;
import org.varsel.pipeline.feedback.RuleSighting;
import org.varsel.pipeline.feedback.RuleVerdict;
import org.varsel.pipeline.io.FeedbackRecord;
import org.varsel.pipeline.io.RawSignal;
import org.varsel.pipeline.io.RulePackUpdate;
import org.varsel.pipeline.io.ShadowHit;
import org.varsel.pipeline.operators.CampaignFunction;
import org.varsel.pipeline.operators.CampaignIncidentFunction;
import org.varsel.pipeline.operators.DetectorFunction;
import org.varsel.pipeline.operators.EnrichSignal;
import org.varsel.pipeline.operators.FirstSeenOnly;
import org.varsel.pipeline.operators.IncidentTypeInfo;
import org.varsel.pipeline.operators.KeySignals;
import org.varsel.pipeline.operators.MatchRules;
import org.varsel.pipeline.operators.ParseFeedback;
import org.varsel.pipeline.operators.ParseSignal;
import org.varsel.pipeline.operators.PseudonymiseAuthors;
import org.varsel.pipeline.operators.RawSignalEventTime;
import org.varsel.pipeline.operators.RulePrecisionFunction;
import org.varsel.pipeline.operators.SingleSignalIncidents;
import org.varsel.pipeline.operators.SuppressDismissedDuplicates;
import org.varsel.pipeline.operators.WatermarkAfterEveryRecord;
import org.varsel.pipeline.privacy.PrivacySettings;
import org.varsel.pipeline.rules.RulePack;
import org.varsel.pipeline.settings.PipelineSettings;

/**
 * The whole Varsel topology, top to bottom. Sources and sinks come in through the constructor: the job wires
 * Kafka ({@link PipelineJob}), tests wire whatever they need and run the same {@link #build}.
 */
public final class VarselPipeline {
    private static final TypeInformation<KeyedSignal> KEYED_SIGNAL = TypeInformation.of(KeyedSignal.class);
    /** Incidents between operators go by a serializer without reflection (campaigns list up to 100 findings). */
    private static final TypeInformation<Incident> INCIDENT = new IncidentTypeInfo();

    private static final TypeInformation<FindingUpdate> FINDING = TypeInformation.of(FindingUpdate.class);
    private static final String RAW_SIGNALS_ALIGNMENT_GROUP = "raw-signals";
    private static final Duration ALIGNMENT_UPDATE_INTERVAL = Duration.ofSeconds(1);
    /** How soon a quiet control input (rule packs, verdicts) stops counting for its operator's watermark (it has none to give). */
    private static final Duration CONTROL_INPUT_IDLE_AFTER = Duration.ofSeconds(1);

    /** Where the pipeline reads from; without {@code feedback} the loop stays open (no suppression, no rule precision). */
    public record Sources(
            Source<RawSignal, ?, ?> rawSignals,
            Source<RulePackUpdate, ?, ?> rulePacks,
            Source<FeedbackRecord, ?, ?> feedback) {
        public Sources(Source<RawSignal, ?, ?> rawSignals, Source<RulePackUpdate, ?, ?> rulePacks) {
            this(rawSignals, rulePacks, null);
        }
    }

    /** Where the pipeline writes to. */
    public record Sinks(
            Sink<Incident> incidents,
            Sink<DeadLetter> deadLetters,
            Sink<ShadowHit> shadowHits,
            Sink<Signal> hotline,
            Sink<RulePrecisionUpdate> rulePrecision) {
        /** Without a hotline sink: CSAM-labelled signals are then dropped after stripping (they never reach incidents). */
        public Sinks(Sink<Incident> incidents, Sink<DeadLetter> deadLetters, Sink<ShadowHit> shadowHits) {
            this(incidents, deadLetters, shadowHits, null, null);
        }

        public Sinks(
                Sink<Incident> incidents,
                Sink<DeadLetter> deadLetters,
                Sink<ShadowHit> shadowHits,
                Sink<Signal> hotline) {
            this(incidents, deadLetters, shadowHits, hotline, null);
        }
    }

    /** The incidents on their way out, after the desk's verdicts had their say, and the verdicts that could not be read. */
    private record ClosedLoop(DataStream<Incident> incidents, List<DataStream<DeadLetter>> deadLetters) {}

    private final Sources sources;
    private final Sinks sinks;
    private final RulePack initialRules;
    private final PipelineSettings settings;

    public VarselPipeline(Sources sources, Sinks sinks, RulePack initialRules, PipelineSettings settings) {
        this.sources = sources;
        this.sinks = sinks;
        this.initialRules = initialRules;
        this.settings = settings;
    }

    /** Checkpointing (exactly once), no Kryo fallback, object reuse, parallelism: the job-wide settings every run shares. */
    public static void configure(StreamExecutionEnvironment env, PipelineSettings settings) {
        Configuration config = new Configuration();
        // Every record type has a Flink serializer; a silent fallback to Kryo would be slow and fragile.
        config.set(PipelineOptions.GENERIC_TYPES, false);
        // A record passes down a chain as the same object, not a deep copy per operator (the analysed signal fanned out
        // to
        // seven consumers was copied seven times). Safe because every record is immutable and no operator changes what
        // it
        // is handed: ObjectReuseTest holds the whole topology to that.
        config.set(PipelineOptions.OBJECT_REUSE, true);
        env.configure(config);
        env.enableCheckpointing(settings.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        if (settings.parallelism() > 0) {
            env.setParallelism(settings.parallelism());
        }
    }

    public void build(StreamExecutionEnvironment env) {
        DataStream<RawSignal> raw =
                env.fromSource(sources.rawSignals(), eventTime(), "raw signals").uid("source-raw-signals");

        BroadcastStream<RulePackUpdate> rulePacks = env.fromSource(
                        sources.rulePacks(), carriesNoEventTime(), "rule packs")
                .uid("source-rule-packs")
                .setParallelism(1)
                .broadcast(MatchRules.LIVE_PACK);

        SingleOutputStreamOperator<Signal> parsed =
                raw.process(new ParseSignal()).uid("parse-signals").name("parse + validate");

        DataStream<Signal> signals = parsed.map(new PseudonymiseAuthors(privacy()), TypeInformation.of(Signal.class))
                .uid("pseudonymise")
                .name("pseudonymise authors (non-public accounts)")
                .keyBy(Signal::id, Types.STRING)
                .process(new FirstSeenOnly(settings.dedupeMemory()))
                .uid("dedupe")
                .name("drop replays (by signal id)");

        // a process function since it dead-letters a signal it cannot enrich; stateless, so its uid stays
        SingleOutputStreamOperator<AnalysedSignal> enriched =
                signals.process(new EnrichSignal()).uid("enrich").name("enrich: language, links, tags, classifier");
        SingleOutputStreamOperator<AnalysedSignal> analysed = enriched.connect(rulePacks)
                .process(new MatchRules(initialRules))
                .uid("match-rules")
                .name("match rules (live pack, hot reload)");

        CorrelationSettings correlation = settings.correlation();
        CorrelationKeys keys = new CorrelationKeys(correlation);
        SingleSignals single = SingleSignals.from(correlation);
        Duration ttl = correlation.stateTtl();
        // Detector uids end in -v2 since their state became head + member sets + waiting list (docs/operations.md,
        // Upgrading)

        // One incident per signal: a grave post a partner also assessed carries both reasons (it opened two before)
        SingleOutputStreamOperator<Incident> singleSignals = analysed.process(
                        new SingleSignalIncidents(single), INCIDENT)
                .uid("single-signals")
                .name("high-severity signals, partner assessments → incidents");

        // The keys read the user's text, links and tags: a signal whose keys throw is dead-lettered (KeySignals)
        SingleOutputStreamOperator<KeyedSignal> coSimilarTextKeys = keySignals(
                analysed,
                "co-similar text",
                signal -> keys.coSimilarText(signal).stream().toList(),
                "co-similar-text-keys",
                "co-similar text: MinHash content key");
        SingleOutputStreamOperator<KeyedSignal> coLinkKeys =
                keySignals(analysed, "co-link", keys::coLink, "co-link-keys", "co-link: canonical URL");
        SingleOutputStreamOperator<KeyedSignal> hashtagKeys =
                keySignals(analysed, "hashtag push", keys::hashtags, "hashtag-push-keys", "hashtag push: hashtag");
        SingleOutputStreamOperator<KeyedSignal> surgeKeys =
                keySignals(analysed, "surge", keys::surge, "surge-keys", "surge: category / target group");
        SingleOutputStreamOperator<KeyedSignal> earlyWarningKeys = keySignals(
                analysed,
                "early warning",
                keys::earlyWarning,
                "early-warning-keys",
                "early warning: target group / region");

        DataStream<FindingUpdate> coSimilarText = detect(
                        coSimilarTextKeys,
                        new DetectorFunction<>(
                                CoordinatedAccounts.coSimilarText(correlation), CoordinationState.class, ttl))
                .uid("co-similar-text-v2")
                .name("co-similar text → incidents");

        DataStream<FindingUpdate> coLink = detect(
                        coLinkKeys,
                        new DetectorFunction<>(CoordinatedAccounts.coLink(correlation), CoordinationState.class, ttl))
                .uid("co-link-v2")
                .name("co-link → incidents");

        DataStream<FindingUpdate> hashtagPush = detect(
                        hashtagKeys,
                        new DetectorFunction<>(BaselineBursts.hashtagPush(correlation), BurstState.class, ttl))
                .uid("hashtag-push-v2")
                .name("hashtag push → incidents");

        DataStream<FindingUpdate> surge = detect(
                        surgeKeys, new DetectorFunction<>(BaselineBursts.surge(correlation), BurstState.class, ttl))
                .uid("surge-v2")
                .name("surge → incidents");

        // Early warning: threats and dehumanisation per target group (and region) per day and per week, each period
        // length
        // its own operator with its own state; its incidents stand alone (a trend, not a coordinated campaign).
        DataStream<Incident> earlyWarnings = earlyWarnings(earlyWarningKeys);

        // One campaign, one incident: the detectors' findings are consolidated before the queue; high-severity signals
        // reach it at once on their own and are also listed in the campaign their account is in (docs/incidents.md).
        DataStream<Incident> campaigns = coSimilarText
                .union(
                        coLink,
                        hashtagPush,
                        surge,
                        singleSignals
                                .<FindingUpdate>flatMap(
                                        (incident, out) -> {
                                            if (incident.kind() == IncidentKind.HIGH_SEVERITY) {
                                                out.collect(FindingUpdate.ofSingleSignal(incident));
                                            }
                                        },
                                        FINDING)
                                .uid("high-severity-findings")
                                .name("high-severity signals → findings"))
                .keyBy(finding -> CampaignFunction.KEY, Types.STRING)
                .process(
                        new CampaignFunction(new Campaigns(settings.campaigns()), ttl, campaignHold()),
                        TypeInformation.of(CampaignChange.class))
                .uid("campaigns")
                .name("findings → campaigns (one incident per campaign)")
                // consolidation has one key; building each campaign's incident from its findings runs per campaign
                .keyBy(CampaignChange::campaignId, Types.STRING)
                // news at once, churn once per emit interval; live, a held version waits at most that long for the
                // watermark
                .process(
                        new CampaignIncidentFunction(
                                new CampaignIncidents(settings.campaigns()),
                                ttl,
                                campaignHold().isZero()
                                        ? Duration.ZERO
                                        : settings.campaigns().emitInterval()),
                        INCIDENT)
                .uid("campaign-incidents")
                .name("campaign changes → campaign incidents");

        ClosedLoop loop = closeFeedbackLoop(env, analysed, singleSignals.union(campaigns));

        // Early warnings join after suppression: a rising trend is no repeat of a dismissed incident's text
        loop.incidents()
                .union(earlyWarnings)
                .sinkTo(sinks.incidents())
                .uid("sink-incidents")
                .name("incidents → " + settings.incidentTopic());

        analysed.getSideOutput(MatchRules.SHADOW_HITS)
                .sinkTo(sinks.shadowHits())
                .uid("sink-shadow-hits")
                .name("shadow hits → " + settings.shadowHitTopic());

        // CSAM-labelled signals, stripped to URL and metadata, go to the hotline track only (docs/child-safety.md)
        if (sinks.hotline() != null) {
            parsed.getSideOutput(ParseSignal.HOTLINE)
                    .sinkTo(sinks.hotline())
                    .uid("sink-hotline")
                    .name("csam: url + metadata → " + settings.hotlineTopic());
        }

        DataStream<DeadLetter> deadLetters = parsed.getSideOutput(ParseSignal.DEAD_LETTERS)
                .union(
                        enriched.getSideOutput(EnrichSignal.UNENRICHED_SIGNALS),
                        analysed.getSideOutput(MatchRules.REFUSED_PACKS),
                        analysed.getSideOutput(MatchRules.UNMATCHED_SIGNALS),
                        singleSignals.getSideOutput(SingleSignalIncidents.SIGNALS_WITHOUT_INCIDENT));
        for (SingleOutputStreamOperator<KeyedSignal> keyed :
                List.of(coSimilarTextKeys, coLinkKeys, hashtagKeys, surgeKeys, earlyWarningKeys)) {
            deadLetters = deadLetters.union(keyed.getSideOutput(KeySignals.UNKEYED_SIGNALS));
        }
        for (DataStream<DeadLetter> more : loop.deadLetters()) {
            deadLetters = deadLetters.union(more);
        }
        deadLetters
                .sinkTo(sinks.deadLetters())
                .uid("sink-dead-letters")
                .name("dead letters → " + settings.deadLetterTopic());
    }

    /** One detector's keys of the analysed signals ({@link KeySignals}: a signal whose keys throw is dead-lettered). */
    private static SingleOutputStreamOperator<KeyedSignal> keySignals(
            DataStream<AnalysedSignal> analysed, String detector, KeySignals.Keying keying, String uid, String name) {
        return analysed.process(new KeySignals(detector, keying), KEYED_SIGNAL)
                .uid(uid)
                .name(name);
    }

    /** A detector's step: its signals keyed by their key, each key's state in the detector (uid and name: the caller's). */
    private static SingleOutputStreamOperator<FindingUpdate> detect(
            DataStream<KeyedSignal> keyed, DetectorFunction<?> detector) {
        return keyed.keyBy(KeyedSignal::key, Types.STRING).transform("detector", FINDING, detector.operator());
    }

    /** One early-warning operator per configured period (uid {@code early-warning-p1d}, {@code early-warning-p7d}). */
    private DataStream<Incident> earlyWarnings(DataStream<KeyedSignal> keyed) {
        EarlyWarningSettings warning = settings.earlyWarning();
        DataStream<Incident> warnings = null;
        for (Duration period : warning.periods()) {
            String label = EarlyWarningSettings.label(period).toLowerCase(Locale.ROOT);
            DataStream<Incident> perPeriod = detect(
                            keyed,
                            new DetectorFunction<>(
                                    new EarlyWarnings(warning, period), TrendState.class, warning.stateTtl(period)))
                    .uid("early-warning-" + label)
                    .name("early warning per " + EarlyWarningSettings.label(period) + " → incidents")
                    .map(FindingUpdate::incident, INCIDENT)
                    .uid("early-warning-" + label + "-incidents")
                    .name("early warning per " + EarlyWarningSettings.label(period) + ": incidents");
            warnings = warnings == null ? perPeriod : warnings.union(perPeriod);
        }
        return warnings == null
                ? keyed.flatMap((signal, out) -> {}, INCIDENT)
                        .uid("early-warning-off")
                        .name("early warning: off")
                : warnings;
    }

    /**
     * The desk's verdicts ({@code varsel.feedback}) act on detection (docs/rules.md, "Feedback from the desk"): per rule,
     * verdicts and hits give a precision interval and, below the floor, a shadow proposal ({@code varsel.rules.precision});
     * a new incident whose content matches a dismissed incident's is marked {@code suppressed_by} it.
     */
    private ClosedLoop closeFeedbackLoop(
            StreamExecutionEnvironment env,
            SingleOutputStreamOperator<AnalysedSignal> analysed,
            DataStream<Incident> incidents) {
        if (sources.feedback() == null) {
            return new ClosedLoop(incidents, List.of());
        }
        FeedbackSettings feedback = settings.feedback();
        SingleOutputStreamOperator<Feedback> verdicts = env.fromSource(
                        sources.feedback(), carriesNoEventTime(), "verdicts")
                .uid("source-feedback")
                .process(new ParseFeedback(), TypeInformation.of(Feedback.class))
                .uid("parse-feedback")
                .name("parse verdicts (feedback.v1)");

        DataStream<Incident> judged = incidents
                .connect(verdicts)
                .keyBy(
                        incident -> SuppressDismissedDuplicates.KEY,
                        verdict -> SuppressDismissedDuplicates.KEY,
                        Types.STRING)
                .process(
                        new SuppressDismissedDuplicates(
                                new DismissedContent(settings.correlation()), feedback.suppressionTtl()),
                        INCIDENT)
                .uid("suppress-dismissed")
                .name("dismissed near-duplicates → suppressed_by");

        if (sinks.rulePrecision() != null) {
            DataStream<RuleSighting> sightings = analysed.<RuleSighting>flatMap(
                            (signal, out) ->
                                    signal.ruleMatches().forEach(m -> out.collect(new RuleSighting(m.ruleId(), false))),
                            TypeInformation.of(RuleSighting.class))
                    .uid("rule-sightings")
                    .name("rule hits → sightings")
                    .union(analysed.getSideOutput(MatchRules.SHADOW_HITS)
                            .map(hit -> new RuleSighting(hit.ruleId(), true), TypeInformation.of(RuleSighting.class))
                            .uid("shadow-rule-sightings")
                            .name("shadow hits → sightings"));
            sightings
                    .connect(verdicts.flatMap(
                                    (Feedback verdict, Collector<RuleVerdict> out) ->
                                            RuleVerdict.perRule(verdict).forEach(out::collect),
                                    TypeInformation.of(RuleVerdict.class))
                            .uid("rule-verdicts")
                            .name("verdicts → one per rule"))
                    .keyBy(RuleSighting::ruleId, RuleVerdict::ruleId, Types.STRING)
                    .process(
                            new RulePrecisionFunction(
                                    feedback.policy(), feedback.stateTtl(), feedback.reportInterval()),
                            TypeInformation.of(RulePrecisionUpdate.class))
                    .uid("rule-precision")
                    .name("rule precision + shadow proposals")
                    .sinkTo(sinks.rulePrecision())
                    .uid("sink-rule-precision")
                    .name("rule precision → " + settings.rulePrecisionTopic());
        }
        return new ClosedLoop(judged, List.of(verdicts.getSideOutput(ParseFeedback.DEAD_LETTERS)));
    }

    /**
     * How long a finding may wait for the watermark before consolidation takes it anyway: live, the source idleness (a
     * quiet spell moves no watermark); with per-record watermarks (replays) no limit, so replays stay deterministic.
     */
    private Duration campaignHold() {
        return settings.perRecordWatermarks() ? Duration.ZERO : settings.sourceIdleness();
    }

    /** The configured handle key; without one (tests, replays) a key of this run only, chosen here once for all tasks. */
    private PrivacySettings privacy() {
        return settings.privacy().withGeneratedKeyIfMissing();
    }

    /**
     * Event time per Kafka partition, in the source (docs/incidents.md, Event time): each partition's watermark trails its
     * newest observed_at by the out-of-orderness; a partition quiet for the idleness stops holding the others back and
     * rejoins without moving time back; a partition ahead of the slowest by more than the allowed drift is paused.
     *
     * <p>With {@code pipeline.event-time.watermarks=per-record} (replays) the watermark moves after every signal, and
     * nothing else moves it: idleness and alignment run on wall-clock time, and a replay's event time must come from the
     * file alone. On a loaded machine the IRA replay's source, starved for longer than the idleness, went idle and
     * alignment then held it paused for good: the replay hung (IncidentsEndToEndTest).
     */
    private WatermarkStrategy<RawSignal> eventTime() {
        Duration bound = settings.outOfOrderness();
        if (settings.perRecordWatermarks()) {
            return WatermarkStrategy.<RawSignal>forGenerator(context -> new WatermarkAfterEveryRecord<>(bound))
                    .withTimestampAssigner(new RawSignalEventTime());
        }
        return WatermarkStrategy.<RawSignal>forBoundedOutOfOrderness(bound)
                .withTimestampAssigner(new RawSignalEventTime())
                .withIdleness(settings.sourceIdleness())
                .withWatermarkAlignment(
                        RAW_SIGNALS_ALIGNMENT_GROUP, settings.maxPartitionDrift(), ALIGNMENT_UPDATE_INTERVAL);
    }

    /**
     * Rule packs (and verdicts) carry no event time: their input emits no watermark and is idle once read, so the
     * matching operator's watermark is the signals' alone. (A watermark of its own, even "end of time", would become the
     * matching operator's output as soon as the signals go idle: every detector would then see the end of time.)
     */
    private static <T> WatermarkStrategy<T> carriesNoEventTime() {
        return WatermarkStrategy.<T>noWatermarks().withIdleness(CONTROL_INPUT_IDLE_AFTER);
    }
}
