package org.varsel.desk.intake.feed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.varsel.contract.Json;
import org.varsel.desk.intake.CappedInputStream;
import org.varsel.desk.intake.SignalIntake;

/**
 * An RSS or Atom feed (anything ROME reads), fetched over HTTP; each entry becomes an {@code article} signal with
 * the entry's id (or link) as its external id, so the receipts recognise what was sent before.
 */
public final class RssFeed implements Feed {
    static final long MAX_FEED_BYTES = 10L * 1024 * 1024;
    static final int MAX_TEXT = 20_000;
    private static final Logger LOG = LoggerFactory.getLogger(RssFeed.class);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACE = Pattern.compile("[ \\t\\x0B\\f\\r]+");
    private static final int MAX_REDIRECTS = 5;
    private static final Pattern HTTP_URL = Pattern.compile("^[Hh][Tt][Tt][Pp][Ss]?://\\S+$");

    private final FeedDefinition definition;
    private final SignalIntake intake;
    private final HttpClient http;
    private final FeedAddressGuard guard;

    public RssFeed(FeedDefinition definition, SignalIntake intake) {
        this.definition = definition;
        this.intake = intake;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.guard = new FeedAddressGuard(definition.allowPrivateHosts());
    }

    @Override
    public FeedDefinition definition() {
        return definition;
    }

    @Override
    public long poll() throws IOException, SQLException, InterruptedException {
        HttpResponse<InputStream> response = fetch(definition.rss().orElseThrow());
        SyndFeed feed;
        try (InputStream body = new CappedInputStream(response.body(), MAX_FEED_BYTES)) {
            if (response.statusCode() != 200) {
                throw new IOException("feed " + definition.name() + " answered HTTP " + response.statusCode());
            }
            feed = new SyndFeedInput().build(new XmlReader(body));
        } catch (FeedException e) {
            throw new IOException("feed " + definition.name() + " is not RSS or Atom: " + e.getMessage(), e);
        }
        List<byte[]> bodies = new ArrayList<>();
        List<String> externalIds = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            ObjectNode signal = toSignal(feed, entry);
            externalIds.add(signal.path("external_id").asText());
            bodies.add(signal.toString().getBytes(StandardCharsets.UTF_8));
        }
        return FeedResults.log(definition, externalIds, intake.take(definition.source(), bodies), LOG);
    }

    /** GETs the feed, following redirects by hand so that every hop passes the address guard. */
    private HttpResponse<InputStream> fetch(URI first) throws IOException, InterruptedException {
        URI uri = first;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            guard.check(uri);
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(30))
                    .header("User-Agent", "varsel-desk (feed " + definition.name() + ")")
                    .header(
                            "Accept",
                            "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8")
                    .GET()
                    .build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            Optional<String> location = response.headers().firstValue("Location");
            if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                return response;
            }
            response.body().close();
            try {
                uri = uri.resolve(new URI(location.get()));
            } catch (URISyntaxException e) {
                throw new IOException("feed " + definition.name() + " redirected to a malformed URL", e);
            }
        }
        throw new IOException("feed " + definition.name() + " redirected more than " + MAX_REDIRECTS + " times");
    }

    private ObjectNode toSignal(SyndFeed feed, SyndEntry entry) {
        ObjectNode signal = Json.mapper().createObjectNode();
        String link = entry.getLink() == null ? null : entry.getLink().trim();
        String id = firstNonBlank(entry.getUri(), link);
        String text = text(entry);
        signal.put("external_id", externalId(id, entry, text));
        Date when = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        // an undated entry counts as observed when first seen; its receipt keeps it from being sent again
        signal.put("observed_at", (when == null ? Instant.now() : when.toInstant()).toString());
        signal.put("kind", "article");
        if (link != null && HTTP_URL.matcher(link).matches() && link.length() <= 2048) {
            signal.put("url", link);
        }
        if (!text.isEmpty()) {
            signal.put("text", text);
        }
        definition.language().ifPresent(language -> signal.put("language", language));
        signal.put("tlp", definition.tlp().label());
        if (entry.getAuthor() != null && !entry.getAuthor().isBlank()) {
            signal.putObject("author")
                    .put("display_name", truncate(entry.getAuthor().strip(), 512));
        }
        ObjectNode about = signal.putObject("feed");
        about.put("name", definition.name());
        if (feed.getTitle() != null) {
            about.put("title", truncate(feed.getTitle().strip(), 512));
        }
        return signal;
    }

    /** Title and description (or content) as plain text, capped at the contract's limit. */
    private static String text(SyndEntry entry) {
        List<String> parts = new ArrayList<>();
        if (entry.getTitle() != null && !entry.getTitle().isBlank()) {
            parts.add(plain(entry.getTitle()));
        }
        SyndContent description = entry.getDescription();
        if (description == null && !entry.getContents().isEmpty()) {
            description = entry.getContents().get(0);
        }
        if (description != null
                && description.getValue() != null
                && !description.getValue().isBlank()) {
            parts.add(plain(description.getValue()));
        }
        return truncate(String.join("\n\n", parts), MAX_TEXT);
    }

    static String plain(String html) {
        String text = TAG.matcher(html)
                .replaceAll(" ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&nbsp;", " ")
                .replace("&amp;", "&");
        return SPACE.matcher(text).replaceAll(" ").strip();
    }

    private static String externalId(String id, SyndEntry entry, String text) {
        String basis = id != null ? id : text + "\n" + entry.getPublishedDate();
        return id != null && id.length() <= 256 ? id : "sha256:" + sha256(basis);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static String truncate(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
