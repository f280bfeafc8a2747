package org.varsel.pipeline.extract;

import java.util.List;

/** What a signal text links to and names: canonical URLs, their platforms, hashtags and mentions. */
public record ExtractedEntities(
        List<String> urls, List<String> platforms, List<String> hashtags, List<String> mentions) {

    public static final ExtractedEntities NONE = new ExtractedEntities(List.of(), List.of(), List.of(), List.of());

    public ExtractedEntities {
        urls = List.copyOf(urls);
        platforms = List.copyOf(platforms);
        hashtags = List.copyOf(hashtags);
        mentions = List.copyOf(mentions);
    }
}
