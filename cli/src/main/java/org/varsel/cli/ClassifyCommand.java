package org.varsel.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.varsel.pipeline.enrich.Enrichment;
import org.varsel.pipeline.enrich.TextEnricher;
import org.varsel.pipeline.extract.Handles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./varsel classify}: enriches JSONL signals from stdin with language, links and category. */
@Command(
        name = "classify",
        description =
                "Read JSONL from stdin ({\"text\": ...} per line, other fields passed through) and write JSONL to "
                        + "stdout with language, language_confidence, category, scores, urls, platforms, hashtags, mentions and "
                        + "model_version (plus author_handle when the line has an author, and encoding_converted and text_unicode when "
                        + "Zawgyi-encoded Burmese was converted to Unicode). A bad line is reported on stderr with its "
                        + "line number and written out with an \"error\" field; it never stops the run.")
public final class ClassifyCommand implements Callable<Integer> {

    @Option(
            names = "--text-field",
            defaultValue = "text",
            description = "Field holding the text. Default: ${DEFAULT-VALUE}")
    String textField;

    @Option(
            names = "--language-hint-field",
            description =
                    "Field holding a trusted language (BCP-47 or ISO 639), used instead of detection when present.")
    String languageHintField;

    @Option(
            names = "--author-field",
            defaultValue = "author",
            description = "Field holding the author. Default: ${DEFAULT-VALUE}")
    String authorField;

    @Option(
            names = "--progress-every",
            defaultValue = "10000",
            description = "Report progress on stderr every N lines (0: never). Default: ${DEFAULT-VALUE}")
    long progressEvery;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws IOException {
        TextEnricher enricher = new TextEnricher();
        long lineNumber = 0;
        long errors = 0;
        long start = System.nanoTime();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode result;
                try {
                    result = enrich(enricher, line);
                } catch (BadLine e) {
                    errors++;
                    System.err.println("classify: line " + lineNumber + ": " + e.getMessage());
                    result = json.createObjectNode();
                    result.put("line", lineNumber);
                    result.put("error", e.getMessage());
                    result.put("input", line);
                }
                out.write(json.writeValueAsString(result));
                out.write('\n');
                if (progressEvery > 0 && lineNumber % progressEvery == 0) {
                    System.err.printf(
                            "classify: %d lines, %d errors, %.0f lines/s%n",
                            lineNumber, errors, lineNumber / ((System.nanoTime() - start) / 1e9));
                }
            }
        }
        System.err.printf("classify: done, %d lines, %d errors%n", lineNumber, errors);
        return 0;
    }

    private ObjectNode enrich(TextEnricher enricher, String line) throws BadLine {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new BadLine("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadLine("expected a JSON object");
        }
        ObjectNode signal = (ObjectNode) node;
        JsonNode text = signal.get(textField);
        if (text == null || !text.isTextual()) {
            throw new BadLine("missing or non-string \"" + textField + "\"");
        }
        Optional<String> hint = Optional.ofNullable(languageHintField)
                .map(signal::get)
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText);
        Enrichment e;
        try {
            e = enricher.enrich(text.asText(), hint);
        } catch (RuntimeException failure) {
            throw new BadLine("enrichment failed: " + failure);
        }
        signal.put("language", e.language());
        signal.put("language_confidence", e.languageConfidence());
        signal.put("category", e.category());
        ObjectNode scores = signal.putObject("scores");
        for (Map.Entry<String, Double> s : e.scores().entrySet()) {
            scores.put(s.getKey(), s.getValue());
        }
        putAll(signal.putArray("urls"), e.urls());
        putAll(signal.putArray("platforms"), e.platforms());
        putAll(signal.putArray("hashtags"), e.hashtags());
        putAll(signal.putArray("mentions"), e.mentions());
        if (e.encodingConverted() != null) {
            // the input's text is kept as it came; the Unicode form is what was classified
            signal.put("encoding_converted", e.encodingConverted());
            signal.put("text_unicode", e.text());
        }
        JsonNode author = signal.get(authorField);
        if (author != null && author.isTextual()) {
            Handles.canonical(author.asText()).ifPresent(h -> signal.put("author_handle", h));
        }
        signal.put("model_version", e.modelVersion());
        return signal;
    }

    private static void putAll(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    /** A line that cannot be enriched; its message goes to stderr and into the output's error field. */
    private static final class BadLine extends Exception {
        BadLine(String message) {
            super(message);
        }
    }
}
