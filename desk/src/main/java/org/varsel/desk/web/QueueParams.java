package org.varsel.desk.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.varsel.contract.StorableText;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Tier;
import org.varsel.desk.http.Problem;
import org.varsel.desk.incident.IncidentStatus;
import org.varsel.desk.incident.Visibility;
import org.varsel.desk.triage.QueueFilter;
import org.varsel.desk.triage.QueueStore;

/** The queue's query parameters, shared by the page and the API; anything malformed is a 400. */
record QueueParams(QueueFilter filter, QueueStore.Order order, int limit, int offset) {
  static final int MAX_OFFSET = 1_000_000;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}:#@._+-]{1,200}");
  private static final String PARTNER_PREFIX = Visibility.sourceOf("");

  static QueueParams from(Context ctx, int defaultLimit) {
    SearchBox search = SearchBox.parse(text(ctx, "q"));
    QueueFilter filter = new QueueFilter(
        enumParam(ctx, "status", IncidentStatus.values(), IncidentStatus::label),
        enumParam(ctx, "kind", IncidentKind.values(), IncidentKind::label),
        enumParam(ctx, "tier", Tier.values(), Tier::label),
        search.filter("category", word(ctx, "category")).map(QueueParams::lowerCase),
        search.filter("platform", word(ctx, "platform")).map(QueueParams::lowerCase),
        search.filter("language", word(ctx, "language")).map(QueueParams::lowerCase),
        search.filter("partner", word(ctx, "partner")).map(QueueParams::partnerId),
        search.filter("rule", word(ctx, "rule")),
        word(ctx, "assignee"),
        time(ctx, "from", false),
        time(ctx, "to", true),
        search.words(),
        search.filter("handle", word(ctx, "handle")));
    QueueStore.Order order = enumParam(ctx, "order", QueueStore.Order.values(),
        o -> o.name().toLowerCase(Locale.ROOT)).orElse(QueueStore.Order.QUEUE);
    return new QueueParams(filter, order, intParam(ctx, "limit", defaultLimit, 1, QueueStore.MAX_LIMIT),
        intParam(ctx, "offset", 0, 0, MAX_OFFSET));
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

  static int intParam(Context ctx, String name, int fallback, int min, int max) {
    String value = ctx.queryParam(name);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw Problem.badRequest(name + " must be a whole number from " + min + " to " + max);
  }

  static <E> Optional<E> enumParam(Context ctx, String name, E[] values, Function<E, String> label) {
    String value = ctx.queryParam(name);
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Arrays.stream(values).filter(v -> label.apply(v).equals(value)).findFirst()
        .orElseThrow(() -> Problem.badRequest(name + " must be one of "
            + Arrays.stream(values).map(label).toList())));
  }

  static Optional<String> word(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    if (!WORD.matcher(value.strip()).matches()) {
      throw Problem.badRequest(name + " must be one word (letters, digits, : # @ . _ + -)");
    }
    return Optional.of(value.strip());
  }

  /** A date ({@code 2025-03-01}; as an upper bound, the whole day counts) or an ISO-8601 instant. */
  static Optional<Instant> time(Context ctx, String name, boolean upperBound) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        return Optional.of((upperBound ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant());
      }
      return Optional.of(Instant.parse(value));
    } catch (DateTimeParseException e) {
      throw Problem.badRequest(name + " must be a date (2025-03-01) or an instant (2025-03-01T10:00:00Z)");
    }
  }

  private static Optional<String> text(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    if (value.length() > 500) {
      throw Problem.badRequest(name + " must be at most 500 characters");
    }
    return Optional.of(StorableText.clean(value.strip()));
  }
}
