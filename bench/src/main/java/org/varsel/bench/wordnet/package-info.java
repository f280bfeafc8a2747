/**
 * Lexicon candidates derived from WordNet 3.1, not from the posts we read: {@link ViolentVocabulary} walks the
 * hyponyms (for verbs, troponyms) of the violent senses of kill, murder, injure, hit, strike, attack, torture, burn,
 * shoot, stab, behead, hang and rape, and of weapon, firearm, knife and explosive; writes every word with its synset,
 * the rank of that sense among the word's senses and the lexicons that already find it; and turns a reviewed list
 * ({@code data/wordnet/violent-review.tsv}) into lexicon entries with their inflections. WordNet is read here, at
 * bench time only: the pipeline's jar carries the reviewed words as lexicon data, never WordNet.
 */
package org.varsel.bench.wordnet;
