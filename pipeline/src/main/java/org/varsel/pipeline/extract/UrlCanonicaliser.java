package org.varsel.pipeline.extract;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Canonical form of a shared link, so that the same page shared by many accounts is one key.
 *
 * <p>Only http(s) URLs (and bare {@code www.} links, read as https). Scheme and host in lower case,
 * IDN hosts in punycode, trailing dot of the host removed, no user info, no default port, an empty path
 * becomes "/", dot segments resolved, percent-encoding normalised (upper-case hex, unreserved characters
 * decoded, other characters encoded as UTF-8), no fragment, tracking parameters removed and the remaining
 * parameters sorted by name (stable for equal names). Canonicalising a canonical URL returns it unchanged.
 * Redirects are not followed (no network in the pipeline): a t.co or bit.ly link stays itself.
 */
public final class UrlCanonicaliser {

    /** Query parameters that identify the click or the campaign, never the content. */
    private static final Set<String> TRACKING_PARAMETERS = Set.of(
            "fbclid",
            "gclid",
            "dclid",
            "gbraid",
            "wbraid",
            "msclkid",
            "yclid",
            "twclid",
            "ttclid",
            "li_fat_id",
            "igshid",
            "igsh",
            "si",
            "ref_src",
            "ref_url",
            "mc_cid",
            "mc_eid",
            "_hsenc",
            "_hsmi",
            "mkt_tok",
            "oly_anon_id",
            "oly_enc_id",
            "vero_id",
            "_ga",
            "_gl",
            "rb_clickid",
            "s_cid",
            "wt_mc",
            "cmpid",
            "__tn__",
            "__cft__",
            "mibextid",
            "sfnsn",
            "share_app_id",
            "xmt");

    /** Parameters that are tracking only on some platforms, where they never select content. */
    private static final Set<String> X_SHARE_PARAMETERS = Set.of("s", "t");

    private static final Set<String> YOUTUBE_SHARE_PARAMETERS = Set.of("feature", "pp", "ab_channel");
    private static final Set<String> TIKTOK_SHARE_PARAMETERS =
            Set.of("is_from_webapp", "sender_device", "web_id", "_r", "_t", "u_code", "preview_pb", "language");

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UrlCanonicaliser() {}

