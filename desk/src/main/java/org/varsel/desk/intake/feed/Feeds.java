package org.varsel.desk.intake.feed;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.varsel.desk.db.ClusterSingleton;
import org.varsel.desk.intake.SignalIntake;

/**
 * Polls every configured feed on one thread ({@code desk-feeds}), each at its own interval and once per interval
 * across desk replicas ({@link ClusterSingleton}); a failure waits for the next poll.
 */
public final class Feeds implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Feeds.class);

    private final Map<String, Feed> feeds;
    private final ScheduledExecutorService scheduler;
    private final ClusterSingleton singleton;

    private Feeds(Map<String, Feed> feeds, ScheduledExecutorService scheduler, ClusterSingleton singleton) {
        this.feeds = feeds;
        this.scheduler = scheduler;
        this.singleton = singleton;
    }

    /** Reads the feeds file (if any) and starts polling; fails at once on a bad file. */
    public static Feeds start(Optional<Path> feedsFile, SignalIntake intake, ClusterSingleton singleton) {
        Map<String, Feed> feeds = new LinkedHashMap<>();
        List<FeedDefinition> definitions =
                feedsFile.map(FeedDefinition::readFile).orElse(List.of());
        for (FeedDefinition definition : definitions) {
            feeds.put(
                    definition.name(),
                    definition.rss().isPresent()
                            ? new RssFeed(definition, intake)
                            : new DropFolder(definition, intake));
        }
        if (feeds.isEmpty()) {
            return new Feeds(feeds, null, singleton);
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "desk-feeds");
            thread.setDaemon(true);
            return thread;
        });
        Feeds running = new Feeds(feeds, scheduler, singleton);
        for (Feed feed : feeds.values()) {
            scheduler.scheduleWithFixedDelay(
                    () -> running.pollQuietly(feed),
                    0,
                    feed.definition().every().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        LOG.info("feeds: polling {}", feeds.keySet());
        return running;
    }

    /** The configured feeds by name. */
    public Map<String, Feed> feeds() {
        return Map.copyOf(feeds);
    }

    private void pollQuietly(Feed feed) {
        try {
            singleton.runIfDue(
                    "feed:" + feed.definition().name(), feed.definition().every(), feed::poll);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn(
                    "feed {}: poll failed, trying again in {}: {}",
                    feed.definition().name(),
                    feed.definition().every(),
                    e.toString());
        }
    }

    @Override
    public void close() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
