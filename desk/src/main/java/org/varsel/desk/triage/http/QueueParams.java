package org.varsel.desk.triage.http;

import io.javalin.http.Context;
import java.util.Locale;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Tier;
import org.varsel.desk.http.RequestParams;
import org.varsel.desk.incident.IncidentStatus;
import org.varsel.desk.triage.QueueFilter;
import org.varsel.desk.triage.QueueStore;

/** The queue's query parameters, shared by the page and the API; anything malformed is a 400. */
public record QueueParams(QueueFilter filter, QueueStore.Order order, int limit, int offset) {
  public static final int MAX_OFFSET = 1_000_000;

  public static QueueParams from(Context ctx, int defaultLimit) {
    QueueFilter filter = new QueueFilter(
        RequestParams.enumParam(ctx, "status", IncidentStatus.values(), IncidentStatus::label),
        RequestParams.enumParam(ctx, "kind", IncidentKind.values(), IncidentKind::label),
        RequestParams.enumParam(ctx, "tier", Tier.values(), Tier::label),
        RequestParams.word(ctx, "category"),
        RequestParams.word(ctx, "platform"),
        RequestParams.word(ctx, "language"),
        RequestParams.word(ctx, "partner"),
        RequestParams.word(ctx, "rule"),
        RequestParams.word(ctx, "assignee"),
        RequestParams.time(ctx, "from", false),
        RequestParams.time(ctx, "to", true),
        RequestParams.text(ctx, "q"));
    QueueStore.Order order = RequestParams.enumParam(ctx, "order", QueueStore.Order.values(),
        o -> o.name().toLowerCase(Locale.ROOT)).orElse(QueueStore.Order.QUEUE);
    return new QueueParams(filter, order, RequestParams.intParam(ctx, "limit", defaultLimit, 1, QueueStore.MAX_LIMIT),
        RequestParams.intParam(ctx, "offset", 0, 0, MAX_OFFSET));
  }
}
