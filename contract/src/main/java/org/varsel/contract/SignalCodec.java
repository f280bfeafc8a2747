package org.varsel.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the bytes of a raw signal into a {@link Signal}, or into a reason why not; and a signal back into JSON.
 * Every rejection names the offending field, so the sender can fix it.
 */
public final class SignalCodec {
    /** Largest accepted signal, in bytes of JSON. */
    public static final int MAX_BYTES = 64 * 1024;
    /** How far in the future (relative to receipt) a signal's observed_at may lie; clocks drift, watermarks must not jump. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofHours(1);
    /** Nothing observed before this instant is plausible; older timestamps are typos or epoch zeros. */
    public static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

    static final Set<String> NAMED_FIELDS = Set.of(
            "external_id", "kind", "observed_at", "url", "platform", "author", "text", "language", "tlp", "labels");

    private SignalCodec() {}

    /**
     * Parses and validates one raw signal.
     *
     * @param source the sender, from credentials (never from the body)
     * @param receivedAt when intake received it; bounds how far in the future observed_at may be
     */
    public static ParseOutcome parse(byte[] bytes, String source, Instant receivedAt) {
        if (source == null || source.isBlank()) {
            return rejected(
                    "no source: raw signals must carry the " + RawSignalHeaders.SOURCE + " header set by intake");
        }
        if (bytes == null || bytes.length == 0) {
            return rejected("empty record: a signal must be a JSON object");
        }
        if (bytes.length > MAX_BYTES) {
            return rejected("too large: signal is " + bytes.length + " bytes; the limit is " + MAX_BYTES);
        }
        String text;
        try {
            text = strictUtf8(bytes);
        } catch (CharacterCodingException e) {
            return rejected("not valid UTF-8: " + firstBadByte(bytes));
        }
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            return rejected("not JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null
                            ? ""
                            : " (line " + e.getLocation().getLineNr() + ", column "
                                    + e.getLocation().getColumnNr() + ")"));
        }
        if (tree == null || !tree.isObject()) {
            return rejected("a signal must be a JSON object, got "
                    + (tree == null ? "nothing" : tree.getNodeType().name().toLowerCase()));
        }
        ObjectNode body = (ObjectNode) StorableText.clean(tree);
        List<String> violations = ContractSchemas.SIGNAL_V1.violations(body);
        if (!violations.isEmpty()) {
            return rejected("invalid signal: " + String.join("; ", violations));
        }
        Instant observedAt;
        try {
            observedAt = OffsetDateTime.parse(body.get("observed_at").asText()).toInstant();
        } catch (DateTimeParseException e) {
            return rejected("invalid signal: $.observed_at: '"
                    + body.get("observed_at").asText() + "' is not an RFC 3339 timestamp with offset");
        }
        Optional<String> implausible = implausibleTime(observedAt, receivedAt);
        if (implausible.isPresent()) {
            return rejected("invalid signal: $.observed_at: " + implausible.get());
        }
        return new ParseOutcome.Accepted(toSignal(body, source, observedAt));
    }

    /**
     * The event time of a raw signal without validating the rest of it: its {@code observed_at} if that is a plausible
     * instant, else empty. {@link #parse} accepts no signal with another time, so a source can stamp records with this
     * before parsing (one cheap pass over the top level) and the watermark never runs ahead of what parsing accepts.
     */
    public static Optional<Instant> observedAt(byte[] bytes, Instant receivedAt) {
        if (bytes == null || bytes.length > MAX_BYTES) {
            return Optional.empty();
        }
        try (JsonParser parser = Json.mapper().getFactory().createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("observed_at".equals(field)) {
                    if (value != JsonToken.VALUE_STRING) {
                        return Optional.empty();
                    }
                    Instant observedAt = OffsetDateTime.parse(parser.getText()).toInstant();
                    return implausibleTime(observedAt, receivedAt).isEmpty()
                            ? Optional.of(observedAt)
                            : Optional.empty();
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Why an observed time cannot be an event time (before 1990, or beyond the clock skew after receipt), if it cannot. */
    private static Optional<String> implausibleTime(Instant observedAt, Instant receivedAt) {
        if (observedAt.isBefore(EARLIEST)) {
            return Optional.of(observedAt + " is before " + EARLIEST);
        }
        if (receivedAt != null && observedAt.isAfter(receivedAt.plus(MAX_CLOCK_SKEW))) {
            return Optional.of(observedAt + " is in the future (received at " + receivedAt + ")");
        }
        return Optional.empty();
    }

    /** The signal as signal.v1 JSON plus its {@code id} and {@code source}, with the unknown fields it arrived with. */
    public static ObjectNode toJson(Signal signal) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", signal.id());
        node.put("source", signal.source());
        node.put("external_id", signal.externalId());
        node.put("kind", signal.kind());
        node.put("observed_at", signal.observedAt().toString());
        putIfPresent(node, "url", signal.url());
        putIfPresent(node, "platform", signal.platform());
        if (signal.author() != null) {
            ObjectNode author = node.putObject("author");
            putIfPresent(author, "handle", signal.author().handle());
            putIfPresent(author, "id", signal.author().id());
            putIfPresent(author, "display_name", signal.author().displayName());
        }
        putIfPresent(node, "text", signal.text());
        putIfPresent(node, "language", signal.language());
        node.put("tlp", signal.tlp().label());
        if (signal.labels() != null) {
            node.set("labels", Json.mapper().valueToTree(signal.labels()));
        }
        if (signal.extensionsJson() != null) {
            try {
                // Named fields win: a body's own "id" or "source" is kept in extensionsJson but never passes for ours.
                Json.mapper().readTree(signal.extensionsJson()).properties().forEach(e -> {
                    if (!node.has(e.getKey())) {
                        node.set(e.getKey(), e.getValue());
                    }
                });
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("extensions of " + signal.id() + " are not JSON", e);
            }
        }
        return node;
    }

    private static Signal toSignal(ObjectNode body, String source, Instant observedAt) {
        String externalId = body.get("external_id").asText();
        JsonNode authorNode = body.get("author");
        Author author = authorNode == null
                ? null
                : new Author(text(authorNode, "handle"), text(authorNode, "id"), text(authorNode, "display_name"));
        JsonNode labelsNode = body.get("labels");
        Labels labels = labelsNode == null
                ? null
                : new Labels(
                        text(labelsNode, "category"),
                        strings(labelsNode.get("disarm")),
                        strings(labelsNode.get("target_groups")),
                        labelsNode.hasNonNull("confidence")
                                ? labelsNode.get("confidence").asInt()
                                : null);
        Tlp tlp =
                body.hasNonNull("tlp") ? Tlp.fromLabel(body.get("tlp").asText()).orElseThrow() : Tlp.GREEN;
        return new Signal(
                SignalIds.of(source, externalId),
                source,
                externalId,
                body.hasNonNull("kind") ? body.get("kind").asText() : "post",
                observedAt,
                text(body, "url"),
                text(body, "platform"),
                author,
                text(body, "text"),
                text(body, "language"),
                tlp,
                labels,
                extensions(body));
    }

    private static String extensions(ObjectNode body) {
        ObjectNode extra = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!NAMED_FIELDS.contains(field.getKey())) {
                extra.set(field.getKey(), field.getValue());
            }
        }
        return extra.isEmpty() ? null : extra.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> out.add(v.asText()));
        }
        return out;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return decoder.decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** Where strict decoding first fails, for the error message. */
    static String firstBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        decoder.decode(in, CharBuffer.allocate(bytes.length), true);
        int at = Math.min(in.position(), bytes.length - 1);
        return String.format("malformed byte 0x%02x at offset %d", bytes[at] & 0xff, at);
    }

    private static ParseOutcome rejected(String reason) {
        return new ParseOutcome.Rejected(reason);
    }
}
