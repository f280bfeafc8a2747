package org.varsel.pipeline.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A campaign as a serialising backend keeps it: its head (the campaign without its three lists) under its id, and each
 * list (findings, content, defining tokens) in chunks of {@link #CHUNK} entries under keys of their own. The lists only
 * grow, so a write puts the head and the chunks that gained entries, not the whole campaign: on RocksDB writing whole
 * campaigns (~6.8 KB each) was most of consolidation's bytes (docs/performance.md).
 *
 * <p>A head's {@code findings} is null, which tells it from a whole campaign (as the heap backend and builds before
 * 2026-12-06 keep it: read as it is, then written in parts); its {@code content} and {@code defining} are empty when
 * the campaign has a content summary and null when not.
 */
public final class CampaignParts {
    /** Entries a chunk: a write rewrites the last chunk of a list that grew, so small; a read gets one per chunk. */
    public static final int CHUNK = 16;

    static final char FINDINGS = 'f';
    static final char CONTENT = 'c';
    static final char DEFINING = 'd';
    private static final char[] LISTS = {FINDINGS, CONTENT, DEFINING};

    private CampaignParts() {}

    /** The campaign without its lists, to be kept under its id. */
    public static Campaign head(Campaign campaign) {
        Campaign head = new Campaign();
        head.id = campaign.id;
        head.findings = null;
        head.firstSeen = campaign.firstSeen;
        head.lastSeen = campaign.lastSeen;
        head.version = campaign.version;
        head.content = campaign.knowsContent() ? new ArrayList<>() : null;
        head.defining = campaign.knowsContent() ? new ArrayList<>() : null;
        return head;
    }

    /**
     * Hands {@code put} every chunk of {@code campaign}'s lists that gained entries since it was last written in parts
     * or read from them (every chunk of a campaign never kept in parts), with its key; then counts them as kept.
     */
    public static void changedChunks(Campaign campaign, BiConsumer<String, List<String>> put) {
        for (char list : LISTS) {
            List<String> entries = list(campaign, list);
            if (entries == null) {
                continue;
            }
            int kept = campaign.keptInParts(list);
            for (int chunk = kept / CHUNK; chunk * CHUNK < entries.size(); chunk++) {
                int from = chunk * CHUNK;
                put.accept(
                        key(campaign.id, list, chunk),
                        new ArrayList<>(entries.subList(from, Math.min(from + CHUNK, entries.size()))));
            }
            campaign.keptInParts(list, entries.size());
        }
    }

    /**
     * The campaign that {@code stored} (a head or a whole campaign, as read from its id) stands for: a head with its
     * lists read back through {@code chunk} (null past the last chunk), a whole campaign as it is.
     */
    public static Campaign assembled(Campaign stored, Function<String, List<String>> chunk) {
        if (stored == null || stored.findings != null) {
            return stored;
        }
        stored.findings = read(stored.id, FINDINGS, chunk);
        stored.keptInParts(FINDINGS, stored.findings.size());
        if (stored.knowsContent()) {
            stored.content = read(stored.id, CONTENT, chunk);
            stored.defining = read(stored.id, DEFINING, chunk);
            stored.keptInParts(CONTENT, stored.content.size());
            stored.keptInParts(DEFINING, stored.defining.size());
        }
        return stored;
    }

    /**
     * Hands {@code put} every chunk of {@code campaign}'s lists, with its key, and counts them as kept: a rewrite of
     * chunks that did not change, so that none expires (state TTL, from its write) before the head written with it.
     */
    public static void everyChunk(Campaign campaign, BiConsumer<String, List<String>> put) {
        for (char list : LISTS) {
            campaign.keptInParts(list, 0);
        }
        changedChunks(campaign, put);
    }

    /** Hands {@code remove} the key of every chunk that the backend keeps of {@code campaign} (as read or written). */
    public static void keptChunks(Campaign campaign, Consumer<String> remove) {
        for (char list : LISTS) {
            for (int chunk = 0; chunk * CHUNK < campaign.keptInParts(list); chunk++) {
                remove.accept(key(campaign.id, list, chunk));
            }
        }
    }

    private static List<String> read(String id, char list, Function<String, List<String>> chunk) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; ; i++) {
            List<String> part = chunk.apply(key(id, list, i));
            if (part == null) {
                return entries;
            }
            entries.addAll(part);
        }
    }

    private static List<String> list(Campaign campaign, char list) {
        return switch (list) {
            case FINDINGS -> campaign.findings;
            case CONTENT -> campaign.content;
            default -> campaign.defining;
        };
    }

    /** A chunk's key: the campaign id, the list, the chunk's number (an id holds no '|' past its last). */
    static String key(String campaignId, char list, int chunk) {
        return campaignId + '|' + list + chunk;
    }
}
