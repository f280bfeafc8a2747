package org.varsel.desk.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.varsel.desk.config.DeskConfig;

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
public record MailConfig(Optional<String> host, int port, Security security, Optional<String> user,
    Optional<String> password, String from, Optional<URI> deskUrl, int maxAttempts, Duration firstBackoff,
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
  public static final List<String> KEYS =
      List.of(HOST, PORT, SECURITY, USER, PASSWORD, FROM, DESK_URL, MAX_ATTEMPTS, FIRST_BACKOFF, MAX_AGE);
  static final Duration MAX_BACKOFF = Duration.ofHours(1);
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private static final Map<String, String> DEFAULTS = Map.of(HOST, "", PORT, "587", SECURITY, "starttls", USER, "",
      PASSWORD, "", FROM, "", DESK_URL, "", MAX_ATTEMPTS, "10", FIRST_BACKOFF, "PT30S", MAX_AGE, "PT24H");

  /** STARTTLS (required, port 587), TLS from the first byte (port 465), or none (a relay on the same host only). */
  public enum Security {
    STARTTLS, TLS, NONE;

    static Security parse(String value) {
      return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(value.trim())).findFirst()
          .orElseThrow(() -> new IllegalArgumentException(SECURITY + " must be starttls, tls or none, not '" + value + "'"));
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

  public static boolean owns(String key) {
    return KEYS.contains(key);
  }

  /** Mail off: notifications stay in the desk's inbox. */
  public static MailConfig off() {
    return fromMap(Map.of());
  }

  /** The properties file (if given), then the environment ({@code VARSEL_DESK_MAIL_PASSWORD}, ...). */
  public static MailConfig load(Optional<Path> propertiesFile, Map<String, String> environment) {
    return fromMap(DeskConfig.values(propertiesFile, environment, KEYS));
  }

  public static MailConfig fromMap(Map<String, String> values) {
    Map<String, String> merged = DeskConfig.overDefaults(DEFAULTS, values, KEYS);
    return new MailConfig(present(merged.get(HOST)), DeskConfig.parseInt(merged.get(PORT), PORT),
        Security.parse(merged.get(SECURITY)), present(merged.get(USER)), present(merged.get(PASSWORD)),
        merged.get(FROM), present(merged.get(DESK_URL)).map(MailConfig::uri), DeskConfig.parseInt(merged.get(MAX_ATTEMPTS), MAX_ATTEMPTS),
        DeskConfig.duration(merged.get(FIRST_BACKOFF), FIRST_BACKOFF),
        DeskConfig.duration(merged.get(MAX_AGE), MAX_AGE));
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
        + deskUrl.map(URI::toString).orElse("(none)") + ", maxAttempts=" + maxAttempts + ", firstBackoff=" + firstBackoff
        + ", maxAge=" + maxAge + "]";
  }

  private static Optional<String> present(String value) {
    return value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  private static URI uri(String value) {
    try {
      URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
      if (uri.getHost() == null || !List.of("http", "https").contains(String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(DESK_URL + " must be an http or https URL, not '" + value + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(DESK_URL + " is not a URL: " + e.getMessage());
    }
  }
}
