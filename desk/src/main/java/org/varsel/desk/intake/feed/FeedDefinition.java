package org.varsel.desk.intake.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.varsel.contract.Tlp;

/**
 * One feed of the feeds file: an RSS/Atom URL or a drop folder, how often to look, and the TLP and language its
 * signals get. See {@code docs/intake.md} for the file's format.
 */
public record FeedDefinition(
        String name,
        Optional<URI> rss,
        Optional<Path> folder,
        Duration every,
        Tlp tlp,
        Optional<String> language,
        Set<String> allowPrivateHosts) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern LANGUAGE = Pattern.compile("([a-z]{2,3}(-[A-Za-z0-9]{2,8})*|und)");
    private static final Set<String> FIELDS =
            Set.of("name", "rss", "folder", "every", "tlp", "language", "allow_private_hosts");

    /** The source its signals carry. */
    public String source() {
        return "feed:" + name;
    }

    /** Reads and checks the feeds file; every problem names the feed and the field. */
    public static List<FeedDefinition> readFile(Path file) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the feeds file " + file, e);
        }
        JsonNode feeds = root == null ? null : root.get("feeds");
        if (feeds == null || !feeds.isArray()) {
            throw new IllegalArgumentException(file + ": the feeds file needs a list under 'feeds:'");
        }
        List<FeedDefinition> definitions = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int index = 0;
        for (JsonNode feed : feeds) {
            FeedDefinition definition = parse(
                    feed,
                    file + ": feeds[" + index++ + "]",
                    file.toAbsolutePath().getParent());
            if (!names.add(definition.name())) {
                throw new IllegalArgumentException(file + ": two feeds are named " + definition.name());
            }
            definitions.add(definition);
        }
        return definitions;
    }

    private static FeedDefinition parse(JsonNode feed, String where, Path base) {
        for (Iterator<String> it = feed.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException(where + ": unknown field '" + field + "' (known: " + FIELDS + ")");
            }
        }
        String name = feed.path("name").asText("");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(where + ".name: must match " + NAME.pattern() + ", was '" + name + "'");
        }
        return parseNamed(feed, where + " (" + name + ")", name, base);
    }

    private static FeedDefinition parseNamed(JsonNode feed, String where, String name, Path base) {
        Optional<URI> rss = Optional.empty();
        if (feed.hasNonNull("rss")) {
            try {
                URI uri = new URI(feed.get("rss").asText());
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                    throw new URISyntaxException(uri.toString(), "not http or https");
                }
                rss = Optional.of(uri);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(where + ".rss: must be an http(s) URL: " + e.getMessage(), e);
            }
        }
        Optional<Path> folder = feed.hasNonNull("folder")
                ? Optional.of(base.resolve(feed.get("folder").asText()).normalize())
                : Optional.empty();
        if (rss.isPresent() == folder.isPresent()) {
            throw new IllegalArgumentException(where + ": give exactly one of 'rss' and 'folder'");
        }
        Duration every;
        try {
            every = Duration.parse(feed.path("every").asText(rss.isPresent() ? "PT5M" : "PT30S"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ".every: must be an ISO-8601 duration such as PT5M", e);
        }
        if (every.toMillis() < 100) {
            throw new IllegalArgumentException(where + ".every: must be at least PT0.1S");
        }
        String tlpLabel = feed.path("tlp").asText("CLEAR");
        Tlp tlp = Tlp.fromLabel(tlpLabel)
                .orElseThrow(() -> new IllegalArgumentException(
                        where + ".tlp: '" + tlpLabel + "' is not one of CLEAR, GREEN, AMBER, AMBER+STRICT, RED"));
        Optional<String> language = Optional.ofNullable(feed.get("language")).map(JsonNode::asText);
        if (language.isPresent() && !LANGUAGE.matcher(language.get()).matches()) {
            throw new IllegalArgumentException(where + ".language: must be a BCP 47 tag such as da or en-GB");
        }
        Set<String> allowPrivateHosts = new HashSet<>();
        JsonNode allowed = feed.path("allow_private_hosts");
        if (!allowed.isMissingNode() && !allowed.isArray()) {
            throw new IllegalArgumentException(where + ".allow_private_hosts: must be a list of host names");
        }
        allowed.forEach(host -> allowPrivateHosts.add(host.asText()));
        return new FeedDefinition(name, rss, folder, every, tlp, language, Set.copyOf(allowPrivateHosts));
    }
}
