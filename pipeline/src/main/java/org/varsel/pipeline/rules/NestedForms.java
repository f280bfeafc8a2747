package org.varsel.pipeline.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;

/**
 * Finds the forms an ordered proximity can never match beside its neighbours. A reference compiles to Lucene's
 * minimal-interval disjunction, so where one form holds another ("beat the crap out of" holds "beat"), the shorter
 * form stands in the longer one's place and the longer one's extra words count as the phrase's gap (docs/rules.md,
 * "Nested forms"). Two spots, each a reading a rule loses. Before a target, narrow on purpose: a harm part (a
 * violent-action or imperative lexicon) right before a target part (a group, slur or quantifier lexicon, or an object
 * pronoun), whose entry holds a form and a longer one that starts with it; the longer one's extra words alone exceed the
 * phrase's slack, the target cannot start inside them within the slack ("hang them" before "them"), and no other form
 * of the reference ends the longer one (where the reference would match instead). After a part, any part: an entry
 * holds a form and a longer one that holds it after words of its own ("en død mand", "fucking død" hold "død"), those
 * words alone exceed the slack after the part before, the part cannot end inside them within the slack, no other
 * form of the reference starts the longer one, and the engine does not read it whole: a longer form that ends with
 * another and holds no other form before its end is read first ({@link LongerFormsFirst}).
 */
final class NestedForms {

    /** Which neighbour a longer form is lost beside. */
    enum Side {
        /** Its extra words after the shorter form stand between it and the target after it ("beat the crap out of"). */
        BEFORE_TARGET,
        /** Its words before the shorter form stand between the part before and it ("du er" + "en død mand"). */
        AFTER_PART
    }

    /** A form of a reference that a phrase of a rule cannot match beside its neighbour. */
    record Spot(String ruleId, String phrase, String reference, String shorter, String longer, Side side) {
        @Override
        public String toString() {
            return ruleId + ": \"" + phrase + "\": " + reference + " '" + longer + "' is read as '" + shorter
                    + "' and its other words as the gap";
        }
    }

    private static final Set<LexiconKind> HARM_KINDS = Set.of(LexiconKind.VIOLENT_ACTION, LexiconKind.IMPERATIVE);
    private static final Set<LexiconKind> TARGET_KINDS =
            Set.of(LexiconKind.TARGET_GROUP, LexiconKind.SLUR, LexiconKind.QUANTIFIER);
    /** Prepositions that end a verb phrase whose object is the target ("beat the crap out of", "stomp on"). */
    private static final Set<String> TAKES_AN_OBJECT = Set.of("of", "on", "at", "into", "onto", "upon", "against");

    private static final Set<String> OBJECT_PRONOUNS = Set.of("her", "him", "them", "em", "you", "us");

    private static final Pattern PHRASE = Pattern.compile("\"([^\"]+)\"(?:~(\\d+))?");

    private final Analyzer analyzer = RuleAnalyzer.perField();
    private final Lexicons lexicons;

    NestedForms(List<Lexicon> lexicons) {
        this.lexicons = new Lexicons(lexicons);
    }

    /** Every spot in these rules, in rule order. */
    List<Spot> find(List<Rule> rules) {
        List<Spot> spots = new ArrayList<>();
        for (Rule rule : rules) {
            for (RuleLanguage language : rule.languages()) {
                Matcher m = PHRASE.matcher(rule.query());
                while (m.find()) {
                    int slop = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
                    spots.addAll(inPhrase(rule.id(), m.group(1), slop, language));
                }
            }
        }
        return spots.stream().distinct().toList();
    }

