package org.varsel.desk.intake;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per caller: {@code burst} requests at once, refilled at {@code perMinute}. In memory, so the limit
 * is per desk process.
 */
public final class RateLimiter {
  private final double tokensPerNano;
  private final double capacity;
  private final LongSupplier nanoClock;
  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(int perMinute, int burst) {
    this(perMinute, burst, System::nanoTime);
  }

  RateLimiter(int perMinute, int burst, LongSupplier nanoClock) {
    this.tokensPerNano = perMinute / (double) Duration.ofMinutes(1).toNanos();
    this.capacity = burst;
    this.nanoClock = nanoClock;
  }

  /** Takes one request's token; empty if allowed, else how many whole seconds until the next token. */
  public OptionalLong acquire(String caller) {
    Bucket bucket = buckets.computeIfAbsent(caller, ignored -> new Bucket(capacity, nanoClock.getAsLong()));
    synchronized (bucket) {
      long now = nanoClock.getAsLong();
      bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updatedAt) * tokensPerNano);
      bucket.updatedAt = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return OptionalLong.empty();
      }
      double nanosToNext = (1 - bucket.tokens) / tokensPerNano;
      return OptionalLong.of(Math.max(1, (long) Math.ceil(nanosToNext / 1e9)));
    }
  }

  private static final class Bucket {
    double tokens;
    long updatedAt;

    Bucket(double tokens, long updatedAt) {
      this.tokens = tokens;
      this.updatedAt = updatedAt;
    }
  }
}
