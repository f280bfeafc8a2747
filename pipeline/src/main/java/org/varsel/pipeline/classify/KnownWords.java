package org.varsel.pipeline.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.varsel.pipeline.nlp.TextNormaliser;

/**
 * The words real posts use ({@code /classify/known-words.txt}): every word that at least {@link #MIN_POSTS} training
 * posts of Davidson, HateXplain and DKHate contain, with how many (held-out posts and the synthetic templates are
 * not read).
 * {@link ObfuscationFolding} repairs only words outside it, so an ordinary word is never "corrected" into a violent
 * one. Derived from the data by {@code ./varsel model train}, which also checks the bundled copy is current.
 */
public final class KnownWords {

    /** The bundled list, one word and its number of posts a line, sorted by word. */
    public static final String RESOURCE = "/classify/known-words.txt";
    /** A word used in fewer posts may itself be a misspelling. */
    static final int MIN_POSTS = 2;

    private static final Set<String> PUBLIC_SOURCES =
            Set.of(TrainingCorpus.DAVIDSON, TrainingCorpus.HATEXPLAIN, TrainingCorpus.DKHATE);
    private static final PostCounts BUNDLED = load();

    private KnownWords() {}

    /** Word → how many training posts use it. */
    static PostCounts bundled() {
        return BUNDLED;
    }

    /** The list {@code corpus} gives; {@code ./varsel model train} compares it with the bundled one. */
    public static SortedMap<String, Integer> from(TrainingCorpus corpus) {
        Map<String, Integer> posts = new HashMap<>();
        for (LabelledPost post : corpus.posts()) {
            // public data only: analysts' verdicts hold partners' text, and this list is published with the code
            if (post.heldOut() || !PUBLIC_SOURCES.contains(post.source())) {
                continue;
            }
            Set<String> words = new HashSet<>();
            for (String token : TextNormaliser.tokens(post.text())) {
                String word = LookAlikeLetters.fold(token);
                if (word.length() >= 2 && word.chars().allMatch(Character::isLetter)) {
                    words.add(word);
                }
            }
            words.forEach(w -> posts.merge(w, 1, Integer::sum));
        }
        SortedMap<String, Integer> known = new TreeMap<>();
        posts.forEach((word, count) -> {
            if (count >= MIN_POSTS) {
                known.put(word, count);
            }
        });
        return known;
    }

    /** The list as the resource holds it. */
    public static String text(SortedMap<String, Integer> words) {
        StringBuilder text = new StringBuilder();
        words.forEach(
                (word, posts) -> text.append(word).append('\t').append(posts).append('\n'));
        return text.toString();
    }

    private static PostCounts load() {
        Map<String, Integer> words = new HashMap<>();
        try (InputStream in = KnownWords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing known-word list " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    words.put(line.substring(0, tab), Integer.parseInt(line.substring(tab + 1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PostCounts.of(words);
    }
}
