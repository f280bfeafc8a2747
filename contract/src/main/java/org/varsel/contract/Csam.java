package org.varsel.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Child sexual abuse material is never handled as content (docs/child-safety.md). A signal whose
 * {@code labels.category} is {@value #CATEGORY} keeps only where the material is and metadata about the report:
 * id, source, external id, kind, observed_at, url, platform, author handle and id, language, TLP, and the labels'
 * category and confidence. Text, author display name, the other labels and every field signal.v1 does not name
 * (which could carry media or captions) are dropped. Intake strips before anything is written to Kafka; the
 * pipeline strips again when it parses (defence in depth) and routes the signal to the hotline track, never into
 * an incident.
 */
public final class Csam {
    /** The {@code labels.category} that marks a signal as (suspected) child sexual abuse material. */
    public static final String CATEGORY = "csam";

    /** Looks for the label in bytes that are not a valid signal (a dead letter must not keep such bytes). */
    private static final Pattern LABEL_IN_BYTES =
            Pattern.compile("\"category\"\\s*:\\s*\"\\s*csam\\s*\"", Pattern.CASE_INSENSITIVE);

    private Csam() {}

    /** Whether the signal is labelled as child sexual abuse material. */
    public static boolean isCsam(Signal signal) {
        return signal != null
                && signal.labels() != null
                && isCsamCategory(signal.labels().category());
    }

    public static boolean isCsamCategory(String category) {
        return category != null && CATEGORY.equals(category.trim().toLowerCase(Locale.ROOT));
    }

    /** The signal with nothing but its URL and metadata (see the class comment); a signal that is not CSAM as it is. */
    public static Signal strip(Signal signal) {
        if (!isCsam(signal)) {
            return signal;
        }
        Author author = signal.author() == null
                        || (signal.author().handle() == null && signal.author().id() == null)
                ? null
                : new Author(signal.author().handle(), signal.author().id(), null);
        return signal.withAuthorAndContent(
                author,
                null,
                new Labels(CATEGORY, List.of(), List.of(), signal.labels().confidence()),
                null);
    }

    /** Whether a stripped signal is still a valid signal: without text, signal.v1 needs a URL. */
    public static boolean hasUrl(Signal signal) {
        return signal.url() != null && !signal.url().isBlank();
    }

    /** The stripped signal as a signal.v1 body (what intake writes to the raw topic instead of the bytes it got). */
    public static byte[] strippedBody(Signal signal) {
        ObjectNode node = SignalCodec.toJson(strip(signal));
        node.remove("id");
        node.remove("source");
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Whether raw bytes that could not be accepted as a signal look labelled as CSAM. Errs towards yes: a record
     * that is not JSON but names the label counts, so its bytes are not kept.
     */
    public static boolean labelledInBytes(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return false;
        }
        try {
            JsonNode tree = Json.mapper().readTree(bytes);
            JsonNode category = tree == null ? null : tree.path("labels").path("category");
            if (category != null && category.isTextual() && isCsamCategory(category.textValue())) {
                return true;
            }
        } catch (java.io.IOException | RuntimeException notJson) {
            // fall through to the textual check
        }
        return LABEL_IN_BYTES.matcher(new String(bytes, StandardCharsets.UTF_8)).find();
    }

    /**
     * What may be kept of raw bytes labelled CSAM that are not a valid signal: the URL and metadata fields that are
     * plain strings of sane length (external_id, kind, observed_at, url, platform, tlp, language), and the label.
     * Nothing else; an empty object when the bytes are not a JSON object.
     */
    public static byte[] strippedBytes(byte[] bytes) {
        ObjectNode out = Json.mapper().createObjectNode();
        try {
            JsonNode tree = Json.mapper().readTree(bytes);
            if (tree != null && tree.isObject()) {
                for (String field :
                        List.of("external_id", "kind", "observed_at", "url", "platform", "tlp", "language")) {
                    JsonNode value = tree.get(field);
                    if (value != null && value.isTextual() && value.textValue().length() <= 2048) {
                        out.put(field, value.textValue());
                    }
                }
            }
        } catch (java.io.IOException | RuntimeException notJson) {
            // keep nothing of it
        }
        out.putObject("labels").put("category", CATEGORY);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
