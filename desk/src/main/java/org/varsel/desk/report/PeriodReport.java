package org.varsel.desk.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.varsel.contract.Tlp;
import org.varsel.desk.brief.report.TransparencyReport;
import org.varsel.desk.cases.CaseStore.PlatformCases;
import org.varsel.desk.incident.Dimension;
import org.varsel.desk.incident.TopIncident;

/**
 * What happened in a period: incident trends per dimension, the top incidents and campaigns, the notices sent to
 * platforms with what the platforms did, and the cases opened with them.
 */
public record PeriodReport(
        Period period,
        List<Trend> trends,
        List<TopIncident> top,
        List<TopIncident> campaigns,
        TransparencyReport notices,
        List<PlatformCases> cases) {
    public PeriodReport {
        trends = List.copyOf(trends);
        top = List.copyOf(top);
        campaigns = List.copyOf(campaigns);
        cases = List.copyOf(cases);
    }

    /** Counts alone are TLP:GREEN; the titles of the incidents and campaigns listed raise the marking to theirs. */
    public Tlp marking() {
        return Stream.concat(top.stream(), campaigns.stream())
                .map(TopIncident::tlp)
                .reduce(Tlp.GREEN, Tlp::mostRestrictive);
    }

    /** The platforms' outcomes of the reported URLs as stacked bars. */
    public OutcomeChart outcomes() {
        return OutcomeChart.of(notices);
    }

    /** The trends in long form, one row per dimension, value and bucket (RFC 4180, formula-safe cells). */
    public byte[] csv() {
        StringBuilder csv = new StringBuilder("from,to,dimension,value,bucket,bucket_start,incidents\r\n");
        for (Trend trend : trends) {
            for (Trend.Count count : trend.counts()) {
                csv.append(String.join(
                                ",",
                                period.from().toString(),
                                period.to().toString(),
                                TransparencyReport.cell(trend.dimension().label()),
                                TransparencyReport.cell(trend.value()),
                                period.bucket(),
                                count.start().toString(),
                                Long.toString(count.incidents())))
                        .append("\r\n");
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Each dimension with one chart per value, most incidents first; every chart of a dimension on the same scale. */
    public Map<Dimension, List<TrendChart>> charts() {
        Map<Dimension, List<TrendChart>> charts = new LinkedHashMap<>();
        for (Dimension dimension : Dimension.values()) {
            List<Trend> of = trends.stream()
                    .filter(t -> t.dimension() == dimension)
                    .sorted((a, b) -> Long.compare(b.total(), a.total()))
                    .toList();
            long peak = of.stream()
                    .flatMap(t -> t.counts().stream())
                    .mapToLong(Trend.Count::incidents)
                    .max()
                    .orElse(1);
            List<TrendChart> list = new ArrayList<>();
            of.forEach(trend -> list.add(TrendChart.of(trend, peak)));
            charts.put(dimension, list);
        }
        return charts;
    }
}
