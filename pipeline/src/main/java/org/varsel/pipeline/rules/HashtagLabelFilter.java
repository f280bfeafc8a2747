package org.varsel.pipeline.rules;

import java.io.IOException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Gives a hashtag of one violent word that stands in a row of tags ("#Obama, #Lynch, #Hillary", "#cops #murder
 * #violence", "… @someone #Murder https://…") the tag as written for its term ({@code #lynch}), which no rule writes (a
 * query's tokenizer drops the '#'): such a tag labels a topic or names someone (Loretta Lynch), it is not the author's
 * verb. A tag inside running text keeps its word ("police are #murdering women", "#Destroy all who ..."), and a tag of
 * several words is read as its words ({@link ObfuscationRepairFilter}: "#HangTheBitches" is a call).
 *
 * <p>Placed after {@link SentenceStartFilter}, where each word is still a substring of the text the tokenizer read and
 * the filters that find words in it have found this one; documents only.
 */
final class HashtagLabelFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final TokenPositions positions;
    private final RuleLanguage language;
    /** The language's violent words as the rules read them ({@link ViolentWords}). */
    private final ViolentWords violent;

    /** {@code text} gives the text the tokenizer reads (after obfuscation folding), once the first token is read. */
    HashtagLabelFilter(TokenStream in, Supplier<String> text, RuleLanguage language, ViolentWords violent) {
        super(in);
        this.positions = new TokenPositions(text);
        this.language = language;
        this.violent = violent;
    }

    /**
     * The one-word forms of each language's {@code violent-action} lexicons as the rules' own analysis reads them
     * (stemmed, accents and Danish letters folded, doubled letters collapsed), and a tag's word read the same way: one
     * definition of a word, so "#draeb" is "#dræb" here as it is to the rules.
     */
    static final class ViolentWords {
        /** None: for analyses that repair nothing, whose chain has no hashtag filter. */
        static final ViolentWords NONE = new ViolentWords(Map.of(), null);

        /** Most tag words whose answer is kept: a stream's tags recur ("#tcot", "#pjnet"), junk must not grow it. */
        static final int MAX_REMEMBERED = 8_192;

        private final Map<RuleLanguage, Set<String>> terms;
        /** The chain lexicon forms are analysed with ({@link RuleAnalyzer#perField()}). */
        private final Analyzer rules;
        /**
         * Each language's answers for the tag words read so far: a tag's word was analysed by the rules' whole chain
         * again at every tag of every row (docs/performance.md, session 28).
         */
        private final Map<RuleLanguage, SecondChanceMemory<String, Boolean>> answers =
                new EnumMap<>(RuleLanguage.class);

        private ViolentWords(Map<RuleLanguage, Set<String>> terms, Analyzer rules) {
            this.terms = terms;
            this.rules = rules;
            terms.keySet().forEach(l -> answers.put(l, new SecondChanceMemory<>(MAX_REMEMBERED)));
        }

        static ViolentWords in(List<Lexicon> lexicons) {
            Analyzer rules = RuleAnalyzer.perField();
            Map<RuleLanguage, Set<String>> terms = new EnumMap<>(RuleLanguage.class);
            for (Lexicon lexicon : lexicons) {
                if (lexicon.kind() == LexiconKind.VIOLENT_ACTION
                        && lexicon.language().hasStemmer()) {
                    Set<String> words = terms.computeIfAbsent(lexicon.language(), l -> new HashSet<>());
                    lexicon.entries().stream()
                            .flatMap(e -> e.allForms().stream())
                            // "=jagte": the word, whichever form: a tag is a label of the word, not of its tense
                            .map(AsWritten::bare)
                            .filter(f -> f.chars().allMatch(Character::isLetter))
                            .forEach(f -> words.add(termOf(rules, lexicon.language(), f)));
                }
            }
            Map<RuleLanguage, Set<String>> copy = new EnumMap<>(RuleLanguage.class);
            terms.forEach((language, words) -> copy.put(language, Set.copyOf(words)));
            return new ViolentWords(copy, rules);
        }

        /** True when {@code word}, read as the rules read it, is one of {@code language}'s violent words. */
        boolean holds(RuleLanguage language, String word) {
            Set<String> words = terms.getOrDefault(language, Set.of());
            if (words.isEmpty()) {
                return false;
            }
            SecondChanceMemory<String, Boolean> known = answers.get(language);
            Boolean answer = known.get(word);
            if (answer == null) {
                answer = words.contains(termOf(rules, language, word));
                known.put(word, answer);
            }
            return answer;
        }

        /** A word of letters is one token to the chain: its term. */
        private static String termOf(Analyzer rules, RuleLanguage language, String word) {
            List<Lexicons.Token> tokens = Lexicons.analyse(rules, language, word);
            return tokens.isEmpty() ? "" : tokens.get(0).term();
        }
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        String word = term.toString();
        int start = positions.find(word);
        if (start > 0) {
            String s = positions.text();
            int hash = start - 1;
            // the row first: few tags stand in one, and reading the word is the dearer check
            if (s.charAt(hash) == '#'
                    && tagOrEdgeBefore(s, hash)
                    && tagOrEdgeAfter(s, start + word.length())
                    && violent.holds(language, word)) {
                term.setEmpty().append('#').append(word);
            }
        }
        return true;
    }

    /** Before the tag, past spaces and marks: the text's start, or a tag, a handle or a link. */
    private static boolean tagOrEdgeBefore(String s, int hash) {
        int end = hash;
        while (end > 0 && separates(s.charAt(end - 1))) {
            end--;
        }
        int from = end;
        while (from > 0 && !Character.isWhitespace(s.charAt(from - 1))) {
            from--;
        }
        return end == 0 || labelsOrLinks(s.substring(from, end));
    }

    /** After the tag, past spaces and marks: the text's end, or a tag, a handle or a link. */
    private static boolean tagOrEdgeAfter(String s, int tagEnd) {
        int from = tagEnd;
        while (from < s.length() && separates(s.charAt(from))) {
            from++;
        }
        int to = from;
        while (to < s.length() && !Character.isWhitespace(s.charAt(to))) {
            to++;
        }
        return from == s.length() || labelsOrLinks(s.substring(from, to));
    }

    /** A space or a mark between two items of a row ("#a, #b", "#a 🔥 #b"); a tag's or a handle's sign is not. */
    private static boolean separates(char c) {
        return !Character.isLetterOrDigit(c) && c != '#' && c != '@' && c != '_';
    }

    /** A run of text without spaces that is a tag, a handle or a link ("#Obama", "(@user", "https://t.co/x"). */
    private static boolean labelsOrLinks(String run) {
        int i = 0;
        while (i < run.length() && separates(run.charAt(i))) {
            i++;
        }
        String item = run.substring(i).toLowerCase(Locale.ROOT);
        return item.startsWith("#") || item.startsWith("@") || item.contains("://") || item.startsWith("www.");
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        positions.reset();
    }
}
