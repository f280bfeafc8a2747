package org.varsel.desk.db;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread that drains an outbox table (threat-to-life webhook calls, notification e-mail): it claims the rows that
 * are due, hands each to its delivery, sleeps while nothing is due, and waits out a database outage (the rows it had
 * leased come due again), so that whoever filled the outbox never waits for the receiver.
 */
public final class OutboxDrain implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDrain.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration OUTAGE_PAUSE = Duration.ofSeconds(1);

    /** Takes the rows that are due now (leased, so that no other replica takes them meanwhile). */
    @FunctionalInterface
    public interface Claim<T> {
        List<T> due() throws SQLException;
    }

    /** Delivers one due row and records the outcome. */
    @FunctionalInterface
    public interface Delivery<T> {
        void deliver(T due) throws SQLException, InterruptedException;
    }

    private final String name;
    private final Thread thread;
    private volatile boolean running = true;

    private <T> OutboxDrain(String name, Claim<T> claim, Delivery<T> delivery) {
        this.name = name;
        this.thread = new Thread(() -> run(claim, delivery), name);
        this.thread.setDaemon(true);
    }

    /** Starts draining on a daemon thread called {@code name}. */
    public static <T> OutboxDrain start(String name, Claim<T> claim, Delivery<T> delivery) {
        OutboxDrain drain = new OutboxDrain(name, claim, delivery);
        drain.thread.start();
        return drain;
    }

    /** Stops after the delivery under way, waiting up to {@code patience} for it. */
    public void close(Duration patience) {
        running = false;
        thread.interrupt();
        try {
            thread.join(patience.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(15));
    }

    private <T> void run(Claim<T> claim, Delivery<T> delivery) {
        while (running) {
            try {
                List<T> due = claim.due();
                for (T item : due) {
                    delivery.deliver(item);
                }
                if (due.isEmpty()) {
                    Thread.sleep(POLL.toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                LOG.warn("{}: cannot read or record the outbox, retrying shortly: {}", name, e.toString());
                try {
                    Thread.sleep(OUTAGE_PAUSE.toMillis());
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }
}
