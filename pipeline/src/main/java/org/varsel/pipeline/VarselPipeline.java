package org.varsel.pipeline;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.varsel.contract.DeadLetter;
import org.varsel.contract.Incident;
import org.varsel.contract.Signal;
import org.varsel.pipeline.incident.PartnerAssessments;
import org.varsel.pipeline.ingest.FirstSeenOnly;
import org.varsel.pipeline.ingest.ParseSignal;
import org.varsel.pipeline.io.RawSignal;

/**
 * The whole Varsel topology, top to bottom. Sources and sinks come in through the constructor: the job wires
 * Kafka ({@link PipelineJob}), tests wire whatever they need and run the same {@link #build}.
 */
public final class VarselPipeline {
  private final Source<RawSignal, ?, ?> rawSignals;
  private final Sink<Incident> incidents;
  private final Sink<DeadLetter> deadLetters;
  private final PipelineSettings settings;

  public VarselPipeline(Source<RawSignal, ?, ?> rawSignals, Sink<Incident> incidents, Sink<DeadLetter> deadLetters, PipelineSettings settings) {
    this.rawSignals = rawSignals;
    this.incidents = incidents;
    this.deadLetters = deadLetters;
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
        .fromSource(rawSignals, WatermarkStrategy.noWatermarks(), "raw signals")
        .uid("source-raw-signals");

    SingleOutputStreamOperator<Signal> parsed = raw
        .process(new ParseSignal())
        .uid("parse-signals").name("parse + validate");

    parsed.getSideOutput(ParseSignal.DEAD_LETTERS)
        .sinkTo(deadLetters)
        .uid("sink-dead-letters").name("dead letters → " + settings.deadLetterTopic());

    DataStream<Signal> signals = parsed
        .assignTimestampsAndWatermarks(eventTime())
        .uid("event-time").name("event time (observed_at)")
        .keyBy(Signal::id, Types.STRING)
        .process(new FirstSeenOnly(settings.dedupeMemory()))
        .uid("dedupe").name("drop replays (by signal id)");

    signals
        .flatMap(new PartnerAssessments())
        .uid("partner-assessments").name("partner assessments → incidents")
        .sinkTo(incidents)
        .uid("sink-incidents").name("incidents → " + settings.incidentTopic());
  }

  private WatermarkStrategy<Signal> eventTime() {
    return WatermarkStrategy.<Signal>forBoundedOutOfOrderness(settings.outOfOrderness())
        .withTimestampAssigner((signal, previous) -> signal.observedAt().toEpochMilli())
        .withIdleness(settings.sourceIdleness());
  }
}
