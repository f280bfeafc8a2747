package org.varsel.desk.brief;

/** Text as it may go into any format: no control characters (XML, PDF and terminals choke on them), no lone surrogates. */
final class BriefText {
    private BriefText() {}

    static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                out.append('\uFFFD');
            } else if (c == '\n' || c == '\t') {
                out.append(c);
            } else if (c == '\r') {
                continue;
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT && c != '\u200D') {
                // bidi overrides and other invisible format characters could make a URL or name read as something else
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
