package org.varsel.pipeline.campaign;

import static org.varsel.pipeline.correlate.Posts.minutes;
import static org.varsel.pipeline.correlate.Posts.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.correlate.FindingUpdate;

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
