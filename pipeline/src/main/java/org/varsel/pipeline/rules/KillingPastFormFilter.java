package org.varsel.pipeline.rules;

import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;

/**
 * Stacks the token {@value #TOKEN} on the past form of a verb of killing as written ("shot", "stabbed", "hanged",
 * "beheaded"), so that a rule can read a report ("police shot the suspect", "he was beheaded") apart from a call
 * ("shoot the suspect"): the analysis collapses every double letter before a rule reads a word, which makes "shoot"
 * "shot", and the English stemmer makes "killed" "kill". Placed straight after the tokenizer of the language-neutral
 * field, where the news context rules read tense, and in the English chain, where a call to kill a group is told from
 * a report of one ("gassed the X"); documents only, a rule writes the token itself.
 */
final class KillingPastFormFilter extends StackingTokenFilter {

    /** The synthetic token rules write for "a verb of killing in its past form". */
    static final String TOKEN = "_past_";

    /**
     * The past forms (and participles) of the verbs a call to kill or maim uses, lower case, as written: every passive of
     * the lexicons' verbs of killing is among them, and every past of killing the classifier reads as reported
     * ({@code KillingPastFormWordsTest}).
     */
    static final Set<String> PAST_FORMS = Set.of(
            "killed",
            "murdered",
            "shot",
            "stabbed",
            "knifed",
            "hanged",
            "hung",
            "lynched",
            "beheaded",
            "executed",
            "slaughtered",
            "butchered",
            "massacred",
            "strangled",
            "drowned",
            "burned",
            "burnt",
            "gassed",
            "slain",
            "slew",
            "assassinated",
            "gunned",
            "exterminated",
            "eliminated",
            "nuked",
            "tortured",
            "castrated");

    KillingPastFormFilter(TokenStream in) {
        super(in, true);
    }

    @Override
    String stackedOn(String word) {
        return PAST_FORMS.contains(word.toLowerCase(Locale.ROOT)) ? TOKEN : null;
    }
}
