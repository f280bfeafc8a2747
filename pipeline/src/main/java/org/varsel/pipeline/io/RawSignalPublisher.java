package org.varsel.pipeline.io;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.varsel.contract.Csam;
import org.varsel.contract.KafkaLogin;
import org.varsel.contract.ParseOutcome;
import org.varsel.contract.RawSignalHeaders;
import org.varsel.contract.SignalCodec;

/**
 * Writes raw signals the way intake does (source and receipt time as headers, body untouched), for file
 * replays, the demo's sample and tests. Idempotent producer, acks from all replicas.
 */
public final class RawSignalPublisher implements AutoCloseable {
    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    /** A publisher for a broker that takes no login (a test's or a replay's own). */
    public RawSignalPublisher(String bootstrap, String topic) {
        this(bootstrap, KafkaLogin.none(), topic);
    }

    public RawSignalPublisher(String bootstrap, KafkaLogin login, String topic) {
        Properties config = login.clientProperties(bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /** Sends one record; {@code source} null leaves the header out (as a rogue writer would). */
    public void publish(String key, byte[] body, String source, Instant receivedAt) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(
                topic,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                csamStripped(body, source, receivedAt));
        if (source != null) {
            record.headers().add(RawSignalHeaders.SOURCE, source.getBytes(StandardCharsets.UTF_8));
        }
        record.headers().add(RawSignalHeaders.RECEIVED_AT, receivedAt.toString().getBytes(StandardCharsets.UTF_8));
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                firstFailure.compareAndSet(null, error);
            }
        });
    }

    /**
     * Like intake, never writes what a CSAM-labelled body says: only its URL and metadata (docs/child-safety.md). A body
     * that names the label but is no valid signal keeps only its plain metadata strings.
     */
    static byte[] csamStripped(byte[] body, String source, Instant receivedAt) {
        if (!Csam.labelledInBytes(body)) {
            return body;
        }
        ParseOutcome parsed;
        try {
            parsed = SignalCodec.parse(body, source == null ? "file:replay" : source, receivedAt);
        } catch (RuntimeException e) {
            parsed = new ParseOutcome.Rejected(e.toString());
        }
        return parsed instanceof ParseOutcome.Accepted accepted && Csam.isCsam(accepted.signal())
                ? Csam.strippedBody(accepted.signal())
                : Csam.strippedBytes(body);
    }

    /** Waits until the broker has acknowledged everything sent so far; throws if any send failed. */
    public void flush() throws Exception {
        producer.flush();
        Exception failure = firstFailure.get();
        if (failure != null) {
            throw new IllegalStateException(
                    "the broker did not take every raw signal: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            flush();
        } finally {
            producer.close();
        }
    }
}
