package org.varsel.desk.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.varsel.contract.settings.Settings;

/**
 * Notification e-mail through any SMTP server (docs/configuration.md, docs/desk.md "Notifications"); off unless a host
 * is set. Safe by default: STARTTLS is required and the server's certificate and name are checked.
 *
 * @param host the SMTP server; none: notifications stay in the desk's inbox
 * @param security how the connection is protected
 * @param user the SMTP login; none: no authentication
 * @param deskUrl where the desk is reached, for the link in each e-mail; none: the e-mail names the incident's path
 * @param maxAge a notification older than this when its e-mail comes due is marked failed instead of sent (turning
 *     mail on does not mail out a backlog)
 */
public record MailConfig(
        Optional<String> host,
        int port,
        Security security,
        Optional<String> user,
        Optional<String> password,
        String from,
        Optional<URI> deskUrl,
        int maxAttempts,
        Duration firstBackoff,
        Duration maxAge) {
    public static final String HOST = "desk.mail.host";
    public static final String PORT = "desk.mail.port";
    public static final String SECURITY = "desk.mail.security";
    public static final String USER = "desk.mail.user";
    public static final String PASSWORD = "desk.mail.password";
    public static final String FROM = "desk.mail.from";
    public static final String DESK_URL = "desk.mail.desk-url";
    public static final String MAX_ATTEMPTS = "desk.mail.max-attempts";
    public static final String FIRST_BACKOFF = "desk.mail.first-backoff";
    public static final String MAX_AGE = "desk.mail.max-age";
    static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** Every mail key and its default: mail is off until {@link #HOST} is set. */
    public static final Map<String, String> DEFAULTS = Map.of(
            HOST,
            "",
            PORT,
            "587",
            SECURITY,
            "starttls",
            USER,
            "",
            PASSWORD,
            "",
            FROM,
            "",
            DESK_URL,
            "",
            MAX_ATTEMPTS,
            "10",
            FIRST_BACKOFF,
            "PT30S",
            MAX_AGE,
            "PT24H");

    /** STARTTLS (required, port 587), TLS from the first byte (port 465), or none (a relay on the same host only). */
    public enum Security {
        STARTTLS,
        TLS,
        NONE;

        static Security parse(String value) {
            return Arrays.stream(values())
                    .filter(s -> s.name().equalsIgnoreCase(value.trim()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            SECURITY + " must be starttls, tls or none, not '" + value + "'"));
        }
    }

    public MailConfig {
        if (host.isPresent() && !from.contains("@")) {
            throw new IllegalArgumentException(FROM + " must be the sender's e-mail address when " + HOST + " is set");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(PORT + " must be from 1 to 65535, not " + port);
        }
        if (user.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException(USER + " and " + PASSWORD + " go together");
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException(MAX_ATTEMPTS + " must be from 1 to 100, not " + maxAttempts);
        }
        if (firstBackoff.isNegative() || firstBackoff.isZero() || firstBackoff.compareTo(MAX_BACKOFF) > 0) {
            throw new IllegalArgumentException(FIRST_BACKOFF + " must be more than 0 and at most " + MAX_BACKOFF);
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException(MAX_AGE + " must be more than 0");
        }
    }

    /** The mail keys among the desk's settings. */
    public static MailConfig from(Settings settings) {
        return new MailConfig(
                settings.optional(HOST),
                settings.integer(PORT),
                Security.parse(settings.text(SECURITY)),
                settings.optional(USER),
                settings.optional(PASSWORD),
                settings.text(FROM),
                settings.optional(DESK_URL).map(MailConfig::uri),
                settings.integer(MAX_ATTEMPTS),
                settings.duration(FIRST_BACKOFF),
                settings.duration(MAX_AGE));
    }

    /** The wait after {@code attempt} failed attempts: doubling from {@link #firstBackoff}, at most an hour. */
    Duration retryAfter(int attempt) {
        Duration wait = firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    /** Jakarta Mail's session properties for this server. */
    Properties sessionProperties() {
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", security == Security.TLS ? "smtps" : "smtp");
        String prefix = security == Security.TLS ? "mail.smtps." : "mail.smtp.";
        properties.put(prefix + "host", host.orElse(""));
        properties.put(prefix + "port", Integer.toString(port));
        properties.put(prefix + "auth", Boolean.toString(user.isPresent()));
        properties.put(prefix + "from", from);
        for (String timeout : List.of("connectiontimeout", "timeout", "writetimeout")) {
            properties.put(prefix + timeout, Long.toString(TIMEOUT.toMillis()));
        }
        if (security == Security.STARTTLS) {
            // required, not merely enabled: a server that does not offer STARTTLS gets no password and no e-mail
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", "true");
        }
        if (security != Security.NONE) {
            properties.put(prefix + "ssl.checkserveridentity", "true");
        }
        return properties;
    }

    @Override
    public String toString() {
        return "MailConfig[host=" + host.orElse("(none: inbox only)") + ", port=" + port + ", security="
                + security.name().toLowerCase(Locale.ROOT) + ", user=" + user.orElse("(none)") + ", password="
                + (password.isPresent() ? "(set)" : "(none)") + ", from=" + from + ", deskUrl="
                + deskUrl.map(URI::toString).orElse("(none)") + ", maxAttempts=" + maxAttempts + ", firstBackoff="
                + firstBackoff
                + ", maxAge=" + maxAge + "]";
    }

    private static URI uri(String value) {
        try {
            URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (uri.getHost() == null
                    || !List.of("http", "https")
                            .contains(String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(DESK_URL + " must be an http or https URL, not '" + value + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(DESK_URL + " is not a URL: " + e.getMessage());
        }
    }
}
