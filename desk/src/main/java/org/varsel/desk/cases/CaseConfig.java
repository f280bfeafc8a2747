package org.varsel.desk.cases;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.varsel.contract.settings.Settings;

/**
 * How often the desk re-checks the URLs its open cases reported, and which private hosts it may fetch from (none in
 * production; the tests' loopback server). docs/configuration.md.
 */
public record CaseConfig(Duration recheckInterval, Set<String> allowPrivateHosts) {
    public static final String RECHECK_INTERVAL = "desk.cases.recheck-interval";
    public static final String ALLOW_PRIVATE_HOSTS = "desk.cases.recheck-allow-private-hosts";
    /** Every case key and its default. */
    public static final Map<String, String> DEFAULTS = Map.of(RECHECK_INTERVAL, "PT6H", ALLOW_PRIVATE_HOSTS, "");

    public CaseConfig {
        if (recheckInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(RECHECK_INTERVAL + " must be at least PT1S, not " + recheckInterval);
        }
        allowPrivateHosts = Set.copyOf(allowPrivateHosts);
    }

    /** The case keys among the desk's settings. */
    public static CaseConfig from(Settings settings) {
        return new CaseConfig(settings.duration(RECHECK_INTERVAL), Set.copyOf(settings.list(ALLOW_PRIVATE_HOSTS)));
    }
}
