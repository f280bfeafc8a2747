package org.varsel.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.connector.datagen.functions.FromElementsGeneratorFunction;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.varsel.contract.DeadLetter;
import org.varsel.contract.Incident;
import org.varsel.contract.RulePrecisionUpdate;
import org.varsel.contract.Signal;
import org.varsel.pipeline.io.FeedbackRecord;
import org.varsel.pipeline.io.RawSignal;
import org.varsel.pipeline.io.RulePackUpdate;
import org.varsel.pipeline.io.ShadowHit;
import org.varsel.pipeline.rules.RulePack;
import org.varsel.pipeline.settings.PipelineSettings;

/**
 * The whole topology ({@link VarselPipeline#build}, as {@link PipelineJob} wires it) on the test's MiniCluster, its
 * {@link VarselPipeline.Sources} fed from collections and its {@link VarselPipeline.Sinks} collected: no broker. The
 * sources are bounded, so the run ends and its end of input moves event time to the end (every timer fires).
 */
public final class PipelineOnCollections {
    private PipelineOnCollections() {}

    /** What one run wrote to each sink. */
    public record Written(
            List<Incident> incidents, List<DeadLetter> deadLetters, List<ShadowHit> shadowHits, List<Signal> hotline) {}

    /** Runs the job over {@code raws} (as read from the raw topic) with the rules of {@code settings}, to the end. */
    public static Written run(PipelineSettings settings, List<RawSignal> raws) throws Exception {
        RulePack rules = PipelineJob.initialRules(settings);
        CollectingSink<Incident> incidents = new CollectingSink<>();
        CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();
        CollectingSink<ShadowHit> shadowHits = new CollectingSink<>();
        CollectingSink<Signal> hotline = new CollectingSink<>();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        VarselPipeline.configure(env, settings);
        // the rule-pack input carries the initial pack once, as `rules push` would: a bounded input must hold an
        // element
        new VarselPipeline(
                        new VarselPipeline.Sources(
                                fromElements(RawSignal.class, raws),
                                fromElements(
                                        RulePackUpdate.class,
                                        List.of(new RulePackUpdate(rules.toJson(), settings.rulesTopic(), 0, 0)))),
                        new VarselPipeline.Sinks(incidents, deadLetters, shadowHits, hotline),
                        rules,
                        settings)
                .build(env);
        env.execute("pipeline on collections");
        return new Written(incidents.drain(), deadLetters.drain(), shadowHits.drain(), hotline.drain());
    }

    /** Every operator of the topology, built on {@code env} with empty sources and collecting sinks, not run. */
    static List<Transformation<?>> topology(StreamExecutionEnvironment env, PipelineSettings settings) {
        VarselPipeline.configure(env, settings);
        new VarselPipeline(
                        new VarselPipeline.Sources(
                                fromElements(RawSignal.class, List.of()),
                                fromElements(RulePackUpdate.class, List.of()),
                                fromElements(FeedbackRecord.class, List.of())),
                        new VarselPipeline.Sinks(
                                new CollectingSink<Incident>(),
                                new CollectingSink<DeadLetter>(),
                                new CollectingSink<ShadowHit>(),
                                new CollectingSink<Signal>(),
                                new CollectingSink<RulePrecisionUpdate>()),
                        PipelineJob.initialRules(settings),
                        settings)
                .build(env);
        Set<Transformation<?>> all = new HashSet<>();
        Deque<Transformation<?>> upstream = new ArrayDeque<>(env.getTransformations());
        while (!upstream.isEmpty()) {
            Transformation<?> t = upstream.pop();
            if (all.add(t)) {
                upstream.addAll(t.getInputs());
            }
        }
        return new ArrayList<>(all);
    }

    @SuppressWarnings("unchecked")
    static <T> Source<T, ?, ?> fromElements(Class<T> type, List<T> elements) {
        TypeInformation<T> info = TypeInformation.of(type);
        return new DataGeneratorSource<>(
                new FromElementsGeneratorFunction<>(info, (T[]) elements.toArray()), elements.size(), info);
    }
}
