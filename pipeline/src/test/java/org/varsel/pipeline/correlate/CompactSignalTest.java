package org.varsel.pipeline.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Author;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Labels;
import org.varsel.contract.Signal;
import org.varsel.contract.SignalIds;
import org.varsel.contract.Tlp;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.analysis.RuleMatch;

/**
 * The compact form of a signal is what every detector keeps while a group waits (a co-similar text for an hour): it
 * must hold only what an incident draft reads, and a draft built from it must equal one built from the whole signal.
 */
class CompactSignalTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void anIncidentDraftedFromCompactSignalsEqualsOneDraftedFromTheWholeSignals() {
        Random random = new Random(20);
        for (int round = 0; round < 20; round++) {
            IncidentDraft whole = IncidentDraft.open(IncidentKind.CO_SIMILAR_TEXT, "inc", "subject", 5, 600_000);
            IncidentDraft compact = IncidentDraft.open(IncidentKind.CO_SIMILAR_TEXT, "inc", "subject", 5, 600_000);
            for (int i = 0; i < 40; i++) {
                AnalysedSignal signal = signal(random, i);
                whole.add(signal);
                compact.add(CorrelationKeys.compact(signal));
            }
            Incident fromWhole = whole.emit(T0.toEpochMilli());
            Incident fromCompact = compact.emit(T0.toEpochMilli());
            assertThat(fromCompact).as("round %d", round).isEqualTo(fromWhole);
        }
    }

    @Test
    void theCompactFormKeepsNoAuthorIdDisplayNameMentionsOrRuleExplanationsAndNoHighlightPastTheExcerpt() {
        AnalysedSignal compact = CorrelationKeys.compact(signal(new Random(1), 1));

        assertThat(compact.signal().author()).isEqualTo(new Author("handle1", null, null));
        assertThat(compact.signal().extensionsJson()).isNull();
        assertThat(compact.signal().text()).hasSizeLessThanOrEqualTo(IncidentDraft.EXCERPT_CHARS + 1);
        assertThat(compact.mentions()).isEmpty();
        assertThat(compact.ruleMatches()).isNotEmpty().allSatisfy(match -> {
            assertThat(match.explanation()).isNull();
            assertThat(match.terms())
                    .allSatisfy(t -> assertThat(t.end()).isLessThanOrEqualTo(IncidentDraft.EXCERPT_CHARS));
        });
    }

    /** A signal with every part a partner and the analysis can give, some of it long. */
    private static AnalysedSignal signal(Random random, int n) {
        StringBuilder text = new StringBuilder("post " + n);
        int words = 5 + random.nextInt(150);
        for (int w = 0; w < words; w++) {
            text.append(' ').append("word").append(random.nextInt(40));
        }
        List<RuleMatch> rules = new ArrayList<>();
        int matches = random.nextInt(3) + (n == 1 ? 1 : 0);
        for (int m = 0; m < matches; m++) {
            int start = random.nextInt(text.length());
            rules.add(new RuleMatch(
                    "rule-" + random.nextInt(5),
                    "a rule",
                    1 + random.nextInt(5),
                    random.nextBoolean() ? "dehumanisation" : "threat",
                    List.of("hallmark:dehumanisation", "disarm:T0001", "tcap:place"),
                    List.of("group" + random.nextInt(3)),
                    "the rule's description rendered for this hit, often a long sentence or two",
                    List.of(
                            new Incident.MatchedTerm("word", start, start + 4),
                            new Incident.MatchedTerm("post", 0, 4),
                            new Incident.MatchedTerm("late", 600, 604)),
                    "pack-1",
                    random.nextInt(4) == 0));
        }
        Labels labels = random.nextInt(5) == 0
                ? new Labels("incitement", List.of("T0002"), List.of("group1"), random.nextInt(100))
                : null;
        Signal signal = new Signal(
                SignalIds.of("partner:a", "ext-" + n),
                "partner:a",
                "ext-" + n,
                "post",
                T0.plusSeconds(random.nextInt(3_600)),
                random.nextBoolean() ? "https://news.example/" + random.nextInt(5) : null,
                "x",
                new Author("handle" + n % 7, "id-" + n, "Display Name " + n),
                text.toString(),
                "en",
                random.nextBoolean() ? Tlp.GREEN : Tlp.AMBER,
                labels,
                "{\"region\":\"north\"}");
        return new AnalysedSignal(
                signal,
                "en",
                0.9,
                List.of("https://news.example/" + random.nextInt(5)),
                List.of("x"),
                List.of("#tag" + random.nextInt(4)),
                List.of("@someone" + n),
                random.nextBoolean() ? "hateful" : "neutral",
                Map.of("threat", random.nextDouble(), "hateful", random.nextDouble(), "neutral", 0.1),
                "model-1",
                rules,
                null);
    }
}
