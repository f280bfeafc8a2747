package org.varsel.bench.wordnet;

import java.util.List;
import net.sf.extjwnl.data.POS;

/**
 * One word of a violent synset: where it was reached from ({@code root}, e.g. {@code kill#1}), the synset, the rank of
 * that sense among the word's senses of its part of speech and the tagged uses (SemCor counts) of that sense and of all.
 */
record ViolentSense(
        String root,
        POS pos,
        String lemma,
        String synset,
        int rank,
        int senses,
        int senseUses,
        int lemmaUses,
        List<String> forms,
        String gloss) {

    /** How a reader meets the violent sense first: {@code first}, {@code dominant} (most tagged uses) or {@code rare}. */
    String reading() {
        if (rank == 1) {
            return "first";
        }
        return lemmaUses > 0 && 2 * senseUses > lemmaUses ? "dominant" : "rare";
    }
}
