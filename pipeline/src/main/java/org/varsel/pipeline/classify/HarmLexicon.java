package org.varsel.pipeline.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * English and Danish words for violence, weapons, dehumanisation, groups, time, place, calls to act, othering
 * pronouns and counter-speech ({@code /classify/harm-lexicon.tsv}); a term ending in {@code *} matches as a prefix,
 * which covers Danish inflection ("kakerlak*": kakerlakker, kakerlakkerne).
 */
final class HarmLexicon {

    /** The lexicon resource; its bytes are part of the model version. */
    static final String RESOURCE = "/classify/harm-lexicon.tsv";
    /** Who or what a violent word is aimed at, and intent ({@link TargetFeatures}); its bytes are in the version too. */
    static final String TARGETS_RESOURCE = "/classify/target-lexicon.tsv";

    /** Signs that violence is reported ({@link ReportedViolenceFeatures}); its bytes are in the version too. */
    static final String REPORTED_RESOURCE = "/classify/reported-lexicon.tsv";
    /** The WordNet-derived harm words of the rule lexicons, as violence and weapon; its bytes are in the version too. */
    static final String WORDNET_RESOURCE = "/classify/wordnet-harm-lexicon.tsv";

    private static final int PREFIX_KEY = 4;
    private static final HarmLexicon BUNDLED = load(RESOURCE);
    private static final HarmLexicon TARGETS = load(TARGETS_RESOURCE);
    private static final HarmLexicon REPORTED = load(REPORTED_RESOURCE);
    private static final HarmLexicon WORDNET = load(WORDNET_RESOURCE);

    private final Map<String, Integer> exact;
    /** Prefix terms keyed by their first four letters, so a token costs one map look-up. */
    private final Map<String, List<Prefix>> prefixes;

    private record Prefix(String prefix, int classes) {}

    private HarmLexicon(Map<String, Integer> exact, Map<String, List<Prefix>> prefixes) {
        this.exact = exact;
        this.prefixes = prefixes;
    }

    static HarmLexicon bundled() {
        return BUNDLED;
    }

    /**
     * The target lexicon: person, thing and intent words, apart from {@link #bundled()} so the obfuscation repair,
     * which reads every word and stem there, is not changed by them.
     */
    static HarmLexicon targets() {
        return TARGETS;
    }

    /** The lexicon a feature version reads beside {@link #bundled()}: {@link #TARGETS_RESOURCE}, {@link #REPORTED_RESOURCE}
     * (past violent verbs, auxiliaries, news, third persons, dates) or {@link #WORDNET_RESOURCE}. */
    static HarmLexicon ofResource(String resource) {
        return switch (resource) {
            case TARGETS_RESOURCE -> TARGETS;
            case REPORTED_RESOURCE -> REPORTED;
            case WORDNET_RESOURCE -> WORDNET;
            default -> throw new IllegalArgumentException("no classifier lexicon " + resource);
        };
    }

    /** The {@link WordClass#bit() bits} of every class {@code token} (lower case, folded) belongs to; 0 for none. */
    int classes(String token) {
        int classes = exact.getOrDefault(token, 0);
        if (token.length() >= PREFIX_KEY) {
            List<Prefix> candidates = prefixes.get(token.substring(0, PREFIX_KEY));
            if (candidates != null) {
                for (Prefix p : candidates) {
                    if (token.startsWith(p.prefix())) {
                        classes |= p.classes();
                    }
                }
            }
        }
        return classes;
    }

    /** True when {@code token} is a whole-word term (not only a prefix match). */
    boolean isExact(String token) {
        return exact.containsKey(token);
    }

    /** The length of the longest prefix term {@code token} starts with ("dræb" of "dræbealle"), or 0. */
    int longestPrefix(String token) {
        int longest = 0;
        List<Prefix> candidates = token.length() >= PREFIX_KEY ? prefixes.get(token.substring(0, PREFIX_KEY)) : null;
        if (candidates != null) {
            for (Prefix p : candidates) {
                if (token.startsWith(p.prefix())) {
                    longest = Math.max(longest, p.prefix().length());
                }
            }
        }
        return longest;
    }

    /** Passes every term of one of {@code classes} to {@code each}, with whether it is a prefix ("dræb" of "dræb*"). */
    void terms(int classes, BiConsumer<String, Boolean> each) {
        exact.forEach((term, c) -> {
            if ((c & classes) != 0) {
                each.accept(term, false);
            }
        });
        prefixes.values()
                .forEach(list -> list.forEach(p -> {
                    if ((p.classes() & classes) != 0) {
                        each.accept(p.prefix(), true);
                    }
                }));
    }

    private static HarmLexicon load(String resource) {
        Map<String, Integer> exact = new HashMap<>();
        Map<String, List<Prefix>> prefixes = new HashMap<>();
        try (InputStream in = HarmLexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classifier lexicon " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 2) {
                    throw new IllegalStateException(resource + ":" + lineNumber + ": expected class<TAB>term");
                }
                int bit = WordClass.valueOf(f[0].toUpperCase(Locale.ROOT)).bit();
                String term = f[1].strip();
                if (term.endsWith("*")) {
                    String prefix = term.substring(0, term.length() - 1);
                    if (prefix.length() < PREFIX_KEY) {
                        throw new IllegalStateException(
                                resource + ":" + lineNumber + ": a prefix needs " + PREFIX_KEY + " letters");
                    }
                    prefixes.computeIfAbsent(prefix.substring(0, PREFIX_KEY), k -> new ArrayList<>())
                            .add(new Prefix(prefix, bit));
                } else {
                    exact.merge(term, bit, (a, b) -> a | b);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HarmLexicon(Map.copyOf(exact), Map.copyOf(prefixes));
    }
}
