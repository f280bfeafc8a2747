package org.varsel.desk.childsafety;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.varsel.contract.Topics;
import org.varsel.contract.settings.Settings;
import org.varsel.desk.auth.Role;

/**
 * Child-safety settings of the desk (docs/configuration.md, docs/child-safety.md).
 *
 * @param hotlineTopic where the pipeline writes CSAM-labelled signals, stripped
 * @param exportRoles who may download the hotline export (never partners)
 * @param platforms the platforms children use most, as the pipeline names them: the statistics' columns
 */
public record ChildSafetyConfig(String hotlineTopic, Set<Role> exportRoles, List<String> platforms) {
    public static final String HOTLINE_TOPIC = "desk.hotline.topic";
    public static final String EXPORT_ROLES = "desk.hotline.export-roles";
    public static final String PLATFORMS = "desk.child-safety.platforms";
    /** Every child-safety key and its default. */
    public static final Map<String, String> DEFAULTS = Map.of(
            HOTLINE_TOPIC, Topics.HOTLINE,
            EXPORT_ROLES, "lead,admin",
            PLATFORMS, "tiktok,youtube,instagram,snapchat,roblox,discord");

    public ChildSafetyConfig {
        if (hotlineTopic == null || hotlineTopic.isBlank()) {
            throw new IllegalArgumentException(HOTLINE_TOPIC + " must not be empty");
        }
        if (exportRoles.isEmpty() || exportRoles.contains(Role.PARTNER)) {
            throw new IllegalArgumentException(EXPORT_ROLES + " must name analyst, lead or admin (never partner)");
        }
        if (platforms.isEmpty()) {
            throw new IllegalArgumentException(PLATFORMS + " must name at least one platform");
        }
        exportRoles = Set.copyOf(exportRoles);
        platforms = List.copyOf(platforms);
    }

    /** The child-safety keys among the desk's settings. */
    public static ChildSafetyConfig from(Settings settings) {
        Set<Role> roles = new LinkedHashSet<>();
        for (String label : lowerCase(settings.list(EXPORT_ROLES))) {
            roles.add(Role.fromLabel(label)
                    .orElseThrow(() -> new IllegalArgumentException(EXPORT_ROLES + ": unknown role '" + label + "'")));
        }
        return new ChildSafetyConfig(settings.text(HOTLINE_TOPIC), roles, lowerCase(settings.list(PLATFORMS)));
    }

    private static List<String> lowerCase(List<String> items) {
        return items.stream()
                .map(item -> item.toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
    }
}
