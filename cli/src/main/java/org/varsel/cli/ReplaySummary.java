package org.varsel.cli;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.varsel.contract.Incident;

/** The table a replay ends with: incidents by kind, the largest campaigns, throughput and peak memory. */
record ReplaySummary(List<Incident> incidents, long signals, long deadLetters, double jobSeconds, double publishSeconds, long peakHeapBytes) {

  Map<String, Long> byKind() {
    Map<String, Long> kinds = new TreeMap<>();
    incidents.forEach(i -> kinds.merge(i.kind().label(), 1L, Long::sum));
    return kinds;
  }

  /** The campaigns (multi-account kinds) with the most accounts, largest first. */
  List<Incident> largestCampaigns(int n) {
    return largest(n, null);
  }

  /** The incidents of one kind (or all, when null) with the most accounts, largest first. */
  List<Incident> largest(int n, String kind) {
    return incidents.stream()
        .filter(i -> kind == null ? i.accountCount() > 1 : i.kind().label().equals(kind))
        .sorted(Comparator.comparingInt(Incident::accountCount).reversed()
            .thenComparing(Comparator.comparingInt(Incident::signalCount).reversed())
            .thenComparing(Incident::id))
        .limit(n)
        .toList();
  }

  void print(PrintStream out) {
    out.printf("%nReplay: %,d signals (%,d dead-lettered) → %,d incidents%n", signals, deadLetters, incidents.size());
    out.printf("%-22s %8s%n", "kind", "incidents");
    byKind().forEach((kind, count) -> out.printf("%-22s %8d%n", kind, count));
    out.printf("%nLargest campaigns%n%-16s %8s %8s %4s %-20s %s%n", "kind", "accounts", "signals", "sev", "first seen", "title");
    for (Incident i : largestCampaigns(10)) {
      out.printf("%-16s %8d %8d %4d %-20s %s%n", i.kind().label(), i.accountCount(), i.signalCount(), i.severity(),
          i.firstSeen().toString().substring(0, 16), shorten(i.title(), 90));
    }
    out.printf("%nLargest per kind%n");
    for (String kind : byKind().keySet()) {
      for (Incident i : largest(3, kind)) {
        out.printf("%-16s %8d %8d %4d %-20s %s%n", i.kind().label(), i.accountCount(), i.signalCount(), i.severity(),
            i.firstSeen().toString().substring(0, 16), shorten(i.title(), 90));
      }
    }
    out.printf("%nPublish: %.1f s (%,.0f signals/s). Pipeline: %.1f s (%,.0f signals/s). Peak heap of this JVM: %,d MB%n",
        publishSeconds, signals / Math.max(publishSeconds, 0.001), jobSeconds, signals / Math.max(jobSeconds, 0.001),
        peakHeapBytes / (1024 * 1024));
  }

  private static String shorten(String text, int max) {
    String flat = text.replaceAll("\\s+", " ");
    return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
  }
}
