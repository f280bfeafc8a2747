package org.varsel.desk.incident;

import java.util.Objects;
import java.util.Optional;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Tier;

/** One page of the incident list: filters, order and window. */
public record IncidentQuery(
    Optional<IncidentKind> kind, Optional<Tier> tier, Optional<IncidentStatus> status, Order order, int limit, int offset) {

  public static final int MAX_LIMIT = 500;
  public static final int DEFAULT_LIMIT = 50;

  public IncidentQuery {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(tier);
    Objects.requireNonNull(status);
    Objects.requireNonNull(order);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT + ", was " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, was " + offset);
    }
  }

  /** The first page of the analyst queue, unfiltered. */
  public static IncidentQuery queue() {
    return new IncidentQuery(Optional.empty(), Optional.empty(), Optional.empty(), Order.QUEUE, DEFAULT_LIMIT, 0);
  }

  /** How the list is sorted; ties are broken by id so pages do not overlap. */
  public enum Order {
    /** Most urgent first: tier (threat to life first), then severity, then the latest activity. */
    QUEUE("tier_rank, severity DESC, last_seen DESC, id"),
    /** Latest activity first. */
    NEWEST("last_seen DESC, id");

    private final String sql;

    Order(String sql) {
      this.sql = sql;
    }

    String sql() {
      return sql;
    }
  }
}
