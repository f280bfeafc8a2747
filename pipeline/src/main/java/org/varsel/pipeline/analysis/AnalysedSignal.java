package org.varsel.pipeline.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.varsel.contract.Signal;
import org.varsel.pipeline.enrich.Enrichment;
import org.varsel.pipeline.extract.Platform;
import org.varsel.pipeline.extract.UrlCanonicaliser;

/**
 * A signal with everything the pipeline learned about it. Lists are never null; {@code category} and
 * {@code modelVersion} are null until the classifier has run, and {@code scores} is then empty.
 *
 * @param urls canonical URLs from the signal's url field and its text
 * @param ruleMatches active rules only: shadow rules never reach correlation
 * @param encodingConverted the legacy encoding the signal's text was converted from ({@code zawgyi}), null when none
 */
public record AnalysedSignal(
        Signal signal,
        String language,
        double languageConfidence,
        List<String> urls,
        List<String> platforms,
        List<String> hashtags,
        List<String> mentions,
        String category,
        Map<String, Double> scores,
        String modelVersion,
        List<RuleMatch> ruleMatches,
        String encodingConverted) {

    /** A signal before enrichment and matching: only what it arrived with. */
    public static AnalysedSignal of(Signal signal) {
        return new AnalysedSignal(
                signal,
                signal.language(),
                signal.language() == null ? 0.0 : 1.0,
                signal.url() == null ? List.of() : List.of(signal.url()),
                signal.platform() == null ? List.of() : List.of(signal.platform()),
                List.of(),
                List.of(),
                null,
                Map.of(),
                null,
                List.of(),
                null);
    }

    /**
     * A signal with what the text enricher found; the signal's own url leads its links, its platform wins. A text the
     * enricher converted to Unicode replaces the signal's, so that rules and correlation read what the enricher read.
     */
    public static AnalysedSignal enriched(Signal original, Enrichment enrichment) {
        Signal signal = enrichment.encodingConverted() == null
                ? original
                : original.withAuthorAndContent(
                        original.author(), enrichment.text(), original.labels(), original.extensionsJson());
        List<String> urls = new ArrayList<>();
        List<String> platforms = new ArrayList<>();
        signal.urlIfAny().flatMap(UrlCanonicaliser::canonicalise).ifPresent(url -> {
            urls.add(url);
            platforms.add(
                    signal.platform() != null
                            ? signal.platform()
                            : Platform.ofUrl(url).label());
        });
        enrichment.urls().stream().filter(url -> !urls.contains(url)).forEach(urls::add);
        enrichment.platforms().stream().filter(p -> !platforms.contains(p)).forEach(platforms::add);
        return new AnalysedSignal(
                signal,
                enrichment.language(),
                enrichment.languageConfidence(),
                urls,
                platforms,
                new ArrayList<>(enrichment.hashtags()),
                new ArrayList<>(enrichment.mentions()),
                enrichment.category(),
                new HashMap<>(enrichment.scores()),
                enrichment.modelVersion(),
                List.of(),
                enrichment.encodingConverted());
    }

    /** The same analysis of another form of the signal (a compact or pseudonymised copy). */
    public AnalysedSignal withSignal(Signal other) {
        return new AnalysedSignal(
                other,
                language,
                languageConfidence,
                urls,
                platforms,
                hashtags,
                mentions,
                category,
                scores,
                modelVersion,
                ruleMatches,
                encodingConverted);
    }

    public AnalysedSignal withRuleMatches(List<RuleMatch> matches) {
        return new AnalysedSignal(
                signal,
                language,
                languageConfidence,
                urls,
                platforms,
                hashtags,
                mentions,
                category,
                scores,
                modelVersion,
                matches,
                encodingConverted);
    }

    /** The language tag rules and lexicons read the text in: none when undetermined ({@code und}), so all apply. */
    public Optional<String> ruleLanguage() {
        return Optional.ofNullable(language).filter(l -> !"und".equals(l));
    }

    /** Who posted it, as the key for counting distinct accounts: platform-qualified handle, or the source when unknown. */
    public String accountKey() {
        return accountKey(signal.platform(), signal.authorHandle().orElse(null), signal.source(), signal.externalId());
    }

    /** {@link #accountKey()} from a signal's parts (as an incident's evidence carries them). */
    public static String accountKey(String platform, String handle, String source, String externalId) {
        if (handle == null) {
            return source + "/" + externalId;
        }
        return (platform == null ? "" : platform + ":") + handle.toLowerCase(java.util.Locale.ROOT);
    }
}
