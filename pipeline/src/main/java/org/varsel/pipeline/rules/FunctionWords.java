package org.varsel.pipeline.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.util.IOUtils;

/**
 * A stemmed language's function words (Snowball's stop lists: pronouns, articles, prepositions, auxiliaries) by the
 * term the rules' analysis makes of each. A lexicon word that is no function word but analyses as one ("IED" as "i")
 * would match that function word in every text.
 */
final class FunctionWords {

    private final CharArraySet words;
    private final Map<String, String> wordOfTerm;

    private FunctionWords(CharArraySet words, Map<String, String> wordOfTerm) {
        this.words = words;
        this.wordOfTerm = wordOfTerm;
    }

    /** English's or Danish's function words as {@code perField} analyses them; empty for a language with no stemmer. */
    static Optional<FunctionWords> of(Analyzer perField, RuleLanguage language) {
        if (!language.hasStemmer()) {
            return Optional.empty();
        }
        CharArraySet words = snowballStopList(language == RuleLanguage.EN ? "english_stop.txt" : "danish_stop.txt");
        Map<String, String> wordOfTerm = new HashMap<>();
        for (Object word : words) {
            String written = new String((char[]) word);
            List<String> terms = AsWritten.analyse(perField, language, written);
            if (terms.size() == 1) {
                wordOfTerm.putIfAbsent(terms.get(0), written);
            }
            // as written folds doubled letters: "=ann" is "an" and "=ben" is "been"
            wordOfTerm.putIfAbsent(AsWritten.term(written), written);
        }
        return Optional.of(new FunctionWords(words, wordOfTerm));
    }

    /**
     * The function word that {@code word}, analysed as {@code terms}, would be read as, when {@code word} is not itself
     * one: "ied" → "i", "=ann" → "an".
     */
    Optional<String> mistakenFor(String word, List<String> terms) {
        String bare = AsWritten.bare(word);
        if (terms.size() != 1 || words.contains(bare.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.ofNullable(wordOfTerm.get(terms.get(0)));
    }

    private static CharArraySet snowballStopList(String file) {
        try {
            return WordlistLoader.getSnowballWordSet(
                    IOUtils.getDecodingReader(SnowballFilter.class, file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene's Snowball stop list " + file, e);
        }
    }
}
