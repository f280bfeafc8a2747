package org.varsel.desk.report;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.varsel.contract.Tlp;
import org.varsel.desk.db.Database;
import org.varsel.desk.incident.IncidentStore;
import org.varsel.desk.web.EarlyWarningChart;

/**
 * The period report's early warnings: every early-warning incident whose rise overlaps the period, with the chart of its
 * trend against the baseline (the same chart as on its incident page). Its titles raise the report's marking.
 */
public record EarlyWarningSection(List<Warning> warnings) {
    public EarlyWarningSection {
        warnings = List.copyOf(warnings);
    }

    /** One early warning: its incident, and its trend as a chart. */
    public record Warning(String id, String title, Tlp tlp, EarlyWarningChart chart) {}

    public static EarlyWarningSection read(Database database, Period period) throws SQLException {
        List<Warning> warnings = new ArrayList<>();
        for (IncidentStore.StoredText row :
                new IncidentStore(database).earlyWarningsOpenBetween(period.from(), period.to())) {
            warnings.add(new Warning(
                    row.id(),
                    row.title() == null ? "" : row.title(),
                    Tlp.fromLabel(row.tlp()).orElse(Tlp.RED),
                    EarlyWarningChart.of(row.payload().path("trend"))));
        }
        return new EarlyWarningSection(warnings);
    }

    /** Green when empty; otherwise the most restrictive marking of the warnings listed. */
    public Tlp marking() {
        return warnings.stream().map(Warning::tlp).reduce(Tlp.GREEN, Tlp::mostRestrictive);
    }
}
