package org.varsel.desk.triage.http;

import io.javalin.http.Context;
import java.util.Locale;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Tier;
import org.varsel.desk.http.RequestParams;
import org.varsel.desk.incident.IncidentStatus;
import org.varsel.desk.incident.QueueFilter;
import org.varsel.desk.incident.QueueStore;
import org.varsel.desk.incident.Visibility;

/** The queue's query parameters, shared by the page and the API; anything malformed is a 400. */
public record QueueParams(QueueFilter filter, QueueStore.Order order, int limit, int offset) {
    public static final int MAX_OFFSET = 1_000_000;

    private static final String PARTNER_PREFIX = Visibility.sourceOf("");

    public static QueueParams from(Context ctx, int defaultLimit) {
        SearchBox search = SearchBox.parse(RequestParams.text(ctx, "q"));
        QueueFilter filter = new QueueFilter(
                RequestParams.enumParam(ctx, "status", IncidentStatus.values(), IncidentStatus::label),
                RequestParams.enumParam(ctx, "kind", IncidentKind.values(), IncidentKind::label),
                RequestParams.enumParam(ctx, "tier", Tier.values(), Tier::label),
                search.filter("category", RequestParams.word(ctx, "category")).map(QueueParams::lowerCase),
                search.filter("platform", RequestParams.word(ctx, "platform")).map(QueueParams::lowerCase),
                search.filter("language", RequestParams.word(ctx, "language")).map(QueueParams::lowerCase),
                search.filter("partner", RequestParams.word(ctx, "partner")).map(QueueParams::partnerId),
                search.filter("rule", RequestParams.word(ctx, "rule")),
                RequestParams.word(ctx, "assignee"),
                RequestParams.time(ctx, "from", false),
                RequestParams.time(ctx, "to", true),
                search.words(),
                search.filter("handle", RequestParams.word(ctx, "handle")));
        QueueStore.Order order = RequestParams.enumParam(
                        ctx, "order", QueueStore.Order.values(), o -> o.name().toLowerCase(Locale.ROOT))
                .orElse(QueueStore.Order.QUEUE);
        return new QueueParams(
                filter,
                order,
                RequestParams.intParam(ctx, "limit", defaultLimit, 1, QueueStore.MAX_LIMIT),
                RequestParams.intParam(ctx, "offset", 0, 0, MAX_OFFSET));
    }

    /** Platforms, languages, categories and partner ids are names, not text: {@code TikTok} is {@code tiktok}. */
    private static String lowerCase(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    /** A partner as the desk prints it ({@code partner:ngo-a}) or as its id ({@code ngo-a}). */
    private static String partnerId(String value) {
        String id = lowerCase(value);
        return id.startsWith(PARTNER_PREFIX) ? id.substring(PARTNER_PREFIX.length()) : id;
    }
}
