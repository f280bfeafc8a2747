package org.varsel.desk.report;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.varsel.desk.brief.report.TransparencyReport;
import org.varsel.desk.brief.store.BriefStore;
import org.varsel.desk.cases.CaseStore;
import org.varsel.desk.db.Database;
import org.varsel.desk.incident.Dimension;
import org.varsel.desk.incident.IncidentReportQueries;

/** Reads a {@link PeriodReport} from the desk's incidents, the briefs sent to platforms and the cases opened with them. */
public final class PeriodReportStore {
    private static final int TOP = 10;

    private final IncidentReportQueries incidents;
    private final BriefStore briefs;
    private final CaseStore cases;

    public PeriodReportStore(Database database) {
        this.incidents = new IncidentReportQueries(database);
        this.briefs = new BriefStore(database);
        this.cases = new CaseStore(database);
    }

    public PeriodReport report(Period period) throws SQLException {
        List<Trend> trends = new ArrayList<>();
        for (Dimension dimension : Dimension.values()) {
            trends.addAll(trends(period, dimension));
        }
        return new PeriodReport(
                period,
                trends,
                incidents.mostUrgent(period.from(), period.to(), false, TOP),
                incidents.mostUrgent(period.from(), period.to(), true, TOP),
                TransparencyReport.of(period.from(), period.to(), briefs.noticedUrls(period.from(), period.to())),
                cases.openedIn(period.from(), period.to()));
    }

    /** One trend a value of the dimension, with a zero for every bucket of the period without incidents. */
    private List<Trend> trends(Period period, Dimension dimension) throws SQLException {
        Map<String, Map<LocalDate, Long>> byValue =
                incidents.firstSeenCounts(dimension, period.bucket(), period.from(), period.to());
        List<Trend> trends = new ArrayList<>();
        byValue.forEach((value, counts) -> trends.add(new Trend(
                dimension,
                value,
                period.bucketStarts().stream()
                        .map(start -> new Trend.Count(start, counts.getOrDefault(start, 0L)))
                        .toList())));
        return trends;
    }
}