    /** The canonical form of {@code raw}, or empty if it is not an http(s) URL with a valid host. */
    public static Optional<String> canonicalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip();
        if (s.isEmpty() || s.length() > 8_192) {
            return Optional.empty();
        }
        String scheme;
        int rest;
        int colon = s.indexOf("://");
        if (colon > 0) {
            scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
            rest = colon + 3;
        } else if (s.regionMatches(true, 0, "www.", 0, 4)) {
            scheme = "https";
            rest = 0;
        } else {
            return Optional.empty();
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        int authorityEnd = indexOfAny(s, rest, "/?#\\");
        String authority = s.substring(rest, authorityEnd);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        String hostPart = authority;
        String port = "";
        int portColon = authority.lastIndexOf(':');
        if (portColon >= 0 && authority.indexOf(']') < portColon) {
            hostPart = authority.substring(0, portColon);
            port = authority.substring(portColon + 1);
        }
        Optional<String> host = canonicalHost(hostPart);
        if (host.isEmpty()) {
            return Optional.empty();
        }
        if (!port.isEmpty()) {
            if (port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            int p = Integer.parseInt(port);
            if (p < 1 || p > 65_535) {
                return Optional.empty();
            }
            port = (scheme.equals("http") && p == 80) || (scheme.equals("https") && p == 443) ? "" : ":" + p;
        }
        String afterAuthority = s.substring(authorityEnd).replace('\\', '/');
        int hash = afterAuthority.indexOf('#');
        if (hash >= 0) {
            afterAuthority = afterAuthority.substring(0, hash);
        }
        int question = afterAuthority.indexOf('?');
        String path = question >= 0 ? afterAuthority.substring(0, question) : afterAuthority;
        String query = question >= 0 ? afterAuthority.substring(question + 1) : "";

        StringBuilder out = new StringBuilder(s.length() + 8);
        out.append(scheme).append("://").append(host.get()).append(port);
        out.append(removeDotSegments(normaliseEncoding(path.isEmpty() ? "/" : path, false)));
        String canonicalQuery = canonicalQuery(query, Platform.ofHost(host.get()));
        if (!canonicalQuery.isEmpty()) {
            out.append('?').append(canonicalQuery);
        }
        return Optional.of(out.toString());
    }

    /** Whether a query parameter name is tracking on the given platform. */
    public static boolean isTrackingParameter(String name, Platform platform) {
        String key = name.toLowerCase(Locale.ROOT);
        if (key.startsWith("utm_") || TRACKING_PARAMETERS.contains(key)) {
            return true;
        }
        return switch (platform) {
            case X -> X_SHARE_PARAMETERS.contains(key);
            case YOUTUBE -> YOUTUBE_SHARE_PARAMETERS.contains(key);
            case TIKTOK -> TIKTOK_SHARE_PARAMETERS.contains(key);
            default -> false;
        };
    }

    private static Optional<String> canonicalHost(String raw) {
        String host = raw.toLowerCase(Locale.ROOT);
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty() || host.startsWith(".") || host.contains("..")) {
            return Optional.empty();
        }
        if (host.startsWith("[")) {
            return host.endsWith("]")
                            && host.substring(1, host.length() - 1)
                                    .chars()
                                    .allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')
                    ? Optional.of(host)
                    : Optional.empty();
        }
        boolean ascii = host.chars().allMatch(c -> c < 128);
        if (!ascii) {
            try {
                host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        for (int k = 0; k < host.length(); k++) {
            char c = host.charAt(k);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
            if (!ok) {
                return Optional.empty();
            }
        }
        for (String label : host.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return Optional.empty();
            }
        }
        return host.length() <= 253 ? Optional.of(host) : Optional.empty();
    }

    private static String canonicalQuery(String query, Platform platform) {
        if (query.isEmpty()) {
            return "";
        }
        List<String[]> kept = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = normaliseEncoding(eq >= 0 ? pair.substring(0, eq) : pair, true);
            String value = eq >= 0 ? normaliseEncoding(pair.substring(eq + 1), true) : null;
            if (name.isEmpty() || isTrackingParameter(name, platform)) {
                continue;
            }
            kept.add(new String[] {name, value});
        }
        kept.sort(Comparator.comparing(p -> p[0]));
        StringBuilder out = new StringBuilder();
        for (String[] p : kept) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(p[0]);
            if (p[1] != null) {
                out.append('=').append(p[1]);
            }
        }
        return out.toString();
    }

    /**
     * Upper-case hex in valid escapes, unreserved characters decoded, a stray '%' and characters outside
     * the URI character set encoded as UTF-8. In a query component '+' and the delimiters stay as they are.
     */
    private static String normaliseEncoding(String part, boolean queryComponent) {
        StringBuilder out = new StringBuilder(part.length() + 8);
        int n = part.length();
        int i = 0;
        while (i < n) {
            char c = part.charAt(i);
            if (c == '%' && i + 2 < n && isHex(part.charAt(i + 1)) && isHex(part.charAt(i + 2))) {
                int value = Character.digit(part.charAt(i + 1), 16) * 16 + Character.digit(part.charAt(i + 2), 16);
                if (isUnreserved((char) value)) {
                    out.append((char) value);
                } else {
                    out.append('%').append(HEX[value >> 4]).append(HEX[value & 0xF]);
                }
                i += 3;
            } else if (isAllowed(c, queryComponent)) {
                out.append(c);
                i++;
            } else {
                int cp = Character.codePointAt(part, i);
                if (Character.isSurrogate(c) && Character.charCount(cp) == 1) {
                    cp = 0xFFFD;
                }
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
                i += Character.charCount(Character.codePointAt(part, i));
            }
        }
        return out.toString();
    }

    private static String removeDotSegments(String path) {
        if (!path.contains("/.")) {
            return path;
        }
        String[] segments = path.split("/", -1);
        List<String> out = new ArrayList<>();
        for (int k = 1; k < segments.length; k++) {
            String seg = segments[k];
            boolean last = k == segments.length - 1;
            if (seg.equals(".")) {
                if (last) {
                    out.add("");
                }
            } else if (seg.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
                if (last) {
                    out.add("");
                }
            } else {
                out.add(seg);
            }
        }
        return "/" + String.join("/", out);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }

    private static boolean isAllowed(char c, boolean queryComponent) {
        if (isUnreserved(c)) {
            return true;
        }
        if (queryComponent) {
            return "!$'()*+,;=:@/?".indexOf(c) >= 0;
        }
        return "!$&'()*+,;=:@/".indexOf(c) >= 0;
    }

    private static int indexOfAny(String s, int from, String chars) {
        for (int k = from; k < s.length(); k++) {
            if (chars.indexOf(s.charAt(k)) >= 0) {
                return k;
            }
        }
        return s.length();
    }
}
