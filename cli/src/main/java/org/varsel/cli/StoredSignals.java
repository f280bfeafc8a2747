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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BiConsumer;

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
        TopicSnapshot.read(clientProperties, topic, record -> {
            SignalTextLines.Line line = SignalTextLines.parse(
                    record.offset(), record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8));
            if (line.problem().isPresent()) {
                err.println(topic + "/" + record.partition() + "@" + record.offset() + ": skipped: "
                        + line.problem().get());
            } else {
                each.accept(line.text(), line.language());
            }
        });
    }
}
