package org.varsel.desk.brief.render;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.varsel.contract.CategoryNames;
import org.varsel.contract.Tlp;
import org.varsel.desk.brief.model.Brief;
import org.varsel.desk.brief.model.Track;

/** The sentences and formats every human-readable brief shares, so Markdown, HTML and PDF say the same. */
final class Wording {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Wording() {}

    static String time(Instant instant) {
        return instant == null ? "unknown" : TIME.format(instant);
    }

    static String title(Brief brief) {
        return brief.track() == Track.DSA
                ? "Notice of illegal content under Article 16 of the Digital Services Act"
                : "Report of content against the platform's terms of service";
    }

    static String trackLine(Track track) {
        return track == Track.DSA
                ? "Track: EU Digital Services Act, Article 16(2) notice. The notifier believes the content below is illegal."
                : "Track: terms of service. The content below is believed harmful and against the platform's own rules; this is "
                        + "not a notice of illegal content.";
    }

    /** What the marking lets the recipient do (FIRST TLP 2.0). */
    static String tlpRule(Tlp tlp) {
        return switch (tlp) {
            case CLEAR -> "TLP:CLEAR. Recipients may share this without limit.";
            case GREEN ->
                "TLP:GREEN. Recipients may share this within their community, not through publicly accessible "
                        + "channels.";
            case AMBER ->
                "TLP:AMBER. Recipients may share this only with members of their own organisation and its clients, "
                        + "on a need-to-know basis.";
            case AMBER_STRICT ->
                "TLP:AMBER+STRICT. Recipients may share this only within their own organisation, on a "
                        + "need-to-know basis.";
            case RED -> throw new IllegalStateException("a TLP:RED brief is never rendered");
        };
    }

    static String groundsHeading(Track track) {
        return track == Track.DSA ? "Legal provisions (substantiated reasons)" : "Platform policies";
    }

    static String protectionNote() {
        return "This brief carries only what its recipient may receive under TLP 2.0. Personal data of victims and of "
                + "the partners' staff is redacted; the reported accounts are not.";
    }

    /** Categories as people read them: "Incitement to violence or crime, Hate speech". */
    static String categories(List<String> categories) {
        return joined(categories.stream().map(CategoryNames::name).toList());
    }

    /** A ground's line: the category's name, then the provision or policy. */
    static String ground(Brief.Ground ground) {
        return CategoryNames.name(ground.category()) + ": " + ground.text();
    }

    static String joined(List<String> values) {
        return values.isEmpty() ? "none" : String.join(", ", values);
    }

    static String threatToLife() {
        return "Tier threat-to-life: the content may involve a threat to the life or safety of persons (DSA Art. 18).";
    }

    static String campaignHeading() {
        return "Campaign: the detector findings it consolidates";
    }

    /** A campaign's totals in one sentence: accounts, posts, window, findings by kind, what they pushed. */
    static String campaignTotals(Brief.Campaign campaign) {
        StringBuilder totals = new StringBuilder();
        totals.append(campaign.accounts())
                .append(" accounts, ")
                .append(campaign.signals())
                .append(" posts, ")
                .append(time(campaign.firstSeen()))
                .append(" to ")
                .append(time(campaign.lastSeen()))
                .append("; ")
                .append(campaign.findingCount())
                .append(" detector findings (");
        totals.append(String.join(
                ", ",
                campaign.findingsByKind().entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey())
                        .toList()));
        if (campaign.findings().size() < campaign.findingCount()) {
            totals.append("; the ").append(campaign.findings().size()).append(" largest listed below");
        }
        totals.append(")");
        if (!campaign.hashtags().isEmpty()) {
            totals.append("; hashtags: ")
                    .append(String.join(
                            ", ", campaign.hashtags().stream().map(h -> "#" + h).toList()));
        }
        if (!campaign.urls().isEmpty()) {
            totals.append("; links: ").append(campaign.urls().size());
        }
        return totals.append('.').toString();
    }

    /** One finding's heading: its kind and what it is about. */
    static String findingHeading(Brief.Finding finding) {
        return finding.kind() + ": " + (finding.subject() == null ? finding.incidentId() : finding.subject());
    }

    /** One finding's counts and window. */
    static String findingCounts(Brief.Finding finding) {
        return finding.accounts() + " accounts, " + finding.signals() + " posts, " + time(finding.firstSeen()) + " to "
                + time(finding.lastSeen());
    }

    static String joinedBecause(Brief.Finding finding) {
        return finding.joinedBecause()
                .map(why -> "Joined the campaign because it " + why + ".")
                .orElse("The finding the campaign grew from.");
    }
}
