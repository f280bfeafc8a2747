package org.varsel.pipeline.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.util.ULocale;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The languages a rule can be written for; {@link #ANY} uses language-neutral analysis, and a script tag
 * ({@code und-Mymr}) reaches every signal written in that script, whatever its language tag says.
 */
public enum RuleLanguage {
    EN("en", "text_en"),
    DA("da", "text_da"),
    ANY("any", "text"),
    ARABIC_SCRIPT("und-Arab", "text_arab"),
    ETHIOPIC_SCRIPT("und-Ethi", "text_ethi"),
    MYANMAR_SCRIPT("und-Mymr", "text_mymr"),
    THAI_SCRIPT("und-Thai", "text_thai"),
    KHMER_SCRIPT("und-Khmr", "text_khmr"),
    LAO_SCRIPT("und-Laoo", "text_laoo"),
    HAN_SCRIPT("und-Hani", "text_hani");

    /** Looking a tag's script up in ICU's locale data costs microseconds per signal; the answers are few. */
    private static final int MAX_CACHED_TAGS = 1_024;

    private static final Map<String, Optional<RuleLanguage>> SCRIPT_OF_TAG = new ConcurrentHashMap<>();

    private final String code;
    private final String field;

    RuleLanguage(String code, String field) {
        this.code = code;
        this.field = field;
    }

    /** The code used in rule files: {@code en}, {@code da}, {@code any} or a script tag such as {@code und-Mymr}. */
    @JsonValue
    public String code() {
        return code;
    }

    /** The Lucene field that holds a document analysed for this language. */
    String field() {
        return field;
    }

    /** English and Danish have a Snowball stemmer and the standard tokenizer; the others get ICU analysis. */
    boolean hasStemmer() {
        return this == EN || this == DA;
    }

    /** Parses a rule file's language code. */
    public static Optional<RuleLanguage> ofCode(String code) {
        for (RuleLanguage l : values()) {
            if (l.code.equals(code)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** The codes rule and lexicon files may use, for messages. */
    static String codes() {
        return String.join(", ", Arrays.stream(values()).map(RuleLanguage::code).toList());
    }

    @JsonCreator
    static RuleLanguage fromJson(String code) {
        return ofCode(code).orElseThrow(() -> new IllegalArgumentException("unknown language: " + code));
    }

    /**
     * True for tags of languages the identifier confuses with Danish, and for {@code und} (not {@code und-Mymr}): Danish rules run on them
     * too ({@link RuleEngine#fieldsFor}).
     */
    static boolean isScandinavianFallback(String tag) {
        switch (primarySubtag(tag)) {
            case "nb":
            case "nn":
            case "no":
            case "nob":
            case "nno":
            case "nor":
            case "norwegian":
            case "sv":
            case "swe":
            case "swedish":
                return true;
            case "und":
                // und-Mymr, und-Arab: the language is unknown but the script is not, and it is not Danish's
                String t = tag.trim();
                return t.length() == 3 || t.regionMatches(true, 3, "-Latn", 0, 5);
            default:
                return false;
        }
    }

    private static String primarySubtag(String tag) {
        String t = tag.trim().toLowerCase(Locale.ROOT);
        int dash = t.indexOf('-') >= 0 ? t.indexOf('-') : t.indexOf('_');
        return dash > 0 ? t.substring(0, dash) : t;
    }

    /**
     * The language-specific analysis for a document's language tag ({@code en}, {@code en-GB},
     * {@code eng}, {@code English}, {@code da}, {@code dan}, {@code Danish}...), or the script field for
     * a tag that names a script ({@code und-Mymr}) or a language written in one ({@code my}, {@code ar},
     * {@code am}); empty when the tag names another language.
     */
    static Optional<RuleLanguage> ofDocumentTag(String tag) {
        switch (primarySubtag(tag)) {
            case "en":
            case "eng":
            case "english":
                return Optional.of(EN);
            case "da":
            case "dan":
            case "danish":
            case "dansk":
                return Optional.of(DA);
            default:
                return ofScript(tag.trim());
        }
    }

    private static Optional<RuleLanguage> ofScript(String tag) {
        Optional<RuleLanguage> known = SCRIPT_OF_TAG.get(tag);
        if (known != null) {
            return known;
        }
        Optional<RuleLanguage> script = scriptOf(tag);
        // tags are few (a language per signal); the bound keeps garbage tags from growing the map
        if (SCRIPT_OF_TAG.size() < MAX_CACHED_TAGS) {
            SCRIPT_OF_TAG.put(tag, script);
        }
        return script;
    }

    private static Optional<RuleLanguage> scriptOf(String tag) {
        ULocale locale = ULocale.forLanguageTag(tag.replace('_', '-'));
        String script = locale.getScript();
        if (script.isEmpty()) {
            int[] scripts = UScript.getCode(locale);
            script = scripts == null || scripts.length == 0 ? "" : UScript.getShortName(scripts[0]);
        }
        for (RuleLanguage l : values()) {
            if (l.code.startsWith("und-") && l.code.regionMatches(true, 4, script, 0, 4) && script.length() == 4) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
