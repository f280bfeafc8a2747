package org.varsel.pipeline.rules;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a rule and the words it matched into the hit an analyst reads: the groups the text names (from the lexicon
 * entries under the matched words, not the rule's whole list), and a lower severity when the text reports or
 * condemns what it quotes (a {@code counter-speech} lexicon entry anywhere in it, every matched word inside
 * quotation marks in a text that says more than the quote, or every matched word in a sentence that opens like a news
 * report, {@link ReportSentenceFilter}), so that quoting or reporting a threat does not read as a threat.
 */
final class HitInterpreter {

    /** How much a reporting or counter-speech context lowers a hit's severity (never below 1). */
    static final int REPORTED_SPEECH_SEVERITY_DROP = 2;
    /** The categories of speech that can be quoted to condemn it; an influence-operation marker cannot. */
    static final Set<String> QUOTABLE = Set.of("dangerous-speech", "incitement", "terrorist-content");

    private final RulePack pack;
    private final Lexicons lexicons;
    /** The lexicon forms a hit reads ({@link #reads}): a hit's text is walked for these only. */
    private final Lexicons.Index read;

    HitInterpreter(RulePack pack, Lexicons lexicons) {
        this.pack = pack;
        this.lexicons = lexicons;
        read = formsRead(lexicons);
    }

    /** The forms of {@code lexicons} a hit reads ({@link #reads}), indexed to find them in a text. */
    static Lexicons.Index formsRead(Lexicons lexicons) {
        return lexicons.index(f -> reads(f.lexicon(), f.entry()));
    }

    /** True for an entry a hit reads: a counter-speech lexicon's (reported speech), or one that names a group. */
    static boolean reads(Lexicon lexicon, Lexicon.Entry entry) {
        return isCounterSpeech(lexicon) || namesGroup(entry);
    }

    private static boolean isCounterSpeech(Lexicon lexicon) {
        return lexicon.kind() == LexiconKind.COUNTER_SPEECH;
    }

    private static boolean namesGroup(Lexicon.Entry entry) {
        return !entry.group().isEmpty();
    }

    /**
     * The hits of one text whose words in each language's field are {@code words} (the engine passes the words its
     * fields were analysed into for matching; read only for a language a hit asks for).
     */
    Text of(String text, Function<RuleLanguage, List<Lexicons.Token>> words) {
        return new Text(text, words);
    }

    final class Text {
        private final String text;
        private final Function<RuleLanguage, List<Lexicons.Token>> words;
        private final Map<RuleLanguage, List<Lexicons.Occurrence>> occurrences = new EnumMap<>(RuleLanguage.class);
        /** The text's English words, read once a hit asks whether it stands in a news report's sentences. */
        private List<Lexicons.Token> englishWords;
        /** Where the English words that carry {@link ReportSentenceFilter#TOKEN} start: read with them, once. */
        private Set<Integer> reportWords;

        private Text(String text, Function<RuleLanguage, List<Lexicons.Token>> words) {
            this.text = text;
            this.words = words;
        }

        /** The hit of this rule, whose query matched the text as analysed for {@code fields}. */
        RuleHit hit(Rule rule, List<MatchedTerm> terms, Set<RuleLanguage> fields) {
            Set<String> groups = new LinkedHashSet<>();
            List<Lexicons.Occurrence> context = new ArrayList<>();
            if (!lexicons.all().isEmpty()) {
                for (RuleLanguage language : rule.languages()) {
                    if (!fields.contains(language)) {
                        continue;
                    }
                    for (Lexicons.Occurrence o : occurrences(language)) {
                        if (isCounterSpeech(o.lexicon()) && QUOTABLE.contains(rule.category())) {
                            context.add(o);
                        } else if (namesGroup(o.entry()) && overlapsAny(o, terms)) {
                            groups.add(o.entry().group());
                        }
                    }
                }
            }
            List<String> targets = groups.isEmpty() ? rule.targetGroups() : List.copyOf(groups);
            String explanation = DescriptionTemplate.render(rule, terms, targets);
            int severity = rule.severity();
            boolean quoted = QUOTABLE.contains(rule.category()) && Quotations.quotesAll(text, terms);
            boolean news = QUOTABLE.contains(rule.category()) && !quoted && inReportSentences(terms, rule, fields);
            boolean reported = !context.isEmpty() || quoted || news;
            List<String> tags = rule.tags();
            if (reported) {
                severity = Math.max(1, severity - REPORTED_SPEECH_SEVERITY_DROP);
                String why = !context.isEmpty()
                        ? "\""
                                + text.substring(
                                        context.get(0).start(), context.get(0).end()) + "\""
                        : quoted
                                ? "the matched words are quoted"
                                : "the matched words are in a sentence that opens like a news report";
                explanation += " Reported or counter-speech context (" + why + "): severity lowered from "
                        + rule.severity() + " to " + severity + ".";
                tags = new ArrayList<>(tags);
                tags.add(RuleHit.REPORTED_SPEECH_TAG);
            }
            return new RuleHit(
                    rule.id(),
                    rule.title(),
                    pack.version(),
                    severity,
                    rule.category(),
                    tags,
                    rule.tlp(),
                    explanation,
                    terms,
                    targets,
                    reported);
        }

        /**
         * True when every English word under an English rule's matched terms (a phrase's term spans several) carries
         * {@link ReportSentenceFilter#TOKEN}: the hit stands in sentences that open like a news report.
         */
        private boolean inReportSentences(List<MatchedTerm> terms, Rule rule, Set<RuleLanguage> fields) {
            if (terms.isEmpty() || !rule.languages().contains(RuleLanguage.EN) || !fields.contains(RuleLanguage.EN)) {
                return false;
            }
            if (englishWords == null) {
                englishWords = words.apply(RuleLanguage.EN);
                reportWords = reportWordStarts(englishWords);
            }
            if (reportWords.isEmpty()) {
                return false; // most texts: no sentence opens like a report
            }
            for (MatchedTerm term : terms) {
                for (Lexicons.Token t : englishWords) {
                    boolean under = term.start() <= t.start() && t.end() <= term.end();
                    if (under && !Lexicons.isMarker(t.term()) && !reportWords.contains(t.start())) {
                        return false;
                    }
                }
            }
            return true;
        }

        private List<Lexicons.Occurrence> occurrences(RuleLanguage language) {
            return occurrences.computeIfAbsent(language, l -> read.occurrences(l, words.apply(l)));
        }
    }

    private static Set<Integer> reportWordStarts(List<Lexicons.Token> words) {
        Set<Integer> starts = new HashSet<>();
        for (Lexicons.Token t : words) {
            if (t.term().equals(ReportSentenceFilter.TOKEN)) {
                starts.add(t.start());
            }
        }
        return starts;
    }

    private static boolean overlapsAny(Lexicons.Occurrence o, List<MatchedTerm> terms) {
        for (MatchedTerm t : terms) {
            if (t.start() < o.end() && o.start() < t.end()) {
                return true;
            }
        }
        return false;
    }
}
