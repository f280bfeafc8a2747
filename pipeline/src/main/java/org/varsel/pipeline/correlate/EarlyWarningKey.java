package org.varsel.pipeline.correlate;

import java.util.Optional;

/** What an early warning is about: a target group, in one region or in all of them. Its key is {@code group} or {@code group@region}. */
public record EarlyWarningKey(String targetGroup, Optional<String> region) {
    private static final char REGION = '@';

    /** A group named with an {@code @} (a handle, say) keeps it as a space, so that the key splits back the same. */
    public EarlyWarningKey {
        targetGroup = targetGroup.replace(REGION, ' ');
        region = region.map(r -> r.replace(REGION, ' '));
    }

    public String key() {
        return region.map(r -> targetGroup + REGION + r).orElse(targetGroup);
    }

    static EarlyWarningKey parse(String key) {
        int at = key.lastIndexOf(REGION);
        return at < 0
                ? new EarlyWarningKey(key, Optional.empty())
                : new EarlyWarningKey(key.substring(0, at), Optional.of(key.substring(at + 1)));
    }
}
