package org.varsel.pipeline.correlate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.varsel.contract.Author;
import org.varsel.contract.Labels;
import org.varsel.contract.Signal;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.analysis.RuleMatch;
import org.varsel.pipeline.harm.HarmReading;

/**
 * What each detector groups a signal by. A signal can carry several keys (two URLs, three hashtags, a category and
 * a target group) and so count towards several incidents. The signal travels on in compact form: text capped, the
 * unnamed extensions dropped, because detectors keep it as evidence.
 */
public final class CorrelationKeys implements java.io.Serializable {
    /** Partner label categories that count as threatening or dehumanising for early warning. */
    private static final Set<String> EARLY_WARNING_LABELS = Set.of("threat", "incitement", "dehumanisation");

    private final int shingleWords;
    private final int minWords;
    private final MinHash minHash;

    public CorrelationKeys(CorrelationSettings s) {
        this.shingleWords = s.coSimilarShingleWords();
        this.minWords = s.coSimilarMinWords();
        this.minHash = new MinHash(s.coSimilarHashes());
    }

    /** Co-similar text: the content key of its MinHash, unless the text is too short to say anything about coordination. */
    public Optional<KeyedSignal> coSimilarText(AnalysedSignal analysed) {
        return sketch(analysed.signal().text())
                .map(sketch -> new KeyedSignal(sketch.key(), compact(analysed), sketch.signature()));
    }

    /** The content key and MinHash signature co-similar text groups by; empty for a text too short to compare. */
    public Optional<ContentSketch> sketch(String text) {
        List<String> words = ShingledText.normalisedWords(text);
        if (words.size() < minWords) {
            return Optional.empty();
        }
        long[] signature = minHash.signature(words, shingleWords);
        return Optional.of(new ContentSketch(MinHash.contentKey(signature), signature));
    }

    public List<KeyedSignal> coLink(AnalysedSignal analysed) {
        return keyed(new LinkedHashSet<>(analysed.urls()), analysed);
    }

    public List<KeyedSignal> hashtags(AnalysedSignal analysed) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : analysed.hashtags()) {
            String bare = (tag.startsWith("#") ? tag.substring(1) : tag).toLowerCase(Locale.ROOT);
            if (!bare.isEmpty()) {
                tags.add(bare);
            }
        }
        return keyed(tags, analysed);
    }

    /** Surge keys: the categories and target groups of its rule matches (context rules aside), its classifier category (unless neutral) and partner labels. */
    public List<KeyedSignal> surge(AnalysedSignal analysed) {
        Set<String> keys = new LinkedHashSet<>();
        for (RuleMatch match : analysed.ruleMatches()) {
            if (match.isContext()) {
                continue; // counter-speech surging is not a harm surging
            }
            if (match.category() != null) {
                keys.add("category:" + match.category());
            }
            match.targetGroups().forEach(g -> keys.add("target:" + g.toLowerCase(Locale.ROOT)));
        }
        if (analysed.category() != null && !"neutral".equals(analysed.category())) {
            keys.add("category:" + analysed.category());
        }
        Labels labels = analysed.signal().labels();
        if (labels != null) {
            if (labels.category() != null) {
                keys.add("category:" + labels.category());
            }
            labels.targetGroups().forEach(g -> keys.add("target:" + g.toLowerCase(Locale.ROOT)));
        }
        return keyed(keys, analysed);
    }

    /**
     * Early-warning keys: each target group a threat or dehumanisation names (a rule's, or a partner's label of that
     * category), alone and, when the signal names a region, in that region.
     */
    public List<KeyedSignal> earlyWarning(AnalysedSignal analysed) {
        Set<String> groups = new LinkedHashSet<>();
        for (RuleMatch match : analysed.ruleMatches()) {
            if (!match.isContext() && (HarmReading.isThreat(match) || HarmReading.isDehumanising(match))) {
                match.targetGroups().forEach(g -> groups.add(g.toLowerCase(Locale.ROOT)));
            }
        }
        Labels labels = analysed.signal().labels();
        // Set.of(...).contains(null) throws: a label may name target groups without a category
        if (labels != null && labels.category() != null && EARLY_WARNING_LABELS.contains(labels.category())) {
            labels.targetGroups().forEach(g -> groups.add(g.toLowerCase(Locale.ROOT)));
        }
        if (groups.isEmpty()) {
            return List.of();
        }
        Optional<String> region = SignalRegion.of(analysed.signal());
        Set<String> keys = new LinkedHashSet<>();
        for (String group : groups) {
            keys.add(new EarlyWarningKey(group, Optional.empty()).key());
            region.ifPresent(r -> keys.add(new EarlyWarningKey(group, region).key()));
        }
        return keyed(keys, analysed);
    }

    private static List<KeyedSignal> keyed(Set<String> keys, AnalysedSignal analysed) {
        List<KeyedSignal> out = new ArrayList<>(keys.size());
        if (keys.isEmpty()) {
            return out;
        }
        AnalysedSignal compact = compact(analysed);
        for (String key : keys) {
            out.add(new KeyedSignal(key, compact, new long[0]));
        }
        return out;
    }

    /**
     * The signal as detectors keep it (a co-similar text waits an hour in state): only what an incident draft reads.
     * The text is capped to the evidence excerpt and a rule match's highlights to those inside it; the extensions, the
     * author's id and display name, the mentions and the rules' explanations go.
     */
    static AnalysedSignal compact(AnalysedSignal a) {
        Signal s = a.signal();
        Author author = s.author() == null ? null : new Author(s.author().handle(), null, null);
        Signal kept = s.withAuthorAndContent(author, IncidentDraft.excerpt(s.text()), s.labels(), null);
        return new AnalysedSignal(
                kept,
                a.language(),
                a.languageConfidence(),
                a.urls(),
                a.platforms(),
                a.hashtags(),
                List.of(),
                a.category(),
                a.scores(),
                a.modelVersion(),
                a.ruleMatches().stream().map(CorrelationKeys::compact).toList(),
                a.encodingConverted());
    }

    private static RuleMatch compact(RuleMatch m) {
        return new RuleMatch(
                m.ruleId(),
                m.title(),
                m.severity(),
                m.category(),
                m.tags(),
                m.targetGroups(),
                null,
                m.terms().stream()
                        .filter(t -> t.end() <= IncidentDraft.EXCERPT_CHARS)
                        .toList(),
                m.packVersion(),
                m.reportedSpeech());
    }
}
