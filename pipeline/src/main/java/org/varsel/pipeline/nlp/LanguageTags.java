package org.varsel.pipeline.nlp;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Maps ISO 639 codes and BCP-47 tags to the shortest primary language subtag, as BCP-47 prefers. */
public final class LanguageTags {

    private static final Map<String, String> TWO_LETTER_BY_THREE = buildTwoLetterByThree();

    private LanguageTags() {}

    /**
     * The primary subtag of a tag such as {@code en-GB}, {@code da_DK}, {@code dan} or {@code ENG}, in
     * lower case and two letters where ISO 639-1 has a code; empty for blank, malformed and {@code und}.
     */
    public static Optional<String> primary(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String t = tag.strip();
        int end = 0;
        while (end < t.length() && isAsciiLetter(t.charAt(end))) {
            end++;
        }
        boolean wellFormedEnd = end == t.length() || t.charAt(end) == '-' || t.charAt(end) == '_';
        if (end < 2 || end > 3 || !wellFormedEnd) {
            return Optional.empty();
        }
        String primary = t.substring(0, end).toLowerCase(Locale.ROOT);
        if (primary.equals("und")) {
            return Optional.empty();
        }
        return Optional.of(TWO_LETTER_BY_THREE.getOrDefault(primary, primary));
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static Map<String, String> buildTwoLetterByThree() {
        Map<String, String> map = new HashMap<>();
        for (String two : Locale.getISOLanguages()) {
            map.put(new Locale(two).getISO3Language(), two);
        }
        // The JDK still answers the withdrawn codes iw, in, ji for Hebrew, Indonesian, Yiddish; BCP-47 wants he, id,
        // yi.
        map.put("heb", "he");
        map.put("ind", "id");
        map.put("yid", "yi");
        map.put("iw", "he");
        map.put("in", "id");
        map.put("ji", "yi");
        // Individual languages the OpenNLP detector reports where ISO 639-1 only codes the macrolanguage,
        // plus ISO 639-2/B codes that clients still send.
        map.put("cmn", "zh");
        map.put("ekk", "et");
        map.put("lvs", "lv");
        map.put("pes", "fa");
        map.put("plt", "mg");
        map.put("zsm", "ms");
        map.put("ger", "de");
        map.put("fre", "fr");
        map.put("dut", "nl");
        map.put("chi", "zh");
        map.put("per", "fa");
        map.put("cze", "cs");
        map.put("gre", "el");
        map.put("ice", "is");
        map.put("rum", "ro");
        map.put("slo", "sk");
        map.put("alb", "sq");
        map.put("arm", "hy");
        map.put("baq", "eu");
        map.put("geo", "ka");
        map.put("mac", "mk");
        map.put("may", "ms");
        map.put("wel", "cy");
        map.put("bur", "my");
        map.put("tib", "bo");
        return Map.copyOf(map);
    }
}