    private List<Spot> inPhrase(String ruleId, String phrase, int slop, RuleLanguage language) {
        String[] written = phrase.trim().split("\\s+");
        List<List<Lexicons.Form>> parts = new ArrayList<>();
        List<String> partNames = new ArrayList<>();
        for (String part : written) {
            if (part.equals(LexiconQueryParser.ONE_SENTENCE)) {
                continue; // a condition on the whole match, not a word before the next part
            }
            List<Lexicons.Form> forms = formsOf(part, language);
            if (!forms.isEmpty()) {
                parts.add(forms);
                partNames.add(part);
            }
        }
        List<Spot> spots = new ArrayList<>();
        if (parts.size() < 2 || partNames.stream().noneMatch(p -> p.startsWith("@"))) {
            return spots;
        }
        for (int i = 0; i < parts.size(); i++) {
            if (!partNames.get(i).startsWith("@")) {
                continue;
            }
            for (Lexicons.Form shorterForm : parts.get(i)) {
                for (Lexicons.Form longerForm : parts.get(i)) {
                    List<String> shorter = shorterForm.tokens();
                    List<String> longer = longerForm.tokens();
                    if (shorterForm.entry() != longerForm.entry() || longer.size() <= shorter.size() + slop) {
                        continue;
                    }
                    boolean lostBeforeTarget = isHarm(parts.get(i))
                            && i + 1 < parts.size()
                            && isTarget(parts.get(i + 1))
                            && startsWith(longer, shorter)
                            && TAKES_AN_OBJECT.contains(longer.get(longer.size() - 1))
                            && !anotherFormBesideTheNeighbour(Side.BEFORE_TARGET, longer, parts.get(i), shorterForm)
                            && !neighbourWithin(
                                    Side.BEFORE_TARGET,
                                    longer.subList(shorter.size(), longer.size()),
                                    parts.get(i + 1),
                                    slop);
                    Optional<Side> lost = lostBeforeTarget
                            ? Optional.of(Side.BEFORE_TARGET)
                            : lostAfterPart(parts, i, shorterForm, longerForm, slop)
                                    ? Optional.of(Side.AFTER_PART)
                                    : Optional.empty();
                    if (lost.isPresent()) {
                        spots.add(new Spot(
                                ruleId,
                                phrase,
                                partNames.get(i),
                                String.join(" ", shorter),
                                String.join(" ", longer),
                                lost.get()));
                    }
                }
            }
        }
        return spots;
    }

    /**
     * The other side: the longer form holds the shorter one after words of its own ("en død mand" holds "død"), and a
     * part stands before the reference ("du er @dead_state"~0). The words before the shorter form then count as the
     * gap after that part, so when they alone exceed the slack the longer form is never read there — unless another
     * form of the reference starts the longer one (the reference matches there instead), the part before ends inside
     * those words within the slack, or the engine reads the longer form whole ("fucking død" ends with "død").
     */
    private static boolean lostAfterPart(
            List<List<Lexicons.Form>> parts, int i, Lexicons.Form shorterForm, Lexicons.Form longerForm, int slop) {
        List<String> longer = longerForm.tokens();
        int leadIn = leadIn(longer, shorterForm.tokens());
        return i > 0
                && leadIn > slop
                && !anotherFormBesideTheNeighbour(Side.AFTER_PART, longer, parts.get(i), shorterForm)
                && !neighbourWithin(Side.AFTER_PART, longer.subList(0, leadIn), parts.get(i - 1), slop)
                && !readWhole(longer, parts.get(i));
    }

    /**
     * True when the engine reads the longer form whole ({@link LongerFormsFirst}): it ends with another form of the
     * reference and holds none that ends before its own end.
     */
    private static boolean readWhole(List<String> longer, List<Lexicons.Form> forms) {
        boolean endsWithAnother = false;
        for (Lexicons.Form f : forms) {
            List<String> words = f.tokens();
            for (int at = 0; words.size() < longer.size() && at + words.size() <= longer.size(); at++) {
                if (longer.subList(at, at + words.size()).equals(words)) {
                    if (at + words.size() < longer.size()) {
                        return false;
                    }
                    endsWithAnother = true;
                }
            }
        }
        return endsWithAnother;
    }

