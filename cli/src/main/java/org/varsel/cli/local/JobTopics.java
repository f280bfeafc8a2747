package org.varsel.cli.local;

import org.varsel.local.LocalKafka;
import org.varsel.pipeline.settings.PipelineSettings;

/** Creates on a local broker every topic the pipeline job reads or writes ({@link PipelineSettings#topics()}). */
public final class JobTopics {
    private JobTopics() {}

    public static void create(LocalKafka kafka, PipelineSettings settings, int partitions) {
        settings.topicPartitions(partitions).forEach((topic, count) -> kafka.createTopics(count, topic));
    }
}
