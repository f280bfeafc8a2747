package org.varsel.desk.alert;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.varsel.contract.settings.Settings;

/**
 * Where threat-to-life alerts go besides the desk's banner (docs/configuration.md, docs/desk.md "Alerts").
 *
 * @param webhookUrl the one URL alerts are POSTed to (http or https, no credentials in it); none: banner only
 * @param secretHeader the request header that carries {@code secret}, so the receiver can tell the desk's calls
 * @param secret the shared secret; none: the header is not sent
 * @param maxAttempts deliveries tried per alert before it is marked failed
 * @param firstBackoff the wait after the first failed attempt; it doubles after each one, up to {@link #MAX_BACKOFF}
 */
public record AlertConfig(
        Optional<URI> webhookUrl,
        String secretHeader,
        Optional<String> secret,
        int maxAttempts,
        Duration firstBackoff) {
    public static final String WEBHOOK_URL = "desk.alert.webhook-url";
    public static final String SECRET_HEADER = "desk.alert.secret-header";
    public static final String SECRET = "desk.alert.secret";
    public static final String MAX_ATTEMPTS = "desk.alert.max-attempts";
    public static final String FIRST_BACKOFF = "desk.alert.first-backoff";
    static final Duration MAX_BACKOFF = Duration.ofMinutes(15);
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9-]{1,64}");

    /** Every alert key and its default. */
    public static final Map<String, String> DEFAULTS = Map.of(
            WEBHOOK_URL, "",
            SECRET_HEADER, "X-Varsel-Alert-Secret",
            SECRET, "",
            MAX_ATTEMPTS, "8",
            FIRST_BACKOFF, "PT2S");

    public AlertConfig {
        webhookUrl.ifPresent(AlertConfig::requireSaneUrl);
        if (!HEADER_NAME.matcher(secretHeader).matches()) {
            throw new IllegalArgumentException(
                    SECRET_HEADER + " must be a header name (letters, digits, '-'), not '" + secretHeader + "'");
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException(MAX_ATTEMPTS + " must be from 1 to 100, not " + maxAttempts);
        }
        if (firstBackoff.isNegative() || firstBackoff.isZero() || firstBackoff.compareTo(MAX_BACKOFF) > 0) {
            throw new IllegalArgumentException(FIRST_BACKOFF + " must be more than 0 and at most " + MAX_BACKOFF);
        }
    }

    /** The alert keys among the desk's settings. */
    public static AlertConfig from(Settings settings) {
        return new AlertConfig(
                settings.optional(WEBHOOK_URL).map(AlertConfig::uri),
                settings.text(SECRET_HEADER),
                settings.optional(SECRET),
                settings.integer(MAX_ATTEMPTS),
                settings.duration(FIRST_BACKOFF));
    }

    /** The wait before attempt {@code attempt + 1} after {@code attempt} failed ones. */
    Duration backoffAfter(int attempt) {
        Duration wait = firstBackoff;
        for (int i = 1; i < attempt && wait.compareTo(MAX_BACKOFF) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    @Override
    public String toString() {
        return "AlertConfig[webhookUrl=" + webhookUrl.map(URI::toString).orElse("(none: banner only)")
                + ", secretHeader="
                + secretHeader + ", secret=" + (secret.isPresent() ? "(set)" : "(none)") + ", maxAttempts="
                + maxAttempts
                + ", firstBackoff=" + firstBackoff + "]";
    }

    // Only the operator's URL is ever called, never one from an incident or a redirect; a URL with a user or password
    // would put a credential into logs and the delivery records, so the secret goes in the header instead.
    private static void requireSaneUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(WEBHOOK_URL + " must be an http or https URL, not '" + url + "'");
        }
        if (url.getHost() == null || url.getRawUserInfo() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException(WEBHOOK_URL
                    + " must name a host and carry no user, password or fragment; " + "put the secret in " + SECRET);
        }
    }

    private static URI uri(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(WEBHOOK_URL + " is not a URL: " + e.getMessage());
        }
    }
}
