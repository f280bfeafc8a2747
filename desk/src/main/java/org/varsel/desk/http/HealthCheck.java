package org.varsel.desk.http;

import org.varsel.desk.kafka.ConsumerStatus;
import org.varsel.desk.pipeline.PipelineStatus;

/** What {@code /healthz} reports: whether the database answers, how the incident consumer and the pipeline are doing. */
public interface HealthCheck {
    boolean databaseUp();

    ConsumerStatus consumer();

    PipelineStatus pipeline();
}
