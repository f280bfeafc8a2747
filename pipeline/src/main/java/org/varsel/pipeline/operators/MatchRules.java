package org.varsel.pipeline.operators;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.varsel.contract.DeadLetter;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.analysis.RecentMatches;
import org.varsel.pipeline.analysis.RecentTexts;
import org.varsel.pipeline.analysis.SignalMatcher;
import org.varsel.pipeline.io.RulePackUpdate;
import org.varsel.pipeline.io.ShadowHit;
import org.varsel.pipeline.rules.MatchResult;
import org.varsel.pipeline.rules.RuleEngine;
import org.varsel.pipeline.rules.RuleHit;
import org.varsel.pipeline.rules.RulePack;

/**
 * Matches each signal against the live rule pack. A new pack arrives on the broadcast side ({@code varsel.rules})
 * and takes over without a restart; a pack that does not parse or compile is refused (dead letter) and the old
 * one stays. Shadow rules are evaluated and counted but leave only by {@link #SHADOW_HITS}, never into incidents. A
 * signal whose matching throws leaves by {@link #UNMATCHED_SIGNALS} with the failure, and the next is matched.
 */
public final class MatchRules extends BroadcastProcessFunction<AnalysedSignal, RulePackUpdate, AnalysedSignal> {
    private static final Logger LOG = LoggerFactory.getLogger(MatchRules.class);

    /** The live pack, as every parallel instance holds it: restored from checkpoints, so a restart keeps it. */
    public static final MapStateDescriptor<String, byte[]> LIVE_PACK = new MapStateDescriptor<>(
            "live-rule-pack", Types.STRING, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);

    public static final OutputTag<ShadowHit> SHADOW_HITS =
            new OutputTag<>("shadow-hits", TypeInformation.of(ShadowHit.class));
    public static final OutputTag<DeadLetter> REFUSED_PACKS =
            new OutputTag<>("refused-rule-packs", TypeInformation.of(DeadLetter.class));
    /**
     * Signals whose matching threw: a failure the engine must not swallow (it would read as a miss) must not fail the
     * job either, whose restart would replay the same signal into the same failure.
     */
    public static final OutputTag<DeadLetter> UNMATCHED_SIGNALS =
            new OutputTag<>("unmatched-signals", TypeInformation.of(DeadLetter.class));
    /** Signals dead-lettered by {@link #UNMATCHED_SIGNALS}. */
    public static final String UNMATCHED_METRIC = "unmatchedSignals";

    private static final String PACK = "pack";
    private static final String VERSION = "version";

    private final byte[] initialPack;
    private final Matching matching;
    /** The live pack's engine, with the results of the texts it matched lately. */
    private transient RecentMatches matches;

    private transient Counter hitCounter;
    private transient Counter shadowHitCounter;
    private transient SignalGuard unmatched;
    private transient Map<String, Counter> hitsPerRule;
    /** The broadcast pack version last compared with the engine's, so each signal need not decode and compare it again. */
    private transient byte[] checkedVersion;

    /** How a signal is matched with the live pack's engine: {@link RecentMatches#match}; tests make it fail. */
    @FunctionalInterface
    interface Matching extends Serializable {
        MatchResult match(RecentMatches matches, AnalysedSignal signal);
    }

    /** @param initialPack the pack to match with until one arrives on the broadcast side (JSON) */
    public MatchRules(RulePack initialPack) {
        this(initialPack, RecentMatches::match);
    }

    MatchRules(RulePack initialPack, Matching matching) {
        this.initialPack = initialPack.toJson();
        this.matching = matching;
    }

    @Override
    public void open(OpenContext openContext) {
        matches = new RecentMatches(RuleEngine.build(RulePack.fromJson(initialPack)), RecentTexts.TEXTS);
        hitCounter = getRuntimeContext().getMetricGroup().counter("ruleHits");
        shadowHitCounter = getRuntimeContext().getMetricGroup().counter("shadowRuleHits");
        unmatched = new SignalGuard(
                "rule matching", getRuntimeContext().getMetricGroup().counter(UNMATCHED_METRIC));
        hitsPerRule = new HashMap<>();
    }

    @Override
    public void processElement(AnalysedSignal signal, ReadOnlyContext context, Collector<AnalysedSignal> out)
            throws Exception {
        byte[] version = context.getBroadcastState(LIVE_PACK).get(VERSION);
        if (version != checkedVersion) {
            catchUpWith(version, context.getBroadcastState(LIVE_PACK).get(PACK));
        }
        unmatched.emit(
                signal.signal(),
                () -> matching.match(matches, signal),
                result -> putOut(signal, result, context, out),
                letter -> context.output(UNMATCHED_SIGNALS, letter));
    }

    /** The signal with its active hits, its hits counted per rule and its shadow hits on their side output. */
    private void putOut(
            AnalysedSignal signal, MatchResult result, ReadOnlyContext context, Collector<AnalysedSignal> out) {
        for (RuleHit hit : result.hits()) {
            hitCounter.inc();
            hitsPerRule
                    .computeIfAbsent(
                            hit.ruleId(),
                            id -> getRuntimeContext()
                                    .getMetricGroup()
                                    .addGroup("rule", id)
                                    .counter("hits"))
                    .inc();
        }
        for (RuleHit hit : result.shadowHits()) {
            shadowHitCounter.inc();
            context.output(
                    SHADOW_HITS,
                    new ShadowHit(
                            signal.signal().id(),
                            signal.signal().source(),
                            signal.signal().observedAt(),
                            hit.ruleId(),
                            hit.packVersion(),
                            hit.matchedTerms().stream().map(t -> t.text()).toList()));
        }
        out.collect(SignalMatcher.withActiveHits(signal, result));
    }

    @Override
    public void processBroadcastElement(RulePackUpdate update, Context context, Collector<AnalysedSignal> out)
            throws Exception {
        RuleEngine candidate;
        RulePack pack;
        try {
            pack = RulePack.fromJson(update.json());
            candidate = RuleEngine.build(pack);
        } catch (RuntimeException refused) {
            LOG.warn(
                    "refused rule pack at {}/{}@{}: {}",
                    update.topic(),
                    update.partition(),
                    update.offset(),
                    refused.getMessage());
            context.output(
                    REFUSED_PACKS,
                    new DeadLetter(
                            "rule pack refused, the live pack stays: " + refused.getMessage(),
                            "rules",
                            update.topic(),
                            update.partition(),
                            update.offset(),
                            Instant.now(),
                            update.json()));
            return;
        }
        context.getBroadcastState(LIVE_PACK).put(PACK, update.json());
        context.getBroadcastState(LIVE_PACK).put(VERSION, pack.version().getBytes(StandardCharsets.UTF_8));
        swapTo(candidate);
        LOG.info(
                "rule pack {} version {} is live ({} rules)",
                pack.name(),
                pack.version(),
                pack.rules().size());
    }

    /** After a restore, the broadcast state holds the live pack while the engine was built from the initial one. */
    private void catchUpWith(byte[] version, byte[] pack) {
        if (version == null || version == checkedVersion) {
            return;
        }
        if (!matches.engine().pack().version().equals(new String(version, StandardCharsets.UTF_8))) {
            swapTo(RuleEngine.build(RulePack.fromJson(pack)));
        }
        checkedVersion = version;
    }

    private void swapTo(RuleEngine next) {
        RuleEngine previous = matches.engine();
        matches = new RecentMatches(next, RecentTexts.TEXTS);
        previous.close();
    }

    @Override
    public void close() {
        if (matches != null) {
            matches.engine().close();
        }
    }
}
