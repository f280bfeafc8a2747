package org.varsel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentCodec;
import org.varsel.contract.IncidentKind;
import picocli.CommandLine;

/**
 * The body-double hoax as the IRA accounts pushed it (12-14 September 2016, docs/incidents.md), replayed from the shared
 * IRA file with {@code varsel replay --from --until} on the real broker and job: the accounts' hashtag game on the hoax
 * is one campaign, and the hoax's near-identical texts inside the #ToFeelBetterI game are findings of that game's
 * campaign. The file has no licence, so it is read from ../shared at test time and never copied; skipped without it.
 */
class BodyDoubleHoaxReplayTest {
    private static final String GAME = "ifihadabodydouble";

    @Test
    void theHoaxsHashtagGameIsOneCampaignAndItsTextsJoinTheGameTheyRodeOn(@TempDir Path dir) throws Exception {
        Optional<Path> ira = BenchWorkload.findIra(
                Path.of(System.getProperty("varsel.home", "..")).toAbsolutePath());
        Assumptions.assumeTrue(
                ira.isPresent(), "the shared IRA troll tweets file (../shared/datasets/ira-troll-tweets) is absent");
        Path out = dir.resolve("incidents.jsonl");

        int code = new CommandLine(new ReplayCommand())
                .execute(
                        ira.get().toString(),
                        "--out",
                        out.toString(),
                        "--from",
                        "2016-09-12T12:00:00Z",
                        "--until",
                        "2016-09-14T18:00:00Z");

        assertThat(code).isZero();
        List<Incident> queue = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            Incident incident = IncidentCodec.fromJson(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (incident.mergedInto() == null) {
                queue.add(incident);
            }
        }

        // 14 Sep: the hashtag game on the hoax is one campaign, founded by its hashtag push
        List<Incident> game = queue.stream()
                .filter(i -> i.kind() == IncidentKind.CAMPAIGN)
                .filter(i -> i.findings().stream()
                        .anyMatch(f -> f.kind() == IncidentKind.HASHTAG_PUSH
                                && lower(f.subject()).contains(GAME)))
                .toList();
        assertThat(game).as("one campaign holds the push of #%s", GAME).hasSize(1);
        Incident campaign = game.get(0);
        assertThat(campaign.accountCount()).isGreaterThanOrEqualTo(30);
        assertThat(campaign.findings()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(campaign.hashtags()).first().isEqualTo(GAME);
        assertThat(campaign.evidence().accountPosts()).isNotEmpty();

        // consolidation folds most of the game's findings: far fewer incidents in the queue than detector findings
        long findings = queue.stream()
                .mapToLong(i -> i.kind() == IncidentKind.CAMPAIGN
                        ? i.findings().stream()
                                .filter(f -> f.hashtags().contains(GAME))
                                .count()
                        : i.hashtags().contains(GAME) ? 1 : 0)
                .sum();
        long incidents = queue.stream().filter(i -> i.hashtags().contains(GAME)).count();
        System.out.printf(
                "#%s: %d detector findings, %d incidents in the queue; its campaign: %d accounts, %d posts, %d findings%n",
                GAME,
                findings,
                incidents,
                campaign.accountCount(),
                campaign.signalCount(),
                campaign.findings().size());
        assertThat(incidents).isLessThanOrEqualTo(findings * 3 / 5);
        // and the whole game is that one campaign: no other finding about it waits in the queue on its own (a
        // high-severity post keeps its own incident by design and is listed in the campaign as well)
        assertThat(queue)
                .filteredOn(i -> i.hashtags().contains(GAME) && i.kind() != IncidentKind.HIGH_SEVERITY)
                .as("incidents about #%s besides high-severity posts", GAME)
                .containsExactly(campaign);

        // 12 Sep: the hoax's "get a doppelganger" text, posted inside the #ToFeelBetterI game, is a finding of its
        // campaign
        assertThat(queue)
                .filteredOn(
                        i -> i.kind() == IncidentKind.CAMPAIGN && i.hashtags().contains("tofeelbetteri"))
                .anySatisfy(c -> assertThat(c.findings()).anySatisfy(f -> {
                    assertThat(f.kind()).isEqualTo(IncidentKind.CO_SIMILAR_TEXT);
                    assertThat(lower(f.subject())).contains("doppelganger");
                }));
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
