package org.varsel.cli;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;

/**
 * The table a replay ends with: the analyst's queue by kind (incidents merged into a campaign are not in it), how many
 * detector findings the campaigns consolidated, the largest campaigns with their findings, throughput and peak memory.
 */
record ReplaySummary(
        List<Incident> updates,
        long signals,
        long deadLetters,
        double jobSeconds,
        double publishSeconds,
        long peakHeapBytes) {
    private static final int FINDINGS_SHOWN = 8;

    /** The queue: the latest version of every incident not merged into another. */
    List<Incident> incidents() {
        return updates.stream().filter(i -> i.mergedInto() == null).toList();
    }

    /** Detector findings behind the queue: each campaign's findings (high-severity ones are in the queue on their own too). */
    long findings() {
        return incidents().stream()
                .mapToLong(i -> i.findings() == null
                        ? 1
                        : Long.parseLong(i.evidence().coordination().get("findings"))
                                - i.findings().stream()
                                        .filter(f -> f.kind() == IncidentKind.HIGH_SEVERITY)
                                        .count())
                .sum();
    }

    Map<String, Long> byKind() {
        Map<String, Long> kinds = new TreeMap<>();
        incidents().forEach(i -> kinds.merge(i.kind().label(), 1L, Long::sum));
        return kinds;
    }

    /** The campaigns (multi-account kinds) with the most accounts, largest first. */
    List<Incident> largestCampaigns(int n) {
        return largest(n, null);
    }

    /** The incidents of one kind (or all, when null) with the most accounts, largest first. */
    List<Incident> largest(int n, String kind) {
        return incidents().stream()
                .filter(i ->
                        kind == null ? i.accountCount() > 1 : i.kind().label().equals(kind))
                .sorted(Comparator.comparingInt(Incident::accountCount)
                        .reversed()
                        .thenComparing(
                                Comparator.comparingInt(Incident::signalCount).reversed())
                        .thenComparing(Incident::id))
                .limit(n)
                .toList();
    }

    void print(PrintStream out) {
        out.printf(
                "%nReplay: %,d signals (%,d dead-lettered) → %,d incidents in the queue (%,d detector findings and single"
                        + " signals before consolidation; %,d ids merged into a campaign)%n",
                signals,
                deadLetters,
                incidents().size(),
                findings(),
                updates.size() - incidents().size());
        out.printf("%-22s %8s%n", "kind", "incidents");
        byKind().forEach((kind, count) -> out.printf("%-22s %8d%n", kind, count));
        out.printf(
                "%nLargest campaigns%n%-16s %8s %8s %4s %-20s %s%n",
                "kind", "accounts", "signals", "sev", "first seen", "title");
        for (Incident i : largestCampaigns(10)) {
            printRow(out, i);
        }
        out.printf("%nLargest campaigns and their findings%n");
        for (Incident campaign : largest(10, IncidentKind.CAMPAIGN.label())) {
            out.printf(
                    "%s  %d accounts, %d signals, %s to %s, severity %d: %s%n",
                    campaign.id(),
                    campaign.accountCount(),
                    campaign.signalCount(),
                    campaign.firstSeen().toString().substring(0, 16),
                    campaign.lastSeen().toString().substring(0, 16),
                    campaign.severity(),
                    shorten(campaign.title(), 90));
            for (Incident.Finding finding : campaign.findings()
                    .subList(0, Math.min(FINDINGS_SHOWN, campaign.findings().size()))) {
                out.printf(
                        "    %-16s %8d %8d %-20s %s%n",
                        finding.kind().label(),
                        finding.accountCount(),
                        finding.signalCount(),
                        finding.firstSeen().toString().substring(0, 16),
                        shorten(finding.title(), 80));
            }
            out.printf(
                    "    (%s findings: %s)%n",
                    campaign.evidence().coordination().get("findings"),
                    campaign.evidence().coordination().get("finding_kinds"));
        }
        out.printf("%nLargest per kind%n");
        for (String kind : byKind().keySet()) {
            for (Incident i : largest(3, kind)) {
                printRow(out, i);
            }
        }
        out.printf(
                "%nPublish: %.1f s (%,.0f signals/s). Pipeline: %.1f s (%,.0f signals/s). Peak heap of this JVM: %,d MB%n",
                publishSeconds,
                signals / Math.max(publishSeconds, 0.001),
                jobSeconds,
                signals / Math.max(jobSeconds, 0.001),
                peakHeapBytes / (1024 * 1024));
    }

    private static void printRow(PrintStream out, Incident i) {
        out.printf(
                "%-16s %8d %8d %4d %-20s %s%n",
                i.kind().label(),
                i.accountCount(),
                i.signalCount(),
                i.severity(),
                i.firstSeen().toString().substring(0, 16),
                shorten(i.title(), 90));
    }

    private static String shorten(String text, int max) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }
}
