package org.varsel.cli;

import java.util.Map;
import org.varsel.desk.childsafety.ChildSafetyConfig;
import org.varsel.desk.config.DeskConfig;
import org.varsel.desk.config.DeskSettings;
import org.varsel.desk.intake.IntakeConfig;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;
import org.varsel.pipeline.settings.PipelineSettings;

/** A desk on the topics of one isolated pipeline run: it stores the run's incidents and feeds the run's raw topic. */
final class RunDesk {
    private RunDesk() {}

    static DeskSettings settings(LocalKafka kafka, PostgresDatabase db, PipelineSettings run) {
        return settings(kafka, db, run, Map.of());
    }

    /** @param own further keys of the test (any part of the desk: alerts, ...) */
    static DeskSettings settings(LocalKafka kafka, PostgresDatabase db, PipelineSettings run, Map<String, String> own) {
        Map<String, String> keys =
                DeskSettings.embedded(db.jdbcUrl(), db.user(), db.password(), kafka.bootstrapServers());
        keys.putAll(Map.of(
                DeskConfig.KAFKA_GROUP, "desk-" + run.kafkaGroup(),
                DeskConfig.INCIDENT_TOPIC, run.incidentTopic(),
                IntakeConfig.RAW_TOPIC, run.rawTopic(),
                IntakeConfig.DLQ_TOPIC, run.deadLetterTopic(),
                ChildSafetyConfig.HOTLINE_TOPIC, run.hotlineTopic()));
        keys.putAll(own);
        return DeskSettings.fromMap(keys);
    }
}
