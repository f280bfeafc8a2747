package org.varsel.pipeline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "twitter.com, x",
        "x.com, x",
        "mobile.twitter.com, x",
        "t.co, x",
        "pbs.twimg.com, x",
        "facebook.com, facebook",
        "m.facebook.com, facebook",
        "www.facebook.com, facebook",
        "fb.watch, facebook",
        "instagram.com, instagram",
        "www.instagram.com, instagram",
        "instagr.am, instagram",
        "youtube.com, youtube",
        "m.youtube.com, youtube",
        "youtu.be, youtube",
        "tiktok.com, tiktok",
        "vm.tiktok.com, tiktok",
        "t.me, telegram",
        "telegram.me, telegram",
        "reddit.com, reddit",
        "old.reddit.com, reddit",
        "redd.it, reddit",
        "vk.com, vk",
        "m.vk.com, vk",
        "gab.com, gab",
        "truthsocial.com, truth_social",
        "rumble.com, rumble",
        "www.bitchute.com, bitchute",
        "odysee.com, odysee",
        "threads.net, threads",
        "www.threads.com, threads",
        "bsky.app, bluesky",
        "mastodon.social, web",
        "example.com, web",
        "dr.dk, web",
        "TWITTER.COM., x",
        "YouTube.Com, youtube"
    })
    void attributesHostToPlatform(String host, String label) {
        assertThat(Platform.ofHost(host).label()).isEqualTo(label);
    }

    @ParameterizedTest
    @CsvSource({
        "notfacebook.com",
        "facebook.com.evil.example",
        "myyoutube.com",
        "t.co.example",
        "xx.com",
        "vk.community"
    })
    void lookalikeHostsAreJustWeb(String host) {
        assertThat(Platform.ofHost(host)).isEqualTo(Platform.WEB);
    }

    @Test
    void blankOrMissingHostsAreWeb() {
        assertThat(Platform.ofHost(null)).isEqualTo(Platform.WEB);
        assertThat(Platform.ofHost("")).isEqualTo(Platform.WEB);
        assertThat(Platform.ofHost("...")).isEqualTo(Platform.WEB);
    }

    @Test
    void everyHostInTheTableAttributesToItsOwnPlatformAndLabelsAreUnique() {
        Set<String> labels = new HashSet<>();
        for (Platform p : Platform.values()) {
            assertThat(labels.add(p.label())).as("label %s unique", p.label()).isTrue();
            for (String host : p.hosts()) {
                assertThat(Platform.ofHost(host)).isEqualTo(p);
                assertThat(Platform.ofHost("sub." + host)).isEqualTo(p);
            }
        }
    }

    @Test
    void attributesCanonicalUrlsByTheirHost() {
        assertThat(Platform.ofUrl("https://t.me/s/channel")).isEqualTo(Platform.TELEGRAM);
        assertThat(Platform.ofUrl("https://www.youtube.com:8443/watch?v=1")).isEqualTo(Platform.YOUTUBE);
        assertThat(Platform.ofUrl("not a url")).isEqualTo(Platform.WEB);
    }
}
