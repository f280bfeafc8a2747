package org.varsel.pipeline.rules;

import java.io.Reader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.tartarus.snowball.ext.DanishStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * The analysis shared by documents and rule queries for one language: obfuscation folding,
 * standard tokens without emoji ({@link EmojiDroppingFilter}), in English and Danish documents {@code _person_} stacked on names ({@link PersonNameFilter}) and {@code _start_}
 * before each sentence ({@link SentenceStartFilter}) and a hashtag of one violent word in a row of tags kept as the tag
 * ({@link HashtagLabelFilter}: "#Obama, #Lynch" names no lynching), in Danish ones a subject put after its verb or left
 * out after "og" stacked where the rules write it ({@link DanishSubjectFilter}: "så slår jeg", "… og slår" read as "jeg
 * slår" too), in English ones {@code _clause_} before each clause that may
 * open with an imperative ({@link ClauseStartFilter}) and {@code _report_} on the words of a sentence that opens like a
 * news report ({@link ReportSentenceFilter}: "Police say ...", "BREAKING: ..."), in
 * language-neutral ones {@code _quoted_} on speech quoted from others ({@link QuotedSpeechFilter}) and {@code _title_} on
 * hashtags that name a film, a song or a book ({@link TitleHashtagFilter}), {@code _game_} on a hashtag game's prompt that
 * opens the text ({@link HashtagGameFilter}) and {@code _past_} on a verb of killing in its past form as written
 * ({@link KillingPastFormFilter}: "shot" apart from "shoot"), lower case, in documents obfuscated words repaired ({@link ObfuscationRepairFilter}), in English ones the standard spelling of a chat-spelt modal or pronoun stacked ({@link ChatSpellingFilter}) and, in Danish ones, words written without æ, ø, å given their spelling with them ({@link DanishLettersFilter}), emphasis (three or more of a letter) collapsed, diacritic folding
 * and a stemmer (English, Danish, none for {@code any}), then every double letter collapsed.
 * {@code any} and the script languages break words with ICU (dictionaries for Myanmar, Thai,
 * Lao, Khmer and CJK, which are written without spaces) and fold words outside the Latin script
 * with {@link ScriptFoldingFilter}.
 */
final class RuleAnalyzer extends Analyzer {

    private final RuleLanguage language;
    private final boolean repairs;
    /**
     * What the per-word filters made of the words of documents, shared by every stream of this analyzer; null when it
     * does not remember (a rules' analyzer, as the one the hashtag filter's violent words keep, made three idle
     * memories: docs/performance.md, session 28).
     */
    private final RememberedWordFilter.Memory remembered;
    /** Words that name lands and peoples, never persons, and given names ({@link PersonNameFilter.NameWords#in}). */
    private final PersonNameFilter.NameWords names;
    /** The violent words a one-word hashtag in a row of tags is a label for ({@link HashtagLabelFilter}). */
    private final HashtagLabelFilter.ViolentWords violent;
    /** Folded words some rule writes as written ({@link AsWritten}): documents get their term stacked on them. */
    private final Set<String> asWritten;
    /** The words that make the name after a saying a slogan's, not its author's ({@link QuotedSpeechFilter}). */
    private final Set<String> notAnAuthor;

    RuleAnalyzer(
            RuleLanguage language,
            boolean repairs,
            boolean remembers,
            PersonNameFilter.NameWords names,
            HashtagLabelFilter.ViolentWords violent,
            Set<String> asWritten,
            Set<String> notAnAuthor) {
        this.language = language;
        this.repairs = repairs;
        this.remembered = remembers ? new RememberedWordFilter.Memory() : null;
        this.names = names;
        this.violent = violent;
        this.asWritten = asWritten;
        this.notAnAuthor = notAnAuthor;
    }

    /**
     * One analyzer for the rules and lexicon forms of all rule fields: {@code text_en}, {@code text_da}, and
     * {@code any}'s for {@code text} and the script fields. A rule's words mean what the analyst wrote: no repair.
     */
    static Analyzer perField() {
        return perField(false, false, List.of());
    }

    /**
     * The same for the documents matched against the rules, which also get their obfuscated words repaired; the
     * pack's {@code lexicons} tell which capitalised words name lands and peoples, not persons, and which words in
     * capitals are given names.
     */
    static Analyzer forDocuments(List<Lexicon> lexicons) {
        return perField(true, true, lexicons);
    }

    /** The same for the documents matched against a pack, which also get the words its rules write as written. */
    static Analyzer forDocuments(RulePack pack) {
        return perField(true, true, pack.lexicons(), AsWritten.wordsIn(pack));
    }

    /**
     * {@code remembers}: what the per-word filters make of a word is remembered ({@link RememberedWordFilter}); the
     * same tokens either way, only cheaper for the many words that recur.
     */
    static Analyzer perField(boolean repairs, boolean remembers, List<Lexicon> lexicons) {
        return perField(repairs, remembers, lexicons, AsWritten.wordsIn(lexicons));
    }

    /** {@code asWritten}: the folded words whose as-written term documents get ({@link AsWrittenFilter}). */
    static Analyzer perField(boolean repairs, boolean remembers, List<Lexicon> lexicons, Set<String> asWritten) {
        PersonNameFilter.NameWords names = PersonNameFilter.NameWords.in(lexicons);
        // only documents get the hashtag filter, and the rules' own chain reads its words (no repairs: no recursion)
        HashtagLabelFilter.ViolentWords violent =
                repairs ? HashtagLabelFilter.ViolentWords.in(lexicons) : HashtagLabelFilter.ViolentWords.NONE;
        Set<String> written = Set.copyOf(asWritten);
        Set<String> notAnAuthor = QuotedSpeechFilter.notAnAuthorIn(lexicons);
        Map<String, Analyzer> ownChains = new HashMap<>();
        for (RuleLanguage l : RuleLanguage.values()) {
            if (l != RuleLanguage.ANY && chainOf(l) == l) {
                ownChains.put(l.field(), new RuleAnalyzer(l, repairs, remembers, names, violent, written, notAnAuthor));
            }
        }
        return new PerFieldAnalyzerWrapper(
                new RuleAnalyzer(RuleLanguage.ANY, repairs, remembers, names, violent, written, notAnAuthor),
                ownChains);
    }

    /**
     * The language whose chain analyses {@code field}'s text: English and Danish their own, {@code any} and every script
     * field the language-neutral one, so those fields' words are always the same ({@link SignalAnalysis}).
     */
    static RuleLanguage chainOf(RuleLanguage field) {
        return field.hasStemmer() ? field : RuleLanguage.ANY;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return ObfuscationCharFilter.over(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = language.hasStemmer() ? new StandardTokenizer() : new ICUTokenizer();
        // before every filter that counts words: an emoji between a phrase's words must not take a position
        TokenStream ts = new EmojiDroppingFilter(tokenizer);
        ObfuscationCharFilter[] reading = new ObfuscationCharFilter[1];
        if (repairs && language.hasStemmer()) {
            ts = new PersonNameFilter(ts, () -> reading[0].text(), names);
            ts = new SentenceStartFilter(ts, () -> reading[0].text());
            ts = new HashtagLabelFilter(ts, () -> reading[0].text(), language, violent);
        }
        if (repairs && language == RuleLanguage.DA) {
            ts = new DanishSubjectFilter(ts);
        }
        if (repairs && language == RuleLanguage.EN) {
            ts = new ClauseStartFilter(ts, () -> reading[0].text());
            ts = new ReportSentenceFilter(ts, () -> reading[0].text());
            // the English rules read tense too: their stemmer folds "gassed the X" (a report) into "gas the X" (a call)
            ts = new KillingPastFormFilter(ts);
        }
        if (repairs && language == RuleLanguage.ANY) {
            ts = new QuotedSpeechFilter(ts, () -> reading[0].text(), notAnAuthor);
            ts = new TitleHashtagFilter(ts, () -> reading[0].text());
            ts = new HashtagGameFilter(ts, () -> reading[0].text());
            ts = new KillingPastFormFilter(ts);
        }
        ts = remembered != null ? new RememberedWordFilter(ts, remembered, this::perWord) : perWord(ts);
        return new TokenStreamComponents(
                reader -> {
                    reading[0] = (ObfuscationCharFilter) reader;
                    tokenizer.setReader(reader);
                },
                ts);
    }

    /** The filters that see one word at a time, whatever surrounds it. */
    private TokenStream perWord(TokenStream in) {
        TokenStream ts = new LowerCaseFilter(in);
        if (!language.hasStemmer()) {
            ts = new ScriptFoldingFilter(ts);
        }
        if (repairs) {
            ts = new ObfuscationRepairFilter(ts);
            if (language == RuleLanguage.EN) {
                ts = new ChatSpellingFilter(ts);
            }
            if (language == RuleLanguage.DA) {
                ts = new DanishLettersFilter(ts);
            }
        }
        if (!asWritten.isEmpty()) {
            ts = new AsWrittenFilter(ts, asWritten);
        }
        // accents and stretched letters (kíííllíng) are undone before stemming, so the stemmer sees
        // the suffix; Danish keeps æ, ø, å for its stemmer and folds them afterwards
        ts = new AccentFoldingFilter(ts, language == RuleLanguage.DA ? "æøå" : "");
        ts = new RepeatedLetterFilter(ts, 3);
        switch (language) {
            case EN:
                ts = new SnowballFilter(new EnglishPossessiveFilter(ts), new EnglishStemmer());
                break;
            case DA:
                ts = new ASCIIFoldingFilter(new SnowballFilter(ts, new DanishStemmer()));
                break;
            default:
                break;
        }
        return new RepeatedLetterFilter(ts, 2);
    }

    /** Wildcard and fuzzy terms are not stemmed, but get the same case and letter folding. */
    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        TokenStream ts = new LowerCaseFilter(in);
        if (!language.hasStemmer()) {
            ts = new ScriptFoldingFilter(ts);
        }
        return new RepeatedLetterFilter(new ASCIIFoldingFilter(ts), 2);
    }
}
