package org.varsel.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.varsel.pipeline.correlate.CorrelationSettings;
import org.varsel.pipeline.correlate.ShingledText;
import org.varsel.pipeline.nlp.LanguageIdentifier;
import org.varsel.pipeline.rules.Rule;
import org.varsel.pipeline.rules.RuleEngine;
import org.varsel.pipeline.rules.RulePack;
import org.varsel.pipeline.rules.RuleStatus;

/**
 * Which languages and scripts each text step covers, on one sentence per language written for the project
 * ({@code script-coverage.tsv}): the language the detector answers, whether a rule for {@code any} language naming one
 * word of the sentence matches it (word breaking), and how many words co-similar text compares (a text needs at least
 * the configured minimum to be clustered). Run: {@code bench/run org.varsel.bench.ScriptCoverage}; prints Markdown.
 */
public final class ScriptCoverage {

    record Sample(String language, String script, String word, String sentence) {}

    public static void main(String[] args) throws IOException {
        List<Sample> samples = samples();
        LanguageIdentifier identifier = new LanguageIdentifier();
        int minWords = CorrelationSettings.defaults().coSimilarMinWords();
        int shingleWords = CorrelationSettings.defaults().coSimilarShingleWords();
        System.out.println(
                "| language | script | detected | rule for one word (`any`) | words for co-similar text (min "
                        + minWords + ") |");
        System.out.println("|---|---|---|---|---:|");
        int detected = 0;
        int matched = 0;
        int clustered = 0;
        for (Sample s : samples) {
            String tag = identifier.detect(s.sentence()).language();
            boolean match;
            Rule rule = BenchRule.of(
                    "cover-" + s.language(),
                    "word",
                    "{matched}",
                    "\"" + s.word() + "\"",
                    List.of(),
                    1,
                    RuleStatus.ACTIVE);
            try (RuleEngine engine = RuleEngine.build(RulePack.of("coverage", List.of(rule)))) {
                match = !engine.match(s.sentence(), Optional.empty()).hits().isEmpty();
            }
            int words = ShingledText.of(s.sentence(), shingleWords).words().size();
            detected += tag.equals(s.language()) ? 1 : 0;
            matched += match ? 1 : 0;
            clustered += words >= minWords ? 1 : 0;
            System.out.printf(
                    "| %s | %s | %s | %s | %d |%n", s.language(), s.script(), tag, match ? "yes" : "**no**", words);
        }
        System.out.printf(
                "%n%d languages: detected %d, rule word found %d, enough words to cluster %d%n",
                samples.size(), detected, matched, clustered);
    }

    private static List<Sample> samples() throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ScriptCoverage.class.getResourceAsStream("/script-coverage.tsv"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] f = line.split("\t");
                    samples.add(new Sample(f[0], f[1], f[2], f[3]));
                }
            }
        }
        return samples;
    }
}