    /** How many words of the longer form stand before the shorter one, the first place it is held after its start; 0 when nowhere. */
    private static int leadIn(List<String> longer, List<String> shorter) {
        for (int at = 1; at + shorter.size() <= longer.size(); at++) {
            if (longer.subList(at, at + shorter.size()).equals(shorter)) {
                return at;
            }
        }
        return 0;
    }

    /** The analysed forms a part of a phrase can match: a lexicon's forms, or the written words as one form. */
    private List<Lexicons.Form> formsOf(String part, RuleLanguage language) {
        if (part.startsWith("@")) {
            Optional<Lexicons.Analysed> union = Optional.empty();
            for (String name : part.substring(1).split("\\|")) {
                Optional<Lexicons.Analysed> one = lexicons.find(name, language);
                if (one.isEmpty()) {
                    return List.of();
                }
                union = Optional.of(union.map(u -> u.and(one.get())).orElse(one.get()));
            }
            return union.map(u -> u.forms).orElse(List.of());
        }
        List<String> words = Lexicons.analyse(analyzer, language, part).stream()
                .map(Lexicons.Token::term)
                .toList();
        return words.isEmpty() ? List.of() : List.of(new Lexicons.Form(words, null, null));
    }

    /** True when every form of the part is a lexicon's violent act or imperative: the harm of a threat. */
    private static boolean isHarm(List<Lexicons.Form> part) {
        return part.stream()
                .allMatch(f ->
                        f.lexicon() != null && HARM_KINDS.contains(f.lexicon().kind()));
    }

    /** True when the part names who is harmed: a group, a slur, a quantifier or an object pronoun. */
    private static boolean isTarget(List<Lexicons.Form> part) {
        return part.stream()
                .allMatch(f -> f.lexicon() == null
                        ? f.tokens().size() == 1
                                && OBJECT_PRONOUNS.contains(f.tokens().get(0))
                        : TARGET_KINDS.contains(f.lexicon().kind()));
    }

    /**
     * True when another, shorter form of the reference holds the longer one's words next to the neighbour, so the
     * reference is matched there instead: before a target it ends the longer form ("kill them" ends "hunt down and kill
     * them"), after a part it starts it ("fucking" starts "fucking død").
     */
    private static boolean anotherFormBesideTheNeighbour(
            Side side, List<String> longer, List<Lexicons.Form> forms, Lexicons.Form shorter) {
        List<String> outward = outward(side, longer);
        return forms.stream()
                .filter(f -> f != shorter && f.tokens().size() < longer.size())
                .anyMatch(f -> endsWith(outward, outward(side, f.tokens())));
    }

    /**
     * True when a form of the neighbour reaches into the words between the shorter form and it, within {@code slop}
     * of the shorter form: before a target a form of the next part starts there ("them" in "hang them"), after a part
     * a form of the part before ends there.
     */
    private static boolean neighbourWithin(Side side, List<String> between, List<Lexicons.Form> neighbour, int slop) {
        List<String> outward = outward(side, between);
        for (int at = 0; at <= slop && at < outward.size(); at++) {
            List<String> rest = outward.subList(at, outward.size());
            for (Lexicons.Form f : neighbour) {
                List<String> form = outward(side, f.tokens());
                if (startsWith(rest, form.subList(0, Math.min(form.size(), rest.size())))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The words in the order they are met going from the shorter form towards the neighbour: as written before a
     * target, backwards after a part, so that one reading serves both sides.
     */
    private static List<String> outward(Side side, List<String> words) {
        if (side == Side.BEFORE_TARGET) {
            return words;
        }
        List<String> backwards = new ArrayList<>(words);
        Collections.reverse(backwards);
        return backwards;
    }

    private static boolean startsWith(List<String> words, List<String> prefix) {
        return words.size() >= prefix.size() && words.subList(0, prefix.size()).equals(prefix);
    }

    private static boolean endsWith(List<String> words, List<String> suffix) {
        return words.size() >= suffix.size()
                && words.subList(words.size() - suffix.size(), words.size()).equals(suffix);
    }
}
