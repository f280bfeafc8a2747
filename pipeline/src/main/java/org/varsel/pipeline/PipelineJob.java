package org.varsel.pipeline;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.varsel.pipeline.io.KafkaEndpoints;
import org.varsel.pipeline.io.RequiredTopics;
import org.varsel.pipeline.rules.BundledRules;
import org.varsel.pipeline.rules.RulePack;
import org.varsel.pipeline.settings.PipelineSettings;

/** Runs the pipeline against Kafka: {@code PipelineJob [settings.properties]}; environment variables override the file. */
public final class PipelineJob {
    public static final String JOB_NAME = "varsel-pipeline";

    private PipelineJob() {}

    public static void main(String[] args) throws Exception {
        Optional<Path> file = args.length > 0 ? Optional.of(Path.of(args[0])) : Optional.empty();
        PipelineSettings settings = PipelineSettings.load(file, System.getenv());
        settings.privacy().requireKey(); // production: pseudonyms must be stable across restarts (docs/privacy.md)
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        wire(env, settings);
        env.execute(JOB_NAME);
    }

    /** Builds the Kafka-wired topology into {@code env}, ready to execute; fails naming any topic that does not exist. */
    public static void wire(StreamExecutionEnvironment env, PipelineSettings settings) {
        RequiredTopics.check(settings);
        VarselPipeline.configure(env, settings);
        new VarselPipeline(
                        new VarselPipeline.Sources(
                                KafkaEndpoints.rawSignals(settings),
                                KafkaEndpoints.rulePacks(settings),
                                KafkaEndpoints.feedback(settings)),
                        new VarselPipeline.Sinks(
                                KafkaEndpoints.incidents(settings),
                                KafkaEndpoints.deadLetters(settings),
                                KafkaEndpoints.shadowHits(settings),
                                KafkaEndpoints.hotline(settings),
                                KafkaEndpoints.rulePrecision(settings)),
                        initialRules(settings),
                        settings)
                .build(env);
    }

    /** The rules in {@code pipeline.rules.dir} if set (checked first), else the pack bundled into this build. */
    public static RulePack initialRules(PipelineSettings settings) {
        return settings.rulesDirectory().isBlank()
                ? BundledRules.load()
                : BundledRules.fromDirectory(Path.of(settings.rulesDirectory()));
    }

    /** Starts the job without waiting for it (the demo, tests of a running job). */
    public static JobClient start(StreamExecutionEnvironment env, PipelineSettings settings) throws Exception {
        wire(env, settings);
        return env.executeAsync(JOB_NAME);
    }
}
