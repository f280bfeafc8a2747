package org.varsel.desk.brief.render;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.varsel.contract.Tier;
import org.varsel.desk.brief.model.Brief;

/**
 * A brief as CommonMark. Nothing from an incident is ever Markdown syntax: prose is backslash-escaped, identifiers
 * (URLs, accounts) are code spans and excerpts are fenced code blocks, each fence longer than any backtick run inside.
 */
public final class MarkdownBrief implements BriefRenderer {
    /**
     * The characters that can start Markdown or HTML anywhere in a line (emphasis, code, links, images, autolinks,
     * entities, tables, strikethrough); ':' '/' '.' and the like are left alone, so a URL in prose reads as typed.
     */
    private static final Pattern INLINE = Pattern.compile("[\\\\`*_\\[\\]<>&|~]");
    /** What makes a block of a line's start (heading, quote, list item, rule, setext underline): its punctuation. */
    private static final Pattern LINE_START = Pattern.compile("^(\\s*(?:\\d{1,9}(?=[.)]))?)([-+=>#.)])");

    private static final Pattern BACKTICKS = Pattern.compile("`+");

    @Override
    public byte[] render(Brief brief) {
        StringBuilder md = new StringBuilder();
        md.append("**").append(escape("TLP:" + brief.marking().label())).append("**\n\n");
        md.append("# ").append(escape(Wording.title(brief))).append("\n\n");
        md.append("**").append(escape(Wording.tlpRule(brief.marking()))).append("**\n\n");
        md.append("- Brief: ").append(code(brief.id())).append('\n');
        md.append("- Date: ").append(escape(Wording.time(brief.createdAt()))).append('\n');
        md.append("- To: ").append(code(brief.audience().label())).append('\n');
        md.append("- ").append(escape(Wording.trackLine(brief.track()))).append("\n\n");

        md.append("## Notifier\n\n");
        md.append("- Name: ").append(escape(brief.notifier().name())).append('\n');
        md.append("- Email: ").append(code(brief.notifier().email())).append('\n');
        if (brief.notifier().organisation() != null) {
            md.append("- Organisation: ")
                    .append(escape(brief.notifier().organisation()))
                    .append('\n');
        }
        md.append("\n## Requested action\n\n")
                .append(escape(brief.requestedAction()))
                .append("\n\n");

        for (Brief.Incident incident : brief.incidents()) {
            incident(md, brief, incident);
        }
        md.append("## Good-faith statement\n\n")
                .append(escape(brief.goodFaithStatement()))
                .append("\n\n");
        md.append("---\n\n").append(escape(Wording.protectionNote())).append('\n');
        return md.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void incident(StringBuilder md, Brief brief, Brief.Incident incident) {
        md.append("## ").append(escape(incident.title())).append("\n\n");
        md.append("- Incident: ")
                .append(code(incident.id()))
                .append(" version ")
                .append(incident.version())
                .append('\n');
        md.append("- Marking: ")
                .append(escape("TLP:" + incident.marking().label()))
                .append('\n');
        md.append("- Seen: ")
                .append(escape(Wording.time(incident.firstSeen()) + " to " + Wording.time(incident.lastSeen())))
                .append("\n\n");
        md.append("### Why it is reported\n\n")
                .append(escape(incident.summary()))
                .append("\n\n");
        if (incident.tier() == Tier.THREAT_TO_LIFE) {
            md.append("**").append(escape(Wording.threatToLife())).append("**\n\n");
        }
        md.append("### Labels\n\n");
        md.append("- Categories: ")
                .append(escape(Wording.categories(incident.categories())))
                .append('\n');
        md.append("- Dangerous Speech hallmarks: ")
                .append(escape(Wording.joined(incident.hallmarks())))
                .append('\n');
        md.append("- TCAP: ").append(escape(Wording.joined(incident.tcap()))).append('\n');
        md.append("- DISARM techniques: ")
                .append(escape(Wording.joined(incident.disarm())))
                .append('\n');
        md.append("- Tier: ")
                .append(escape(incident.tier().label()))
                .append(", severity ")
                .append(incident.severity())
                .append("/100\n");
        md.append("- Target groups: ")
                .append(escape(Wording.joined(incident.targetGroups())))
                .append("\n\n");
        md.append("### ").append(escape(Wording.groundsHeading(brief.track()))).append("\n\n");
        for (Brief.Ground ground : incident.grounds()) {
            md.append("- ").append(escape(Wording.ground(ground)));
            ground.url().ifPresent(url -> md.append(' ').append(code(url)));
            md.append('\n');
        }
        md.append('\n');
        if (!incident.coordination().isEmpty()) {
            md.append("### Coordination evidence\n\n");
            incident.coordination()
                    .forEach((key, value) -> md.append("- ")
                            .append(escape(key))
                            .append(": ")
                            .append(escape(value))
                            .append('\n'));
            md.append('\n');
        }
        incident.campaign().ifPresent(campaign -> campaign(md, campaign));
        md.append("### Content\n\n");
        int n = 1;
        for (Brief.Item item : incident.items()) {
            md.append("#### Item ").append(n++).append("\n\n");
            md.append("- URL: ").append(code(item.url())).append('\n');
            md.append("- Observed: ")
                    .append(escape(Wording.time(item.observedAt())))
                    .append('\n');
            md.append("- Account: ").append(code(item.account())).append('\n');
            md.append("- Platform: ")
                    .append(escape(item.platform() == null ? "unknown" : item.platform()))
                    .append('\n');
            md.append("- Source: ")
                    .append(escape(item.source()))
                    .append(", TLP:")
                    .append(escape(item.tlp().label()))
                    .append('\n');
            if (!item.matchedTerms().isEmpty()) {
                md.append("- Matched: ")
                        .append(escape(String.join(", ", item.matchedTerms())))
                        .append('\n');
            }
            if (item.excerpt() != null && !item.excerpt().isBlank()) {
                md.append('\n').append(fenced(item.excerpt()));
            }
            md.append('\n');
        }
    }

    private static void campaign(StringBuilder md, Brief.Campaign campaign) {
        md.append("### ").append(escape(Wording.campaignHeading())).append("\n\n");
        md.append(escape(Wording.campaignTotals(campaign))).append("\n\n");
        int n = 1;
        for (Brief.Finding finding : campaign.findings()) {
            md.append("#### Finding ")
                    .append(n++)
                    .append(": ")
                    .append(escape(Wording.findingHeading(finding)))
                    .append("\n\n");
            md.append("- Detector incident: ")
                    .append(code(finding.incidentId()))
                    .append('\n');
            md.append("- ").append(escape(Wording.findingCounts(finding))).append('\n');
            if (!finding.sampleAccounts().isEmpty()) {
                md.append("- Accounts (sample): ")
                        .append(String.join(
                                ", ",
                                finding.sampleAccounts().stream()
                                        .map(MarkdownBrief::code)
                                        .toList()))
                        .append('\n');
            }
            if (finding.explanation() != null) {
                md.append("- What the detector saw: ")
                        .append(escape(finding.explanation()))
                        .append('\n');
            }
            md.append("- ").append(escape(Wording.joinedBecause(finding))).append("\n\n");
        }
    }

    /**
     * Prose: line breaks as spaces, then every character that could start inline Markdown or HTML backslash-escaped,
     * and a line start that could open a block escaped too. URLs stay readable: {@code https://x.com/a} is not touched.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ").trim();
        String inline = INLINE.matcher(oneLine).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
        Matcher start = LINE_START.matcher(inline);
        return start.find() ? start.group(1) + "\\" + inline.substring(start.start(2)) : inline;
    }

    /** An identifier shown exactly: a code span whose fence is longer than any backtick run inside it. */
    static String code(String text) {
        if (text == null || text.isBlank()) {
            return "(none)";
        }
        String oneLine = text.replaceAll("\\s+", " ").trim();
        String fence = "`".repeat(longestBacktickRun(oneLine) + 1);
        return fence + " " + oneLine + " " + fence;
    }

    /** A quoted excerpt: a fenced code block, so nothing in it is Markdown or HTML. */
    static String fenced(String text) {
        String fence = "`".repeat(Math.max(3, longestBacktickRun(text) + 1));
        return fence + "text\n" + text.strip() + "\n" + fence + "\n";
    }

    private static int longestBacktickRun(String text) {
        int longest = 0;
        Matcher m = BACKTICKS.matcher(text);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        return longest;
    }
}
