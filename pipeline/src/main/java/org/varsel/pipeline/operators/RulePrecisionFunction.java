package org.varsel.pipeline.operators;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.varsel.contract.RulePrecisionUpdate;
import org.varsel.pipeline.feedback.RulePrecisionPolicy;
import org.varsel.pipeline.feedback.RuleSighting;
import org.varsel.pipeline.feedback.RuleVerdict;

/**
 * Keyed by rule id: counts the rule's live and shadow hits and keeps the latest verdict per incident it matched in, and
 * publishes its {@link RulePrecisionUpdate} on every changed verdict and, for hits alone, at most once per report
 * interval (a processing-time timer). Keyed, not broadcast: each rule's state is small and independent, and the hits
 * come from every signal, so they must spread over the tasks.
 */
public final class RulePrecisionFunction
        extends KeyedCoProcessFunction<String, RuleSighting, RuleVerdict, RulePrecisionUpdate> {
    private final RulePrecisionPolicy policy;
    private final Duration stateTtl;
    private final Duration reportInterval;
    private transient MapState<String, RuleVerdict> verdicts;
    private transient ValueState<Long> hits;
    private transient ValueState<Long> shadowHits;
    private transient ValueState<Long> reportDue;

    public RulePrecisionFunction(RulePrecisionPolicy policy, Duration stateTtl, Duration reportInterval) {
        this.policy = policy;
        this.stateTtl = stateTtl;
        this.reportInterval = reportInterval;
    }

    @Override
    public void open(OpenContext openContext) {
        verdicts = getRuntimeContext()
                .getMapState(KeyedAccess.expiring(
                        new MapStateDescriptor<>("rule-verdicts", Types.STRING, TypeInformation.of(RuleVerdict.class)),
                        stateTtl));
        hits = getRuntimeContext()
                .getState(KeyedAccess.expiring(new ValueStateDescriptor<>("rule-hits", Types.LONG), stateTtl));
        shadowHits = getRuntimeContext()
                .getState(KeyedAccess.expiring(new ValueStateDescriptor<>("rule-shadow-hits", Types.LONG), stateTtl));
        reportDue = getRuntimeContext()
                .getState(KeyedAccess.expiring(new ValueStateDescriptor<>("rule-report-due", Types.LONG), stateTtl));
    }

    @Override
    public void processElement1(RuleSighting sighting, Context context, Collector<RulePrecisionUpdate> out) {
        ValueState<Long> counter = sighting.shadow() ? shadowHits : hits;
        KeyedAccess.run(() -> counter.update(orZero(counter.value()) + 1));
        if (KeyedAccess.call(reportDue::value) == null) {
            long due = context.timerService().currentProcessingTime() + reportInterval.toMillis();
            context.timerService().registerProcessingTimeTimer(due);
            KeyedAccess.run(() -> reportDue.update(due));
        }
    }

    @Override
    public void processElement2(RuleVerdict verdict, Context context, Collector<RulePrecisionUpdate> out) {
        RuleVerdict earlier = KeyedAccess.call(() -> verdicts.get(verdict.incidentId()));
        if (!verdict.replaces(earlier)) {
            return; // a redelivery, or an older decision than the one counted
        }
        KeyedAccess.run(() -> verdicts.put(verdict.incidentId(), verdict));
        out.collect(assess(context.getCurrentKey(), context.timerService().currentProcessingTime()));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<RulePrecisionUpdate> out) {
        KeyedAccess.run(reportDue::clear);
        out.collect(assess(context.getCurrentKey(), timestamp));
    }

    private RulePrecisionUpdate assess(String ruleId, long now) {
        long confirmed = 0;
        long dismissed = 0;
        for (Map.Entry<String, RuleVerdict> entry : KeyedAccess.call(verdicts::entries)) {
            if (entry.getValue().confirmed()) {
                confirmed++;
            } else {
                dismissed++;
            }
        }
        return policy.assess(
                ruleId,
                confirmed,
                dismissed,
                orZero(KeyedAccess.call(hits::value)),
                orZero(KeyedAccess.call(shadowHits::value)),
                Instant.ofEpochMilli(now));
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
