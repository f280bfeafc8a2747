package org.varsel.pipeline.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The platform a link points to, from its host: the one table of platform hosts.
 *
 * <p>A host matches an entry or any subdomain of it ({@code m.facebook.com}, {@code vm.tiktok.com}).
 * {@code t.co} counts as X: X wraps every link in a post with it and the target is unknown without
 * following the redirect, which the pipeline does not do. Mastodon and other fediverse servers are not
 * recognisable from the host (any domain can run one), so they are {@link #WEB}, like every other host.
 */
public enum Platform {
    X("x", "x.com", "twitter.com", "t.co", "twimg.com", "fxtwitter.com", "vxtwitter.com"),
    FACEBOOK("facebook", "facebook.com", "fb.com", "fb.watch", "fb.me", "fbcdn.net", "messenger.com"),
    INSTAGRAM("instagram", "instagram.com", "instagr.am", "ig.me"),
    YOUTUBE("youtube", "youtube.com", "youtu.be", "youtube-nocookie.com"),
    TIKTOK("tiktok", "tiktok.com"),
    TELEGRAM("telegram", "t.me", "telegram.me", "telegram.org", "telegram.dog"),
    REDDIT("reddit", "reddit.com", "redd.it"),
    VK("vk", "vk.com", "vk.ru", "vk.me", "vk.cc", "vkontakte.ru"),
    GAB("gab", "gab.com", "gab.ai"),
    TRUTH_SOCIAL("truth_social", "truthsocial.com"),
    RUMBLE("rumble", "rumble.com"),
    BITCHUTE("bitchute", "bitchute.com"),
    ODYSEE("odysee", "odysee.com"),
    THREADS("threads", "threads.net", "threads.com"),
    BLUESKY("bluesky", "bsky.app", "bsky.social"),
    SNAPCHAT("snapchat", "snapchat.com", "snap.com"),
    ROBLOX("roblox", "roblox.com"),
    DISCORD("discord", "discord.com", "discord.gg", "discordapp.com"),
    WEB("web");

    private static final Map<String, Platform> BY_HOST = buildIndex();

    private final String label;
    private final List<String> hosts;

    Platform(String label, String... hosts) {
        this.label = label;
        this.hosts = List.of(hosts);
    }

    /** The name used in enriched signals, e.g. {@code x}, {@code truth_social}, {@code web}. */
    public String label() {
        return label;
    }

    /** The registrable hosts of this platform; empty for {@link #WEB}. */
    public List<String> hosts() {
        return hosts;
    }

    /** The platform of a host; {@link #WEB} for any host not in the table, blank or malformed hosts. */
    public static Platform ofHost(String host) {
        if (host == null) {
            return WEB;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        while (!h.isEmpty()) {
            Platform p = BY_HOST.get(h);
            if (p != null) {
                return p;
            }
            int dot = h.indexOf('.');
            if (dot < 0) {
                break;
            }
            h = h.substring(dot + 1);
        }
        return WEB;
    }

    /** The platform of a canonical URL as returned by {@link UrlCanonicaliser}. */
    public static Platform ofUrl(String canonicalUrl) {
        int start = canonicalUrl.indexOf("://");
        if (start < 0) {
            return WEB;
        }
        start += 3;
        int end = start;
        while (end < canonicalUrl.length() && "/:?#".indexOf(canonicalUrl.charAt(end)) < 0) {
            end++;
        }
        return ofHost(canonicalUrl.substring(start, end));
    }

    private static Map<String, Platform> buildIndex() {
        Map<String, Platform> index = new HashMap<>();
        for (Platform p : values()) {
            for (String host : p.hosts) {
                Platform previous = index.put(host, p);
                if (previous != null) {
                    throw new IllegalStateException(host + " is listed for both " + previous + " and " + p);
                }
            }
        }
        return Map.copyOf(index);
    }
}
