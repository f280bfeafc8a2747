package org.varsel.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The text and language of stored signals, for {@code rules backtest}: a file (JSON lines, or CSV with a header naming
 * a {@code content} or {@code text} column) or everything a topic holds now. What cannot be read is reported and
 * skipped.
 */
final class StoredSignals {
    private final PrintStream err;
    private final long limit;

    /** {@code limit}: stop after this many rows or lines of a file (0: all). */
    StoredSignals(PrintStream err, long limit) {
        this.err = err;
        this.limit = limit;
    }

    void fromFile(Path input, BiConsumer<String, Optional<String>> each) throws IOException {
        if (input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            fromCsv(input, each);
            return;
        }
        try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            SignalTextLines.read(reader, line -> {
                if (line.problem().isPresent()) {
                    err.println(input + ":" + line.number() + ": skipped: "
                            + line.problem().get());
                } else {
                    each.accept(line.text(), line.language());
                }
                return limit <= 0 || line.number() < limit;
            });
        }
    }

    private void fromCsv(Path input, BiConsumer<String, Optional<String>> each) throws IOException {
        CsvMapper csv = new CsvMapper();
        csv.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        try (MappingIterator<Map<String, String>> rows = csv.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(input.toFile())) {
            long row = 1;
            while (rows.hasNextValue()) {
                row++;
                Map<String, String> r;
                try {
                    r = rows.nextValue();
                } catch (RuntimeException | IOException e) {
                    err.println(input + ": row " + row + ": skipped: " + RulesCommand.firstLine(e.getMessage()));
                    continue;
                }
                String text = r.getOrDefault("content", r.get("text"));
                if (text != null) {
                    each.accept(text, Optional.ofNullable(r.get("language")));
                }
                if (limit > 0 && row > limit + 1) {
                    break;
                }
            }
        }
    }

    /** Every record the topic holds now (read_committed), from the beginning to the end offsets taken at the start. */
    void fromTopic(Properties clientProperties, String topic, BiConsumer<String, Optional<String>> each) {
        Properties config = new Properties();
        config.putAll(clientProperties);
        config.put("isolation.level", "read_committed");
        config.put("enable.auto.commit", "false");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    SignalTextLines.Line line = SignalTextLines.parse(
                            record.offset(),
                            record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8));
                    if (line.problem().isPresent()) {
                        err.println(topic + "/" + record.partition() + "@" + record.offset() + ": skipped: "
                                + line.problem().get());
                    } else {
                        each.accept(line.text(), line.language());
                    }
                }
            }
        }
    }
}
