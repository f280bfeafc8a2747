package org.varsel.contract;

import java.util.List;

/** The sender's own assessment of a signal; {@code confidence} is 0-100, or null when not given. */
public record Labels(String category, List<String> disarm, List<String> targetGroups, Integer confidence) {
    public Labels {
        disarm = disarm == null ? List.of() : List.copyOf(disarm);
        targetGroups = targetGroups == null ? List.of() : List.copyOf(targetGroups);
    }
}
