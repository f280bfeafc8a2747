package org.varsel.pipeline.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * The rule language's "as written" term: {@code =word} matches that form of the word and no other form of its stem
 * ({@code =hænges}, the passive, is not {@code hænge}, "hænge ud"; {@code -=says} does not exclude "say"). Case,
 * accents, æ/ae/aa spelling and stretched letters are folded as everywhere; a doubled letter is kept, so {@code =poll}
 * is not "pool", {@code =shoot} not "shot" and {@code =finns} not "fins" (the stems of the other words still collapse
 * it); nothing is stemmed. A signal gets the
 * term stacked on a word only when some rule or lexicon form of its pack writes that word so ({@link AsWrittenFilter}),
 * so a pack that writes none analyses signals as before.
 */
final class AsWritten {

    /** What an as-written term and its stacked token start with; no analysed word does. */
    static final String MARK = "=";

    /** A run of this many equal letters or more is a stretched letter ("kiiiill"), read as one. */
    private static final int STRETCHED = 3;

    /** One word of letters and digits: what an as-written term may be. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /** An as-written term in a query or a lexicon form: {@code =} at the start or after a space, bracket or quote. */
    private static final Pattern IN_TEXT = Pattern.compile("(?<![^\\s(\"+\\-])=([\\p{L}\\p{N}]+)");

    private AsWritten() {}

    /** True when a query part or lexicon word is written as written ({@code =word}). */
    static boolean isWritten(String part) {
        return part.startsWith(MARK);
    }

    /** True when {@code written} (with its {@code =}) is one word of letters and digits. */
    static boolean isWord(String written) {
        return WORD.matcher(written.substring(MARK.length())).matches();
    }

    /** {@code word} without its as-written mark: "=let" and "let" are both "let". */
    static String bare(String word) {
        return isWritten(word) ? word.substring(MARK.length()) : word;
    }

    /** The indexed term of {@code =word}, or of a word a signal holds: {@code =} and the word folded, unstemmed. */
    static String term(String word) {
        return MARK + fold(bare(word));
    }

    /**
     * Lower case, folded to ASCII ("hænges" and "haenges" alike), a letter stretched over three or more collapsed to one
     * as the chain's first {@link RepeatedLetterFilter} does ("kiiiill" is "kill"); a doubled letter is kept: it tells
     * "poll" from "pool" and "shoot" from "shot", which is what a rule writes a word as written for.
     */
    static String fold(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        char[] in = lower.toCharArray();
        char[] folded = new char[in.length * 4];
        int length = ASCIIFoldingFilter.foldToASCII(in, 0, folded, 0, in.length);
        StringBuilder out = new StringBuilder(length);
        int i = 0;
        while (i < length) {
            int run = 1;
            while (i + run < length && folded[i + run] == folded[i]) {
                run++;
            }
            out.append(folded, i, run >= STRETCHED ? 1 : run);
            i += run;
        }
        return out.toString();
    }

    /** The folded words that a pack's rule queries and lexicon forms write as written. */
    static Set<String> wordsIn(RulePack pack) {
        Set<String> words = wordsIn(pack.lexicons());
        pack.rules().forEach(r -> collect(r.query(), words));
        return words;
    }

    /** The folded words that these lexicons' forms write as written. */
    static Set<String> wordsIn(List<Lexicon> lexicons) {
        Set<String> words = new HashSet<>();
        for (Lexicon lexicon : lexicons) {
            lexicon.entries().forEach(e -> e.allForms().forEach(f -> collect(f, words)));
        }
        return words;
    }

    private static void collect(String text, Set<String> words) {
        if (text == null || !text.contains(MARK)) {
            return;
        }
        Matcher m = IN_TEXT.matcher(text);
        while (m.find()) {
            words.add(fold(m.group(1)));
        }
    }

    /**
     * The terms of a lexicon form or a query part as rules see them: each {@code =word} as its as-written term, the
     * other words analysed as usual. A text without {@code =} is analysed whole, as before.
     */
    static List<String> analyse(Analyzer perField, RuleLanguage language, String text) {
        if (!text.contains(MARK)) {
            return terms(perField, language, text);
        }
        List<String> terms = new ArrayList<>();
        for (String word : text.trim().split("\\s+")) {
            if (isWritten(word) && isWord(word)) {
                terms.add(term(word));
            } else {
                terms.addAll(terms(perField, language, word));
            }
        }
        return terms;
    }

    private static List<String> terms(Analyzer perField, RuleLanguage language, String text) {
        return Lexicons.analyse(perField, language, text).stream()
                .map(Lexicons.Token::term)
                .toList();
    }
}
