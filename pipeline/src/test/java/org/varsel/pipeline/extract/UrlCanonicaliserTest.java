package org.varsel.pipeline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlCanonicaliserTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // scheme and host in lower case, path case kept
                "HTTPS://Example.COM/Path/To   | https://example.com/Path/To",
                "http://EXAMPLE.com            | http://example.com/",
                // default ports dropped, others kept
                "http://example.com:80/a       | http://example.com/a",
                "https://example.com:443/a     | https://example.com/a",
                "https://example.com:8443/a    | https://example.com:8443/a",
                "http://example.com:443/a      | http://example.com:443/a",
                // fragments dropped
                "https://example.com/a#section | https://example.com/a",
                "https://example.com/#!/route  | https://example.com/",
                // tracking parameters stripped, content parameters kept and sorted
                "https://example.com/a?utm_source=x&utm_medium=y&id=7 | https://example.com/a?id=7",
                "https://example.com/a?UTM_Campaign=z&b=2&a=1       | https://example.com/a?a=1&b=2",
                "https://example.com/?fbclid=IwAR0abc                | https://example.com/",
                "https://example.com/p?gclid=1&msclkid=2&q=news      | https://example.com/p?q=news",
                "https://www.instagram.com/p/Cx1/?igshid=MzRlODBiNWFlZA== | https://www.instagram.com/p/Cx1/",
                "https://open.spotify.com/track/1?si=abc             | https://open.spotify.com/track/1",
                "https://twitter.com/user/status/1?ref_src=twsrc%5Etfw&s=20&t=xyz | https://twitter.com/user/status/1",
                "https://x.com/user/status/1?s=46                    | https://x.com/user/status/1",
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ&feature=share&pp=yg | https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                "https://youtu.be/dQw4w9WgXcQ?si=AbCd&t=42           | https://youtu.be/dQw4w9WgXcQ?t=42",
                "https://www.tiktok.com/@u/video/1?is_from_webapp=1&sender_device=pc | https://www.tiktok.com/@u/video/1",
                // 's' is only tracking on X; elsewhere it may be a search
                "https://blog.example.org/?s=election                | https://blog.example.org/?s=election",
                // empty path becomes '/', dot segments resolved
                "https://example.com                                 | https://example.com/",
                "https://example.com/a/./b/../c                      | https://example.com/a/c",
                // percent-encoding normalised
                "https://example.com/%7euser/%e2%82%ac               | https://example.com/~user/%E2%82%AC",
                "https://example.com/caf\u00e9                       | https://example.com/caf%C3%A9",
                "https://example.com/a b                             | https://example.com/a%20b",
                // user info dropped, trailing host dot dropped, IDN to punycode
                "https://user:secret@example.com/x                   | https://example.com/x",
                "https://example.com./x                              | https://example.com/x",
                "https://b\u00fccher.de/                             | https://xn--bcher-kva.de/",
                // bare www links are https
                "www.Example.com/news?utm_source=a                   | https://www.example.com/news",
                // repeated and empty separators
                "https://example.com/?&&a=1&&                        | https://example.com/?a=1",
                "https://example.com/?b=2&a=1&b=1                    | https://example.com/?a=1&b=2&b=1",
                "https://example.com/?flag                           | https://example.com/?flag",
                "HTTPS://T.CO/AbCdEf                                 | https://t.co/AbCdEf",
                "https://[2001:DB8::1]:8080/x                        | https://[2001:db8::1]:8080/x",
            })
    void canonicalisesTo(String raw, String expected) {
        assertThat(UrlCanonicaliser.canonicalise(raw)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "example.com",
                "ftp://example.com/file",
                "javascript:alert(1)",
                "mailto:a@example.com",
                "https://",
                "https:///path",
                "https://exa mple.com/",
                "https://example.com:99999/",
                "https://example.com:abc/",
                "https://-bad-.com/",
                "https://a..b.com/",
                "data:text/html,hi"
            })
    void rejectsWhatIsNotAnHttpUrl(String raw) {
        assertThat(UrlCanonicaliser.canonicalise(raw)).isEmpty();
    }

    @Test
    void rejectsNull() {
        assertThat(UrlCanonicaliser.canonicalise(null)).isEmpty();
    }

    @Test
    void stripsTrackingParametersButKeepsContentParameters() {
        assertThat(UrlCanonicaliser.canonicalise(
                        "https://news.example/article?id=42&utm_source=fb&utm_content=x&page=2&fbclid=abc&gclid=def"))
                .contains("https://news.example/article?id=42&page=2");
    }

    @Test
    void equivalentLinksShareOneCanonicalForm() {
        List<String> variants = List.of(
                "https://Example.com:443/story?b=2&a=1#top",
                "HTTPS://example.com/story?a=1&b=2&utm_source=twitter",
                "https://example.com/story?a=1&fbclid=x&b=2");
        assertThat(variants.stream()
                        .map(UrlCanonicaliser::canonicalise)
                        .map(Optional::orElseThrow)
                        .distinct())
                .containsExactly("https://example.com/story?a=1&b=2");
    }

    /** Property: canonical forms are fixed points, valid URIs, lower-case hosts, free of tracking and fragments. */
    @RepeatedTest(20)
    void canonicalFormIsStableValidAndClean() {
        Random random = new Random();
        for (int k = 0; k < 200; k++) {
            String raw = randomUrl(random);
            Optional<String> canonical = UrlCanonicaliser.canonicalise(raw);
            if (canonical.isEmpty()) {
                continue;
            }
            String c = canonical.get();
            assertThat(UrlCanonicaliser.canonicalise(c))
                    .as("idempotent for %s", raw)
                    .contains(c);
            URI uri = URI.create(c);
            assertThat(uri.getScheme()).isIn("http", "https");
            assertThat(uri.getHost()).isEqualTo(uri.getHost().toLowerCase());
            assertThat(uri.getRawFragment()).isNull();
            assertThat(uri.getPort()).isNotEqualTo(uri.getScheme().equals("http") ? 80 : 443);
            if (uri.getRawQuery() != null) {
                for (String pair : uri.getRawQuery().split("&")) {
                    String name = pair.split("=", 2)[0];
                    assertThat(UrlCanonicaliser.isTrackingParameter(name, Platform.ofHost(uri.getHost())))
                            .as("tracking parameter %s left in %s", name, c)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void neverThrowsOnGarbage() {
        Random random = new Random(7);
        for (int k = 0; k < 5_000; k++) {
            StringBuilder s = new StringBuilder(random.nextBoolean() ? "https://" : "");
            int n = random.nextInt(60);
            for (int i = 0; i < n; i++) {
                s.append((char) random.nextInt(0x3000));
            }
            UrlCanonicaliser.canonicalise(s.toString());
        }
    }

    private static String randomUrl(Random r) {
        String[] schemes = {"http", "https", "HTTP", "HtTpS"};
        String[] hosts = {
            "Example.com",
            "www.YouTube.com",
            "t.co",
            "news.example.org.",
            "b\u00fccher.de",
            "x.com",
            "sub.domain.example"
        };
        String[] segments = {"a", "B", ".", "..", "%7e", "caf\u00e9", "x y", "%2F", "", "@u", "~z"};
        String[] names = {
            "utm_source", "UTM_MEDIUM", "fbclid", "gclid", "si", "id", "q", "page", "s", "t", "feature", "v", "a%5Fb"
        };
        StringBuilder s = new StringBuilder(schemes[r.nextInt(schemes.length)]).append("://");
        if (r.nextInt(10) == 0) {
            s.append("user:pw@");
        }
        s.append(hosts[r.nextInt(hosts.length)]);
        if (r.nextInt(4) == 0) {
            s.append(':').append(new int[] {80, 443, 8080, 1}[r.nextInt(4)]);
        }
        int depth = r.nextInt(4);
        for (int i = 0; i < depth; i++) {
            s.append('/').append(segments[r.nextInt(segments.length)]);
        }
        List<String> params = new ArrayList<>();
        int count = r.nextInt(5);
        for (int i = 0; i < count; i++) {
            params.add(names[r.nextInt(names.length)] + (r.nextBoolean() ? "=" + r.nextInt(100) : ""));
        }
        if (!params.isEmpty()) {
            s.append('?').append(String.join("&", params));
        }
        if (r.nextBoolean()) {
            s.append("#frag").append(r.nextInt(9));
        }
        return s.toString();
    }
}
