package org.varsel.desk.report;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.varsel.desk.auth.Role;
import org.varsel.desk.auth.Sessions;
import org.varsel.desk.brief.render.PdfBrief;
import org.varsel.desk.db.Database;
import org.varsel.desk.http.HttpApi;
import org.varsel.desk.http.Problem;
import org.varsel.desk.http.RouteGroup;
import org.varsel.desk.http.SignedInPage;
import org.varsel.desk.http.Views;

/**
 * The period report for the desk's staff (analysts, leads, admins; partners get 403): the page {@code /reports/period}
 * with SVG charts, and {@code GET /api/v1/reports/period} as CSV or PDF. {@code from}/{@code to} choose the period,
 * the last 30 days by default. docs/desk.md.
 */
public final class PeriodReportRoutes implements RouteGroup {
    public static final String PAGE_PATH = "/reports/period";
    public static final String API_PATH = "/api/v1/reports/period";
    private static final Role[] STAFF = {Role.ANALYST, Role.LEAD, Role.ADMIN};

    private final PeriodReportStore store;
    private final Database database;
    private final SignedInPage pages;
    private final Clock clock;
    private final Views views = new Views();

    public PeriodReportRoutes(Database database, Clock clock) {
        this.store = new PeriodReportStore(database);
        this.database = database;
        this.pages = new SignedInPage(new Sessions(database));
        this.clock = clock;
    }

    @Override
    public void addTo(Javalin app) {
        app.get(PAGE_PATH, this::page);
        app.get(API_PATH, this::download);
    }

    private void page(Context ctx) throws SQLException {
        Optional<Sessions.Session> session = pages.session(ctx);
        if (session.isEmpty()) {
            return;
        }
        Map<String, Object> model = pages.model(ctx, session.get());
        if (pages.refusedToPartner(ctx, session.get(), model, "Period reports")) {
            return;
        }
        PeriodReport report = store.report(period(ctx));
        model.putAll(view(report, EarlyWarningSection.read(database, report.period())));
        String query =
                "from=" + report.period().from() + "&to=" + report.period().to();
        model.put("csv", API_PATH + "?format=csv&" + query);
        model.put("pdf", API_PATH + "?format=pdf&" + query);
        model.put("svg", true);
        model.put("noticesCsv", "/api/v1/reports/transparency?format=csv&" + query);
        model.put("fromDay", day(report.period().from()));
        model.put("toDay", day(report.period().to()));
        pages.render(ctx, "period-report", model);
    }

    private void download(Context ctx) throws SQLException, IOException {
        HttpApi.requireRole(ctx, STAFF);
        String format = Optional.ofNullable(ctx.queryParam("format")).orElse("pdf");
        if (!format.equals("csv") && !format.equals("pdf")) {
            throw Problem.badRequest("format must be csv or pdf");
        }
        PeriodReport report = store.report(period(ctx));
        EarlyWarningSection earlyWarnings = EarlyWarningSection.read(database, report.period());
        Map<String, Object> view = view(report, earlyWarnings);
        String name = "varsel-period-" + day(report.period().from()) + "-"
                + day(report.period().to()) + "." + format;
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("X-Report-TLP", view.get("tlp").toString());
        if (format.equals("csv")) {
            ctx.contentType("text/csv; charset=utf-8").result(report.csv());
        } else {
            ctx.contentType("application/pdf").result(PdfBrief.pdf(views.render("period-report-pdf", view)));
        }
    }

    private Period period(Context ctx) {
        return Period.parse(
                Optional.ofNullable(ctx.queryParam("from")).filter(s -> !s.isBlank()),
                Optional.ofNullable(ctx.queryParam("to")).filter(s -> !s.isBlank()),
                clock);
    }

    /** What both the page and the PDF show; the early warnings' titles raise the marking as the top incidents' do. */
    private static Map<String, Object> view(PeriodReport report, EarlyWarningSection earlyWarnings) {
        Map<String, Object> view = new HashMap<>();
        view.put(
                "tlp", report.marking().mostRestrictive(earlyWarnings.marking()).label());
        view.put("earlyWarnings", earlyWarnings.warnings());
        view.put("from", report.period().from().toString());
        view.put("to", report.period().to().toString());
        view.put("bucket", report.period().bucket());
        List<Map<String, Object>> dimensions = new ArrayList<>();
        report.charts()
                .forEach((dimension, charts) -> dimensions.add(Map.of(
                        "label",
                        dimension.label(),
                        "id",
                        dimension.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        "charts",
                        charts)));
        view.put("dimensions", dimensions);
        view.put("top", report.top());
        view.put("campaigns", report.campaigns());
        view.put("notices", report.notices().view());
        view.put("outcomes", report.outcomes());
        view.put("cases", report.cases());
        // the PDF renderer draws no SVG: the PDF shows the outcomes as bars in a table
        view.put("svg", false);
        return view;
    }

    private static String day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }
}
