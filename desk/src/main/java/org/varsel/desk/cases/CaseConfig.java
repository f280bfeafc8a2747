package org.varsel.desk.cases;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.varsel.desk.config.DeskConfig;

/**
 * How often the desk re-checks the URLs its open cases reported, and which private hosts it may fetch from (none in
 * production; the tests' loopback server). docs/configuration.md.
 */
public record CaseConfig(Duration recheckInterval, Set<String> allowPrivateHosts) {
  public static final String RECHECK_INTERVAL = "desk.cases.recheck-interval";
  public static final String ALLOW_PRIVATE_HOSTS = "desk.cases.recheck-allow-private-hosts";
  public static final List<String> KEYS = List.of(RECHECK_INTERVAL, ALLOW_PRIVATE_HOSTS);
  private static final Map<String, String> DEFAULTS = Map.of(RECHECK_INTERVAL, "PT6H", ALLOW_PRIVATE_HOSTS, "");

  public CaseConfig {
    if (recheckInterval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(RECHECK_INTERVAL + " must be at least PT1S, not " + recheckInterval);
    }
    allowPrivateHosts = Set.copyOf(allowPrivateHosts);
  }

  public static boolean owns(String key) {
    return KEYS.contains(key);
  }

  public static CaseConfig defaults() {
    return fromMap(Map.of());
  }

  /** The properties file (if given), then the environment ({@code VARSEL_DESK_CASES_RECHECK_INTERVAL}, ...). */
  public static CaseConfig load(Optional<Path> propertiesFile, Map<String, String> environment) {
    return fromMap(DeskConfig.values(propertiesFile, environment, KEYS));
  }

  public static CaseConfig fromMap(Map<String, String> values) {
    Map<String, String> merged = DeskConfig.overDefaults(DEFAULTS, values, KEYS);
    Duration interval;
    try {
      interval = Duration.parse(merged.get(RECHECK_INTERVAL));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(RECHECK_INTERVAL + " must be an ISO-8601 duration such as PT6H, not '"
          + merged.get(RECHECK_INTERVAL) + "'");
    }
    Set<String> hosts = Arrays.stream(merged.get(ALLOW_PRIVATE_HOSTS).split(",")).map(String::strip)
        .filter(h -> !h.isEmpty()).collect(Collectors.toSet());
    return new CaseConfig(interval, hosts);
  }
}
