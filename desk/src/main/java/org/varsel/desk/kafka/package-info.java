/**
 * The desk's one way to read a topic into its database ({@link org.varsel.desk.kafka.TopicIntoTable}): committed
 * records only, each poll stored in one transaction before its offsets are committed, rewound and retried with backoff
 * while the database is away. The incident, dead-letter, hotline and rule-precision consumers all run on it.
 */
package org.varsel.desk.kafka;
