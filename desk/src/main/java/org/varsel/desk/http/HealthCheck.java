package org.varsel.desk.http;

import org.varsel.desk.ingest.ConsumerStatus;

/** What {@code /healthz} reports: whether the database answers and how the incident consumer is doing. */
public interface HealthCheck {
  boolean databaseUp();

  ConsumerStatus consumer();
}
