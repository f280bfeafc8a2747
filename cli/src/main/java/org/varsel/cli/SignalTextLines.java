package org.varsel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.Optional;

/**
 * Signals to match, one JSON object per line ({@code {"text": ..., "language": ...}}), as {@code rules match} and
 * {@code rules backtest} read them: lines numbered from 1, blank lines skipped, a bad line handed over with its reason.
 */
final class SignalTextLines {
    private SignalTextLines() {}

    /** What one line holds: a JSON object, and why it cannot be matched, if it cannot. */
    record Line(long number, String input, Optional<ObjectNode> object, Optional<String> problem) {
        String text() {
            return object.orElseThrow().get("text").asText();
        }

        Optional<String> language() {
            return object.map(o -> o.get("language"))
                    .filter(JsonNode::isTextual)
                    .map(JsonNode::asText);
        }
    }

    /** Takes one line; returns whether to read on. */
    interface Reader {
        boolean take(Line line) throws IOException;
    }

    static void read(BufferedReader lines, Reader reader) throws IOException {
        String input;
        long number = 0;
        while ((input = lines.readLine()) != null) {
            number++;
            if (!input.isBlank() && !reader.take(parse(number, input))) {
                return;
            }
        }
    }

    static Line parse(long number, String input) {
        ObjectNode object;
        try {
            JsonNode node = RulesCommand.JSON.readTree(input);
            if (node == null || !node.isObject()) {
                return new Line(number, input, Optional.empty(), Optional.of("not a JSON object"));
            }
            object = (ObjectNode) node;
        } catch (IOException e) {
            return new Line(
                    number,
                    input,
                    Optional.empty(),
                    Optional.of("not a JSON object: " + RulesCommand.firstLine(e.getMessage())));
        }
        JsonNode text = object.get("text");
        Optional<String> problem = text != null && text.isTextual()
                ? Optional.empty()
                : Optional.of("field \"text\" (a string) is missing");
        return new Line(number, input, Optional.of(object), problem);
    }
}
