package org.varsel.desk.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A campaign's network as geometry for an inline SVG (computed here, drawn by the template, no script): what its
 * findings are about (links, hashtags, texts, surges) on an inner ring, their sample accounts on an outer ring, placed
 * next to what they pushed, and one line per account and finding, coloured by the finding's kind.
 */
public record CampaignNetwork(int width, int height, List<Node> subjects, List<Node> accounts, List<Edge> edges) {
    public static final int WIDTH = 760;
    public static final int HEIGHT = 520;
    private static final int INNER = 110;
    private static final int OUTER = 215;
    private static final int MAX_ACCOUNTS = 120;
    private static final int MAX_SUBJECTS = 24;

    /** A node: where it goes, its label (and where the label goes), its kind for the colour. */
    public record Node(
            double x,
            double y,
            String label,
            String shortLabel,
            double labelX,
            double labelY,
            String anchor,
            String kind) {}

    /** A line from an account to what one of its findings is about. */
    public record Edge(double x1, double y1, double x2, double y2, String kind) {}

    public static CampaignNetwork of(JsonNode findings) {
        Map<String, String> subjectKinds = new LinkedHashMap<>();
        Map<String, List<String>> accountSubjects = new LinkedHashMap<>();
        List<String[]> links = new ArrayList<>();
        for (JsonNode finding : findings) {
            String kind = finding.path("kind").asText();
            String subject =
                    finding.path("subject").asText(finding.path("title").asText(""));
            if (!subjectKinds.containsKey(subject) && subjectKinds.size() >= MAX_SUBJECTS) {
                continue;
            }
            subjectKinds.putIfAbsent(subject, kind);
            for (JsonNode account : finding.path("accounts")) {
                if (!accountSubjects.containsKey(account.asText()) && accountSubjects.size() >= MAX_ACCOUNTS) {
                    continue;
                }
                accountSubjects
                        .computeIfAbsent(account.asText(), a -> new ArrayList<>())
                        .add(subject);
                links.add(new String[] {account.asText(), subject, kind});
            }
        }
        List<String> subjectOrder = new ArrayList<>(subjectKinds.keySet());
        double cx = WIDTH / 2.0;
        double cy = HEIGHT / 2.0;
        Map<String, Node> subjectNodes = new LinkedHashMap<>();
        for (int i = 0; i < subjectOrder.size(); i++) {
            double angle = angle(i, subjectOrder.size());
            double radius = subjectOrder.size() == 1 ? 0 : INNER;
            String subject = subjectOrder.get(i);
            subjectNodes.put(subject, node(cx, cy, radius, angle, subject, subjectKinds.get(subject), 10));
        }
        // accounts sit next to the first thing they pushed, so lines stay short and groups show as fans
        List<String> accountOrder = new ArrayList<>(accountSubjects.keySet());
        accountOrder.sort(Comparator.comparingInt((String a) ->
                        subjectOrder.indexOf(accountSubjects.get(a).get(0)))
                .thenComparingInt(a -> -accountSubjects.get(a).size())
                .thenComparing(a -> a));
        Map<String, Node> accountNodes = new LinkedHashMap<>();
        for (int i = 0; i < accountOrder.size(); i++) {
            String account = accountOrder.get(i);
            accountNodes.put(
                    account,
                    node(
                            cx,
                            cy,
                            OUTER,
                            angle(i, accountOrder.size()),
                            account,
                            accountSubjects.get(account).size() > 1 ? "bridge" : "account",
                            14));
        }
        List<Edge> edges = new ArrayList<>();
        for (String[] link : links) {
            Node from = accountNodes.get(link[0]);
            Node to = subjectNodes.get(link[1]);
            edges.add(new Edge(from.x(), from.y(), to.x(), to.y(), link[2]));
        }
        return new CampaignNetwork(
                WIDTH, HEIGHT, List.copyOf(subjectNodes.values()), List.copyOf(accountNodes.values()), edges);
    }

    private static double angle(int i, int n) {
        return 2 * Math.PI * i / Math.max(1, n) - Math.PI / 2;
    }

    private static Node node(
            double cx, double cy, double radius, double angle, String label, String kind, double labelGap) {
        double x = round(cx + radius * Math.cos(angle));
        double y = round(cy + radius * Math.sin(angle));
        double lx = round(cx + (radius + labelGap) * Math.cos(angle));
        double ly = round(cy + (radius + labelGap) * Math.sin(angle) + 3);
        String anchor =
                radius == 0 ? "middle" : Math.cos(angle) < -0.2 ? "end" : Math.cos(angle) > 0.2 ? "start" : "middle";
        return new Node(x, y, label, shorten(label, 28), radius == 0 ? x : lx, radius == 0 ? y - 12 : ly, anchor, kind);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String shorten(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }

    /**
     * An account of the campaign: at least how many of its posts (the most it posted in one finding; 0 when unknown) and
     * what share of the campaign's posts that is, and in how many of the findings it appears.
     */
    public record AccountShare(String account, int posts, int postPercent, int findings) {}

    /**
     * The campaign's accounts (its findings' sample accounts and those it counts posts of), the busiest first, then those
     * in the most findings. {@code accountPosts} is the campaign's {@code evidence.account_posts}.
     */
    public static List<AccountShare> accountShares(JsonNode findings, JsonNode accountPosts, int campaignPosts) {
        Map<String, Integer> inFindings = new LinkedHashMap<>();
        findings.forEach(f -> f.path("accounts").forEach(a -> inFindings.merge(a.asText(), 1, Integer::sum)));
        accountPosts.fieldNames().forEachRemaining(a -> inFindings.putIfAbsent(a, 0));
        return inFindings.entrySet().stream()
                .map(e -> {
                    int posts = accountPosts.path(e.getKey()).asInt(0);
                    return new AccountShare(
                            e.getKey(), posts, Math.round(100f * posts / Math.max(1, campaignPosts)), e.getValue());
                })
                .sorted(Comparator.comparingInt(AccountShare::posts)
                        .reversed()
                        .thenComparing(
                                Comparator.comparingInt(AccountShare::findings).reversed())
                        .thenComparing(AccountShare::account))
                .toList();
    }

    public boolean isEmpty() {
        return subjects.isEmpty();
    }
}
