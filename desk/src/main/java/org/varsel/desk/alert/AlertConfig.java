package org.varsel.desk.alert;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.varsel.desk.config.DeskConfig;

/**
 * Where threat-to-life alerts go besides the desk's banner (docs/configuration.md, docs/desk.md "Alerts").
 *
 * @param webhookUrl the one URL alerts are POSTed to (http or https, no credentials in it); none: banner only
 * @param secretHeader the request header that carries {@code secret}, so the receiver can tell the desk's calls
 * @param secret the shared secret; none: the header is not sent
 * @param maxAttempts deliveries tried per alert before it is marked failed
 * @param firstBackoff the wait after the first failed attempt; it doubles after each one, up to {@link #MAX_BACKOFF}
 */
public record AlertConfig(Optional<URI> webhookUrl, String secretHeader, Optional<String> secret, int maxAttempts,
    Duration firstBackoff) {
  public static final String WEBHOOK_URL = "desk.alert.webhook-url";
  public static final String SECRET_HEADER = "desk.alert.secret-header";
  public static final String SECRET = "desk.alert.secret";
  public static final String MAX_ATTEMPTS = "desk.alert.max-attempts";
  public static final String FIRST_BACKOFF = "desk.alert.first-backoff";
  public static final List<String> KEYS = List.of(WEBHOOK_URL, SECRET_HEADER, SECRET, MAX_ATTEMPTS, FIRST_BACKOFF);
  static final Duration MAX_BACKOFF = Duration.ofMinutes(15);
  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9-]{1,64}");

  private static final Map<String, String> DEFAULTS = Map.of(
      WEBHOOK_URL, "",
      SECRET_HEADER, "X-Varsel-Alert-Secret",
      SECRET, "",
      MAX_ATTEMPTS, "8",
      FIRST_BACKOFF, "PT2S");

  public AlertConfig {
    webhookUrl.ifPresent(AlertConfig::requireSaneUrl);
    if (!HEADER_NAME.matcher(secretHeader).matches()) {
      throw new IllegalArgumentException(SECRET_HEADER + " must be a header name (letters, digits, '-'), not '" + secretHeader + "'");
    }
    if (maxAttempts < 1 || maxAttempts > 100) {
      throw new IllegalArgumentException(MAX_ATTEMPTS + " must be from 1 to 100, not " + maxAttempts);
    }
    if (firstBackoff.isNegative() || firstBackoff.isZero() || firstBackoff.compareTo(MAX_BACKOFF) > 0) {
      throw new IllegalArgumentException(FIRST_BACKOFF + " must be more than 0 and at most " + MAX_BACKOFF);
    }
  }

  public static boolean owns(String key) {
    return KEYS.contains(key);
  }

  /** No webhook: threat-to-life alerts show as the desk's banner only. */
  public static AlertConfig defaults() {
    return fromMap(Map.of());
  }

  /** The properties file (if given), then the environment ({@code VARSEL_DESK_ALERT_WEBHOOK_URL}, ...). */
  public static AlertConfig load(Optional<Path> propertiesFile, Map<String, String> environment) {
    return fromMap(DeskConfig.values(propertiesFile, environment, KEYS));
  }

  public static AlertConfig fromMap(Map<String, String> values) {
    Map<String, String> merged = DeskConfig.overDefaults(DEFAULTS, values, KEYS);
    String url = merged.get(WEBHOOK_URL);
    String secret = merged.get(SECRET);
    return new AlertConfig(url.isEmpty() ? Optional.empty() : Optional.of(uri(url)), merged.get(SECRET_HEADER),
        secret.isEmpty() ? Optional.empty() : Optional.of(secret), integer(merged.get(MAX_ATTEMPTS)),
        duration(merged.get(FIRST_BACKOFF)));
  }

  public AlertConfig withWebhook(URI url, String secretValue) {
    return new AlertConfig(Optional.of(url), secretHeader, Optional.of(secretValue), maxAttempts, firstBackoff);
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
    return "AlertConfig[webhookUrl=" + webhookUrl.map(URI::toString).orElse("(none: banner only)") + ", secretHeader="
        + secretHeader + ", secret=" + (secret.isPresent() ? "(set)" : "(none)") + ", maxAttempts=" + maxAttempts
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
      throw new IllegalArgumentException(WEBHOOK_URL + " must name a host and carry no user, password or fragment; "
          + "put the secret in " + SECRET);
    }
  }

  private static URI uri(String value) {
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(WEBHOOK_URL + " is not a URL: " + e.getMessage());
    }
  }

  private static int integer(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(MAX_ATTEMPTS + " must be a whole number, not '" + value + "'");
    }
  }

  private static Duration duration(String value) {
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(FIRST_BACKOFF + " must be an ISO-8601 duration such as PT2S, not '" + value + "'");
    }
  }
}
