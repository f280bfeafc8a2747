package org.varsel.desk.brief;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.varsel.contract.Tlp;
import org.varsel.desk.brief.model.Notifier;
import org.varsel.desk.brief.model.Track;

/**
 * The brief settings file (YAML; {@code desk.briefs.config}, else the bundled {@code briefs/briefs.yaml}): who notifies,
 * the legal provisions per jurisdiction and category, the platforms' policies, audiences' TLP ceilings, partners'
 * consent to AMBER sharing, and what to redact. Every key is described in {@code docs/briefs.md}.
 */
public record BriefSettings(
        Notifier notifier,
        String jurisdiction,
        Map<String, Map<String, String>> legalProvisions,
        Map<String, Map<String, Policy>> tosPolicies,
        Tlp defaultPlatformMaxTlp,
        Map<String, PlatformAudience> platforms,
        Map<String, List<String>> partnerConsent,
        Redaction redaction,
        String goodFaithStatement,
        Map<String, String> requestedAction) {

    public static final String BUNDLED = "/briefs/briefs.yaml";
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public BriefSettings {
        List<String> problems = new ArrayList<>();
        if (notifier == null
                || blank(notifier.name())
                || notifier.email() == null
                || !EMAIL.matcher(notifier.email()).matches()) {
            problems.add("notifier needs a name and an email address (DSA Art. 16(2)(c))");
        }
        if (blank(jurisdiction)) {
            problems.add("jurisdiction must be set");
        }
        legalProvisions = legalProvisions == null ? Map.of() : Map.copyOf(legalProvisions);
        if (!blank(jurisdiction) && !legalProvisions.containsKey(jurisdiction)) {
            problems.add("legal_provisions has no entries for the jurisdiction " + jurisdiction);
        }
        tosPolicies = tosPolicies == null ? Map.of() : Map.copyOf(tosPolicies);
        defaultPlatformMaxTlp = defaultPlatformMaxTlp == null ? Tlp.GREEN : defaultPlatformMaxTlp;
        platforms = platforms == null ? Map.of() : Map.copyOf(platforms);
        partnerConsent = partnerConsent == null ? Map.of() : Map.copyOf(partnerConsent);
        redaction = redaction == null ? new Redaction(Map.of(), List.of()) : redaction;
        for (Map.Entry<String, String> pattern : redaction.patterns().entrySet()) {
            try {
                Pattern.compile(pattern.getValue());
            } catch (PatternSyntaxException e) {
                problems.add("redaction.patterns." + pattern.getKey() + " is not a regular expression: "
                        + e.getDescription());
            }
        }
        if (blank(goodFaithStatement)) {
            problems.add("good_faith_statement must be set (DSA Art. 16(2)(d))");
        }
        requestedAction = requestedAction == null ? Map.of() : Map.copyOf(requestedAction);
        for (Track track : Track.values()) {
            if (blank(requestedAction.get(track.label()))) {
                problems.add("requested_action." + track.label() + " must be set");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("brief settings: " + String.join("; ", problems));
        }
    }

    /** A platform's own rule: the name it gives it and where it is published. */
    public record Policy(String name, String url) {}

    /** How far a platform may be trusted with marked information, and where its notices go. */
    public record PlatformAudience(Tlp maxTlp, String contact) {}

    /** Patterns (label → regular expression) and names of people to protect. */
    public record Redaction(Map<String, String> patterns, List<String> names) {
        public Redaction {
            patterns = patterns == null ? Map.of() : Map.copyOf(patterns);
            names = names == null ? List.of() : List.copyOf(names);
        }
    }

    /** The bundled defaults, or the file when one is given. */
    public static BriefSettings load(Optional<Path> file) {
        if (file.isPresent()) {
            try (InputStream in = Files.newInputStream(file.get())) {
                return read(in, file.get().toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read brief settings " + file.get(), e);
            }
        }
        try (InputStream in = BriefSettings.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(
                        "the bundled brief settings " + BUNDLED + " are missing from the build");
            }
            return read(in, BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read brief settings " + BUNDLED, e);
        }
    }

    static BriefSettings read(InputStream in, String name) throws IOException {
        try {
            return YAML.readValue(in, BriefSettings.class);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new IllegalArgumentException(name + ": " + cause.getMessage(), e);
        }
    }

    /** The legal provisions of the configured jurisdiction, by category. */
    public Map<String, String> provisions() {
        return legalProvisions.getOrDefault(jurisdiction, Map.of());
    }

    /** The highest marking a platform may receive. */
    public Tlp platformCeiling(String platform) {
        PlatformAudience audience = platforms.get(platform);
        return audience == null || audience.maxTlp() == null ? defaultPlatformMaxTlp : audience.maxTlp();
    }

    /** The platform's policy for a category, else its {@code default} policy. */
    public Optional<Policy> policy(String platform, String category) {
        Map<String, Policy> policies = tosPolicies.getOrDefault(platform, Map.of());
        return Optional.ofNullable(policies.getOrDefault(category, policies.get("default")));
    }

    public TlpPolicy tlpPolicy() {
        Map<String, Set<String>> consent = new java.util.HashMap<>();
        partnerConsent.forEach((partner, audiences) -> consent.put(partner, new HashSet<>(audiences)));
        return new TlpPolicy(consent);
    }

    public Redactor redactor() {
        return new Redactor(redaction.patterns(), redaction.names());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
