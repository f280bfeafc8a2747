package org.varsel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.varsel.contract.IncidentCodec;
import org.varsel.contract.ParseOutcome;
import org.varsel.contract.Signal;
import org.varsel.contract.SignalCodec;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.analysis.SignalMatcher;
import org.varsel.pipeline.correlate.CorrelationKeys;
import org.varsel.pipeline.correlate.SingleSignals;
import org.varsel.pipeline.enrich.TextEnricher;
import org.varsel.pipeline.rules.MatchResult;
import org.varsel.pipeline.rules.RuleEngine;
import org.varsel.pipeline.settings.PipelineSettings;

/**
 * Hostile texts from a seeded generator through every per-signal step from intake to the incident's JSON, as the job
 * runs them one after another on one thread: parse, enrichment (language, links, tags, classifier), the bundled rules,
 * the five correlation keys, the single-signal incident. No step may throw on any of them (the job would dead-letter
 * the signal), and an ordinary grave text after each is enriched and matched exactly as by fresh instances: nothing a
 * hostile text left in the analysis chains, the language identifier or the classifier changes the next signal.
 */
class HostileTextsFuzzTest {
    static final long SEED = 20261207L;
    static final int TEXTS = 400;
    static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");
    static final String ORDINARY =
            "Kill all the migrants at the border, every last one #borderwatch https://news.example/x";

    /** Pieces a hostile text is made of: broken Unicode, controls, marks, scripts, links, tags and threat words. */
    static final String[] PIECES = {
        "\uD83D",
        "\uDC80",
        "\uDFFF\uD800",
        "\uD83D\uDC80",
        "\uD83D\uDD25",
        "\u0000",
        "\u0007",
        "\u001B[31m",
        "\u202E",
        "\u200B",
        "\uFEFF",
        "\u0301",
        "\u20DD",
        "\uFFFD",
        "\uFFFF",
        "\u2028",
        "\u00A0",
        "\t",
        "\n",
        "\r\n",
        " ",
        "  ",
        ",",
        ", ",
        "—",
        "...",
        "!!!",
        "?",
        "\"",
        "“",
        "”",
        "'",
        "(",
        ")",
        "[",
        "]",
        "#",
        "##",
        "@",
        "@@user",
        "#kill",
        "#KillThemAll",
        "#",
        "http://",
        "https://",
        "www.",
        "http://[::1:99999/%zz",
        "https://exa%mple.com/%E0%A4%A",
        "http://:80",
        "https://a@b@c/",
        "http://x/%00",
        "https://\uD83D\uDC80.example/",
        "kill",
        "KILL",
        "k1ll",
        "shoot",
        "hang",
        "them",
        "all",
        "the",
        "migrants",
        "muslims",
        "jews",
        "every",
        "last",
        "one",
        "tonight",
        "should",
        "be",
        "dead",
        "skyd",
        "dem",
        "alle",
        "dø",
        "svin",
        "æøå",
        "ÆØÅ",
        "اقتلوهم",
        "သတ်ပစ်ကြ",
        "ကုလား",
        "殺す",
        "ግደሏቸው",
        "ⓚⓘⓛⓛ",
        "ｋｉｌｌ",
        "𝐤𝐢𝐥𝐥",
        "🔪",
        "💣",
        "2016",
        "0",
        "-1",
        "1e309",
        "RT",
        "rt @x:"
    };

    @Test
    void noHostileTextFailsAStepOrChangesTheNextSignal() {
        PipelineSettings settings = PipelineSettings.defaultSettings();
        RuleEngine rules = RuleEngine.build(PipelineJob.initialRules(settings));
        TextEnricher enricher = new TextEnricher();
        CorrelationKeys keys = new CorrelationKeys(settings.correlation());
        SingleSignals single = SingleSignals.from(settings.correlation());
        AnalysedSignal expected;
        try (RuleEngine fresh = RuleEngine.build(PipelineJob.initialRules(settings))) {
            expected = analysed(parsed(ORDINARY, "ordinary"), new TextEnricher(), fresh);
        }
        assertThat(expected.ruleMatches())
                .as("the ordinary text is a threat the rules read")
                .isNotEmpty();
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int parsed = 0;
        for (int i = 0; i < TEXTS; i++) {
            String text = hostile(random);
            try {
                Optional<Signal> signal = accepted(text, "hostile-" + i);
                if (signal.isPresent()) {
                    parsed++;
                    AnalysedSignal a = analysed(signal.get(), enricher, rules);
                    keys.coSimilarText(a);
                    keys.coLink(a);
                    keys.hashtags(a);
                    keys.surge(a);
                    keys.earlyWarning(a);
                    single.incident(a).ifPresent(IncidentCodec::toJsonBytes);
                }
            } catch (RuntimeException e) {
                failures.add(i + " " + HostileSignalsTest.escaped(text) + ": " + e);
            }
            AnalysedSignal next = analysed(parsed(ORDINARY, "ordinary-" + i), enricher, rules);
            assertThat(next.language()).as("language after hostile text %s", i).isEqualTo(expected.language());
            assertThat(next.scores()).as("classifier after hostile text %s", i).isEqualTo(expected.scores());
            assertThat(next.ruleMatches()).as("rules after hostile text %s", i).isEqualTo(expected.ruleMatches());
        }
        assertThat(failures).as("hostile texts a step threw on").isEmpty();
        assertThat(parsed).as("hostile texts accepted at intake").isGreaterThan(TEXTS / 2);
    }

    /** A text of 1 to 400 pieces, now and then one piece repeated into a long run. */
    static String hostile(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = 1 + random.nextInt(random.nextInt(10) == 0 ? 400 : 40);
        for (int p = 0; p < pieces; p++) {
            String piece = PIECES[random.nextInt(PIECES.length)];
            text.append(random.nextInt(50) == 0 ? piece.repeat(1 + random.nextInt(2_000)) : piece);
            if (random.nextInt(3) > 0) {
                text.append(' ');
            }
        }
        if (random.nextInt(20) == 0) {
            text.append((char) random.nextInt(0x10000));
        }
        return text.length() > 19_000 ? text.substring(0, 19_000) : text.toString();
    }

    static Optional<Signal> accepted(String text, String externalId) {
        String json = """
        {"external_id": "%s", "kind": "post", "observed_at": "%s", "platform": "x", "author": {"handle": "h"},
         "text": %s, "tlp": "GREEN", "labels": {"category": "threat", "target_groups": [%s], "confidence": 90}}
        """.formatted(
                        externalId,
                        AT,
                        HostileSignalsTest.escaped(text),
                        HostileSignalsTest.escaped(text.length() > 64 ? text.substring(0, 64) : text));
        return SignalCodec.parse(json.getBytes(StandardCharsets.UTF_8), "partner:ngo-f", AT)
                        instanceof ParseOutcome.Accepted accepted
                ? Optional.of(accepted.signal())
                : Optional.empty();
    }

    static Signal parsed(String text, String externalId) {
        return accepted(text, externalId).orElseThrow();
    }

    static AnalysedSignal analysed(Signal signal, TextEnricher enricher, RuleEngine rules) {
        AnalysedSignal enriched =
                AnalysedSignal.enriched(signal, enricher.enrich(signal.text(), Optional.ofNullable(signal.language())));
        MatchResult result = SignalMatcher.match(rules, enriched);
        return SignalMatcher.withActiveHits(enriched, result);
    }
}
