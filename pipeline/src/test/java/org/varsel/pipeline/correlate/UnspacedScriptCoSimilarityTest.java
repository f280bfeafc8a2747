package org.varsel.pipeline.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.pipeline.correlate.CoordinatedAccountsTest.coSimilar;
import static org.varsel.pipeline.correlate.Posts.minutes;
import static org.varsel.pipeline.correlate.Posts.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;

/** Co-similar text in scripts written without spaces between words: Thai and Chinese campaigns are found. */
class UnspacedScriptCoSimilarityTest {

    /** "Ballots in the northern district were counted twice and the media is hiding it; share before they delete it." */
    static final String THAI =
            "บัตรเลือกตั้งในเขตภาคเหนือถูกนับสองครั้ง และสื่อกำลังปิดบังเรื่องนี้ แชร์ก่อนที่พวกเขาจะลบ";

    static final String CHINESE = "北区的选票被计算了两次，媒体正在隐瞒这件事，在他们删除之前赶快转发";

    @Test
    void flagsAThaiCampaignPostedBySixAccountsWithTheirOwnSpacingAndLinks() {
        List<Posts> posts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // Thai puts spaces between phrases, not words; accounts space it differently and add their own link
            String text = (i % 2 == 0 ? THAI : THAI.replace(" ", "")) + " https://t.co/" + i;
            posts.add(post("th-" + i).by("th-acct" + i).at(minutes(5 * i)).text("@someone" + i + " " + text));
        }

        assertCoSimilarCampaignOf(6, posts);
    }

    @Test
    void flagsAChineseCampaignPostedByFiveAccounts() {
        List<Posts> posts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posts.add(post("zh-" + i)
                    .by("zh-acct" + i)
                    .at(minutes(7 * i))
                    .text(CHINESE + (i == 0 ? "！！" : "") + " https://t.co/z" + i));
        }

        assertCoSimilarCampaignOf(5, posts);
    }

    @Test
    void unrelatedThaiPostsAreNotACampaign() {
        String[] texts = {
            "วันนี้อากาศดีมากเราไปเที่ยวทะเลกันเถอะ",
            "ร้านกาแฟใหม่ใกล้บ้านอร่อยมากเลยนะ",
            "ทีมฟุตบอลของเราชนะการแข่งขันเมื่อคืนนี้",
            "ฉันกำลังอ่านหนังสือเล่มใหม่เกี่ยวกับประวัติศาสตร์",
            "รถติดมากในกรุงเทพตอนเช้าวันจันทร์"
        };
        List<Posts> posts = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            posts.add(post("th-n" + i).by("th-n" + i).at(minutes(i)).text(texts[i]));
        }

        assertThat(coSimilar(posts).emitted).isEmpty();
    }

    @Test
    void thaiTextIsSplitIntoDictionaryWordsAndLatinTextAsBefore() {
        assertThat(ShingledText.normalisedWords("ฆ่าพวกมันให้หมด")).containsExactly("ฆ่า", "พวก", "มัน", "ให้", "หมด");
        assertThat(ShingledText.normalisedWords("RT @a: Ballots, counted TWICE! https://x.y/z"))
                .containsExactly("ballots", "counted", "twice");
    }

    private static void assertCoSimilarCampaignOf(int accounts, List<Posts> posts) {
        Map<String, Incident> incidents = coSimilar(posts).latest();

        assertThat(incidents).hasSize(1);
        Incident incident = incidents.values().iterator().next();
        assertThat(incident.kind()).isEqualTo(IncidentKind.CO_SIMILAR_TEXT);
        assertThat(incident.accountCount()).isEqualTo(accounts);
    }
}
