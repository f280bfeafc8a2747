package org.varsel.desk.childsafety;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.varsel.contract.Topics;
import org.varsel.desk.auth.Role;
import org.varsel.desk.config.DeskConfig;

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
  public static final List<String> KEYS = List.of(HOTLINE_TOPIC, EXPORT_ROLES, PLATFORMS);

  private static final Map<String, String> DEFAULTS = Map.of(
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

  public static boolean owns(String key) {
    return KEYS.contains(key);
  }

  public static ChildSafetyConfig defaults() {
    return fromMap(Map.of());
  }

  /** The properties file (if given), then the environment ({@code VARSEL_DESK_HOTLINE_TOPIC}, ...). */
  public static ChildSafetyConfig load(Optional<Path> propertiesFile, Map<String, String> environment) {
    return fromMap(DeskConfig.values(propertiesFile, environment, KEYS));
  }

  public static ChildSafetyConfig fromMap(Map<String, String> values) {
    Map<String, String> merged = DeskConfig.overDefaults(DEFAULTS, values, KEYS);
    Set<Role> roles = new LinkedHashSet<>();
    for (String label : list(merged.get(EXPORT_ROLES))) {
      roles.add(Role.fromLabel(label).orElseThrow(() ->
          new IllegalArgumentException(EXPORT_ROLES + ": unknown role '" + label + "'")));
    }
    return new ChildSafetyConfig(merged.get(HOTLINE_TOPIC), roles, list(merged.get(PLATFORMS)));
  }

  public ChildSafetyConfig withHotlineTopic(String topic) {
    return new ChildSafetyConfig(topic, exportRoles, platforms);
  }

  private static List<String> list(String value) {
    List<String> out = new ArrayList<>();
    for (String part : value.split(",")) {
      String item = part.trim().toLowerCase(Locale.ROOT);
      if (!item.isEmpty() && !out.contains(item)) {
        out.add(item);
      }
    }
    return out;
  }
}
