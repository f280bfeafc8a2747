package org.varsel.pipeline.campaign;

import static org.varsel.pipeline.correlate.Posts.minutes;
import static org.varsel.pipeline.correlate.Posts.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.correlate.FindingUpdate;
import org.varsel.pipeline.correlate.Posts;

/** The campaign tests' shared streams, and their findings as the detectors make them. */
public final class CampaignStreams {
    private CampaignStreams() {}

    /** Every detector's findings of {@code stream}, in the order they are made. */
    public static List<FindingUpdate> findings(List<AnalysedSignal> stream) {
        return CampaignsTest.detect(stream);
    }

    /** Stories of many campaigns that grow and merge, {@link CampaignContentSummaryTest}'s. */
    public static List<AnalysedSignal> stories(Random random) {
        return CampaignContentSummaryTest.stream(random);
    }

    /**
     * One campaign that spans nearly its longest ({@code max-span}, a day): every 40 minutes a group of accounts pushes
     * the same hoax with a link of the burst's own, so it gathers a finding or two a burst, lists of several chunks; the
     * first burst's hashtags fill the first chunk of its content, never written again.
     */
    public static List<AnalysedSignal> dayLong() {
        List<AnalysedSignal> stream = new ArrayList<>();
        int id = 0;
        for (int burst = 0; burst * 40 < 23 * 60 + 40; burst++) {
            for (int account = 0; account < 6; account++) {
                Posts post = post(id++)
                        .by("h" + (burst + account) % 10)
                        .at(minutes(burst * 40 + account))
                        .text("the water in springfield is poisoned by the plant share before they delete this "
                                + "#poisonedwater https://hoax.example/" + burst)
                        .url("https://hoax.example/" + burst)
                        .hashtag("poisonedwater");
                for (int tag = 0; burst == 0 && tag < CampaignParts.CHUNK; tag++) {
                    post.hashtag("springfield" + tag); // the first burst fills a chunk of content at once
                }
                stream.add(post.analysed());
            }
        }
        return stream;
    }

    /** Three campaigns that meet late (a merge), an unrelated link, all within two hours. */
    public static List<AnalysedSignal> meeting() {
        List<AnalysedSignal> stream = new ArrayList<>();
        int id = 0;
        for (int i = 0; i < 10; i++) {
            stream.add(post(id++)
                    .by("a" + i)
                    .at(minutes(10 + i))
                    .text("the dam will break tonight they know it")
                    .url("https://a.example/dam")
                    .analysed());
            stream.add(post(id++)
                    .by("b" + i)
                    .at(minutes(12 + i))
                    .text("evacuate now the officials are hiding it")
                    .url("https://b.example/evacuate")
                    .analysed());
            stream.add(post(id++)
                    .by("u" + i)
                    .at(minutes(15 + i))
                    .text("lovely sunset")
                    .url("https://u.example/sunset")
                    .analysed());
        }
        for (int i = 0; i < 12; i++) {
            String account = i % 2 == 0 ? "a" + i / 2 : "b" + i / 2;
            stream.add(post(id++)
                    .by(account)
                    .at(minutes(40 + i))
                    .text("share #dambreak")
                    .hashtag("dambreak")
                    .url("https://a.example/dam")
                    .url("https://b.example/evacuate")
                    .analysed());
        }
        return stream;
    }
}
