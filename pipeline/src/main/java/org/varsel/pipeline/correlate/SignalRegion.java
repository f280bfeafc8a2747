package org.varsel.pipeline.correlate;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.varsel.contract.Json;
import org.varsel.contract.Signal;

/**
 * The country or region a signal names: signal.v1 has no field for it, so a partner's own {@code region} (or
 * {@code country}) field, kept among the signal's extensions, is read; lower-cased, at most 64 characters.
 */
final class SignalRegion {
    private static final int MAX_CHARS = 64;

    private SignalRegion() {}

    static Optional<String> of(Signal signal) {
        String extensions = signal.extensionsJson();
        if (extensions == null || (!extensions.contains("\"region\"") && !extensions.contains("\"country\""))) {
            return Optional.empty(); // most signals name none: no parse
        }
        try {
            JsonNode fields = Json.mapper().readTree(extensions);
            JsonNode named = fields.path("region").isTextual() ? fields.get("region") : fields.path("country");
            if (!named.isTextual() || named.asText().isBlank()) {
                return Optional.empty();
            }
            String region = named.asText().strip().toLowerCase(Locale.ROOT);
            return Optional.of(region.length() > MAX_CHARS ? region.substring(0, MAX_CHARS) : region);
        } catch (IOException e) {
            return Optional.empty(); // extensions were valid JSON at parse time; unreadable here means no region, not a
            // failure
        }
    }
}
