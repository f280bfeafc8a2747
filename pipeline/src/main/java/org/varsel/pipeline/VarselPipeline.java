package org.varsel.pipeline;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
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
import org.varsel.contract.DeadLetter;
import org.varsel.contract.Incident;
import org.varsel.contract.Signal;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.analysis.EnrichSignal;
import org.varsel.pipeline.analysis.MatchRules;
import org.varsel.pipeline.analysis.ShadowHit;
import org.varsel.pipeline.incident.PartnerAssessments;
import org.varsel.pipeline.ingest.FirstSeenOnly;
import org.varsel.pipeline.ingest.ParseSignal;
import org.varsel.pipeline.io.RawSignal;
import org.varsel.pipeline.io.RulePackUpdate;
import org.varsel.pipeline.rules.RulePack;

/**
 * The whole Varsel topology, top to bottom. Sources and sinks come in through the constructor: the job wires
 * Kafka ({@link PipelineJob}), tests wire whatever they need and run the same {@link #build}.
 */
public final class VarselPipeline {
  /** Where the pipeline reads from. */
  public record Sources(Source<RawSignal, ?, ?> rawSignals, Source<RulePackUpdate, ?, ?> rulePacks) {}

  /** Where the pipeline writes to. */
  public record Sinks(Sink<Incident> incidents, Sink<DeadLetter> deadLetters, Sink<ShadowHit> shadowHits) {}

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

  /** Checkpointing (exactly once), no Kryo fallback, parallelism: the job-wide settings every run shares. */
  public static void configure(StreamExecutionEnvironment env, PipelineSettings settings) {
    Configuration config = new Configuration();
    // Every record type has a Flink serializer; a silent fallback to Kryo would be slow and fragile.
    config.set(PipelineOptions.GENERIC_TYPES, false);
    env.configure(config);
    env.enableCheckpointing(settings.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
    if (settings.parallelism() > 0) {
      env.setParallelism(settings.parallelism());
    }
  }

  public void build(StreamExecutionEnvironment env) {
    DataStream<RawSignal> raw = env
        .fromSource(sources.rawSignals(), WatermarkStrategy.noWatermarks(), "raw signals")
        .uid("source-raw-signals");

    BroadcastStream<RulePackUpdate> rulePacks = env
        .fromSource(sources.rulePacks(), rulePacksNeverHoldBackEventTime(), "rule packs")
        .uid("source-rule-packs")
        .setParallelism(1)
        .broadcast(MatchRules.LIVE_PACK);

    SingleOutputStreamOperator<Signal> parsed = raw
        .process(new ParseSignal())
        .uid("parse-signals").name("parse + validate");

    DataStream<Signal> signals = parsed
        .assignTimestampsAndWatermarks(eventTime())
        .uid("event-time").name("event time (observed_at)")
        .keyBy(Signal::id, Types.STRING)
        .process(new FirstSeenOnly(settings.dedupeMemory()))
        .uid("dedupe").name("drop replays (by signal id)");

    SingleOutputStreamOperator<AnalysedSignal> analysed = signals
        .map(new EnrichSignal())
        .uid("enrich").name("enrich: language, links, tags, classifier")
        .connect(rulePacks)
        .process(new MatchRules(initialRules))
        .uid("match-rules").name("match rules (live pack, hot reload)");

    analysed
        .flatMap(new PartnerAssessments())
        .uid("partner-assessments").name("partner assessments → incidents")
        .sinkTo(sinks.incidents())
        .uid("sink-incidents").name("incidents → " + settings.incidentTopic());

    analysed.getSideOutput(MatchRules.SHADOW_HITS)
        .sinkTo(sinks.shadowHits())
        .uid("sink-shadow-hits").name("shadow hits → " + settings.shadowHitTopic());

    parsed.getSideOutput(ParseSignal.DEAD_LETTERS)
        .union(analysed.getSideOutput(MatchRules.REFUSED_PACKS))
        .sinkTo(sinks.deadLetters())
        .uid("sink-dead-letters").name("dead letters → " + settings.deadLetterTopic());
  }

  private WatermarkStrategy<Signal> eventTime() {
    return WatermarkStrategy.<Signal>forBoundedOutOfOrderness(settings.outOfOrderness())
        .withTimestampAssigner((signal, previous) -> signal.observedAt().toEpochMilli())
        .withIdleness(settings.sourceIdleness());
  }

  /** Rule packs carry no event time: their input must never be the minimum that holds signals' watermarks back. */
  private static WatermarkStrategy<RulePackUpdate> rulePacksNeverHoldBackEventTime() {
    return WatermarkStrategy.forGenerator(context -> new WatermarkGenerator<>() {
      @Override
      public void onEvent(RulePackUpdate update, long timestamp, WatermarkOutput output) {}

      @Override
      public void onPeriodicEmit(WatermarkOutput output) {
        output.emitWatermark(new Watermark(Long.MAX_VALUE));
      }
    });
  }
}
