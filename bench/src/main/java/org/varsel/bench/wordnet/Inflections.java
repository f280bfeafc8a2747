package org.varsel.bench.wordnet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.Exc;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * The inflected forms of a WordNet lemma: WordNet's own exception lists (slew, slain, strung, knives) and English's
 * regular endings otherwise. A lexicon lists them although the stemmer folds most, so that a form the stemmer does
 * not fold (an irregular past) is found and the entry documents what it means.
 */
final class Inflections {
    private final Map<POS, Map<String, List<String>>> irregular = new HashMap<>();

    Inflections(Dictionary dictionary) throws JWNLException {
        for (POS pos : List.of(POS.VERB, POS.NOUN)) {
            Map<String, List<String>> byBase = new HashMap<>();
            for (Iterator<Exc> it = dictionary.getExceptionIterator(pos); it.hasNext(); ) {
                Exc exc = it.next();
                for (String base : exc.getExceptions()) {
                    byBase.computeIfAbsent(base, b -> new ArrayList<>()).add(exc.getLemma());
                }
            }
            irregular.put(pos, byBase);
        }
    }

    /**
     * The forms of {@code lemma} other than itself; a verb phrase inflects its first word ("strings up", "strung up"),
     * a noun phrase its last ("land mines").
     */
    List<String> of(POS pos, String lemma) {
        String[] words = lemma.split(" ");
        int head = pos == POS.VERB ? 0 : words.length - 1;
        Set<String> forms = new LinkedHashSet<>();
        for (String form : headForms(pos, words[head])) {
            String[] inflected = words.clone();
            inflected[head] = form;
            forms.add(String.join(" ", inflected));
        }
        forms.remove(lemma);
        return List.copyOf(forms);
    }

    private List<String> headForms(POS pos, String word) {
        List<String> exceptions = irregular.get(pos).getOrDefault(word, List.of());
        if (pos == POS.NOUN) {
            return exceptions.isEmpty() ? List.of(plural(word)) : exceptions;
        }
        List<String> forms = new ArrayList<>();
        forms.add(plural(word));
        if (exceptions.stream().noneMatch(f -> f.endsWith("ing"))) {
            forms.add(gerund(word));
        }
        if (exceptions.stream().noneMatch(f -> !f.endsWith("ing") && !f.endsWith("s"))) {
            forms.add(past(word));
        }
        forms.addAll(exceptions);
        return forms;
    }

    static String plural(String word) {
        if (word.matches(".*(s|x|z|ch|sh)")) {
            return word + "es";
        }
        return consonantY(word) ? stem(word, 1) + "ies" : word + "s";
    }

    static String past(String word) {
        if (word.endsWith("e")) {
            return word + "d";
        }
        if (consonantY(word)) {
            return stem(word, 1) + "ied";
        }
        return doubled(word) + "ed";
    }

    static String gerund(String word) {
        if (word.endsWith("ie")) {
            return stem(word, 2) + "ying";
        }
        if (word.endsWith("e") && !word.matches(".*(ee|oe|ye)")) {
            return stem(word, 1) + "ing";
        }
        return doubled(word) + "ing";
    }

    /** A one-syllable word ending consonant-vowel-consonant doubles its last letter (stab, stabbed); others do not. */
    private static String doubled(String word) {
        boolean oneSyllable =
                word.replaceAll("[aeiouy]+", "a").replaceAll("[^a]", "").length() == 1;
        if (oneSyllable && word.matches(".*[^aeiou][aeiou][^aeiouwxy]")) {
            return word + word.charAt(word.length() - 1);
        }
        return word;
    }

    private static boolean consonantY(String word) {
        return word.matches(".*[^aeiou]y");
    }

    private static String stem(String word, int drop) {
        return word.substring(0, word.length() - drop);
    }
}
