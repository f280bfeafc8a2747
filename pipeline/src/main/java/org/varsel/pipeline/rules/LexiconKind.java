package org.varsel.pipeline.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** What a lexicon's words are: who is targeted, what is done to them, or the context that changes a hit's weight. */
public enum LexiconKind {
    TARGET_GROUP("target-group"),
    SLUR("slur"),
    VIOLENT_ACTION("violent-action"),
    DEHUMANISATION("dehumanisation"),
    DEROGATION("derogation"),
    IMPERATIVE("imperative"),
    /** Words that make a statement about a whole group: all, every, those. */
    QUANTIFIER("quantifier"),
    /** Words of obligation and desert: should, must, deserve. */
    MODAL("modal"),
    TIME("time"),
    PLACE("place"),
    WEAPON("weapon"),
    /** Words that praise: hero, legend, martyr; with an attack word they glorify the attack. */
    PRAISE("praise"),
    COUNTER_SPEECH("counter-speech"),
    /** Everyday senses of violent words (hang out with, kick out, kill time): a rule excludes a text by them. */
    WORD_SENSE("word-sense"),
    /** Negation words: an ordered proximity with lexicons never spans one ("should not be shot"). */
    NEGATION("negation");

    private final String code;

    LexiconKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** Entries of these kinds name a group ({@code group:}), which a hit then reports as its target. */
    public boolean namesGroups() {
        return this == TARGET_GROUP || this == SLUR;
    }

    public static Optional<LexiconKind> ofCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    @JsonCreator
    static LexiconKind fromJson(String code) {
        return ofCode(code).orElseThrow(() -> new IllegalArgumentException("unknown lexicon kind: " + code));
    }
}
