package org.varsel.pipeline.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, versioned set of rules and the lexicons they reference: what the engine is built from and what
 * travels over the {@code varsel.rules} topic as JSON. The version is a hash of the content, so the same rules
 * always carry the same version whatever files they came from.
 */
public record RulePack(String name, String version, List<Rule> rules, List<Lexicon> lexicons) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /**
     * Checks that {@code version} is the content hash of {@code rules}; pass a null version to have
     * it computed.
     */
    public RulePack {
        Objects.requireNonNull(name, "name");
        rules = List.copyOf(rules);
        lexicons = lexicons == null ? List.of() : List.copyOf(lexicons);
        String computed = contentHash(rules, lexicons);
        if (version == null) {
            version = computed;
        } else if (!version.equals(computed)) {
            throw new IllegalArgumentException(
                    "rule pack '" + name + "' says version " + version + " but its rules hash to " + computed);
        }
    }

    /** A pack of these rules, versioned by their content. */
    public static RulePack of(String name, List<Rule> rules) {
        return new RulePack(name, null, rules, List.of());
    }

    /** A pack of these rules and lexicons, versioned by their content. */
    public static RulePack of(String name, List<Rule> rules, List<Lexicon> lexicons) {
        return new RulePack(name, null, rules, lexicons);
    }

    /** The rule with this id. */
    public Optional<Rule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The pack as UTF-8 JSON, for the {@code varsel.rules} topic. */
    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a pack written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException when the bytes are not a pack or the version does not match
     *     the rules (a corrupted or hand-edited message)
     */
    public static RulePack fromJson(byte[] json) {
        try {
            return JSON.readValue(json, RulePack.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new IllegalArgumentException("not a valid rule pack: " + cause.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Without lexicons the hash is the one packs had before lexicons existed, so their versions stay. */
    private static String contentHash(List<Rule> rules, List<Lexicon> lexicons) {
        List<Rule> byId = rules.stream().sorted(Comparator.comparing(Rule::id)).toList();
        try {
            String json = JSON.writeValueAsString(byId);
            if (!lexicons.isEmpty()) {
                List<Lexicon> byName = lexicons.stream()
                        .sorted(Comparator.comparing(Lexicon::name)
                                .thenComparing(l -> l.language().code()))
                        .toList();
                json += JSON.writeValueAsString(byName);
            }
            byte[] canonical = json.getBytes(StandardCharsets.UTF_8);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
