package org.varsel.pipeline.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.varsel.pipeline.nlp.TextNormaliser;

class HarmFeaturesTest {

    private final HarmFeatures features = new HarmFeatures();
    private final HarmFeatures targeted = new TargetedHarmFeatures();

    private Collection<String> of(String text) {
        return features.extractFeatures(TextNormaliser.tokens(text), Map.of());
    }

    private Collection<String> targetedOf(String text) {
        return targeted.extractFeatures(TextNormaliser.tokens(text), Map.of());
    }

    @Test
    void foldsLeetAndLookAlikeLettersBackToTheWord() {
        assertThat(of("k1ll them")).contains("w=kill", "l=violence", "l=violence~they");
    }

    @Test
    void seesThroughSwappedDroppedAndRunTogetherLetters() {
        assertThat(of("I will klil every one of the Jwes")).contains("w=kill", "w=jews", "l=violence~group");
        assertThat(of("I willkillevery one of the refugees")).contains("b=will kill", "w=every", "l=violence~group");
        assertThat(of("Jeg vil drbe alle de muslimer")).contains("w=dræbe", "l=violence~group");
    }

    @Test
    void leavesPlainWordsAsTheyAre() {
        String[] tokens = TextNormaliser.tokens("the neighbours are quiet migrants");
        assertThat(features.extractFeatures(tokens, Map.of())).contains("w=neighbours", "w=migrants");
    }

    @Test
    void joinsLettersSpacedOutToDodgeFilters() {
        assertThat(of("k i l l all the migrants")).contains("w=kill", "l=violence~group");
    }

    @Test
    void marksAViolentWordNearAGroupAndACallWithATimeOrPlace() {
        assertThat(of("Grab your machetes tonight and meet at the mosque"))
                .contains("l=weapon", "l=time", "l=place", "l=call~weapon", "l=harm+when");
        assertThat(of("Kill all the migrants at the asylum centre on Saturday"))
                .contains("l=violence~group", "l=harm+when+group");
    }

    @Test
    void matchesDanishInflectionsByPrefix() {
        assertThat(of("de er kakerlakkerne")).contains("l=dehumanise~they");
        assertThat(of("De er en sygdom")).contains("l=dehumanise", "l=they");
    }

    @Test
    void doesNotPairWordsFarApart() {
        assertThat(
                        of(
                                "kill the lights, it is late and after a long long day at work the neighbours are quiet migrants"))
                .doesNotContain("l=violence~group");
    }

    @Test
    void givesCharacterFourGramsOfLongerWordsOnly() {
        assertThat(of("cockroches")).contains("c=^coc", "c=cock", "c=hes$");
        assertThat(of("they")).noneMatch(f -> f.startsWith("c="));
    }

    @Test
    void tellsAViolentWordAimedAtAPersonFromOneAimedAtAThing() {
        assertThat(targetedOf("I will kill you"))
                .contains(
                        TargetFeatures.VIOLENCE_PERSON,
                        TargetFeatures.INTENT_VIOLENCE,
                        TargetFeatures.INTENT_VIOLENCE_AIMED)
                .doesNotContain(TargetFeatures.VIOLENCE_THING);
        assertThat(targetedOf("Jeg vil dræbe dig"))
                .contains(TargetFeatures.VIOLENCE_PERSON, TargetFeatures.INTENT_VIOLENCE_AIMED);
        assertThat(targetedOf("someone should shoot that bitch")).contains(TargetFeatures.VIOLENCE_PERSON);
        assertThat(targetedOf("I'm going to kill this printer."))
                .contains(TargetFeatures.VIOLENCE_THING, TargetFeatures.INTENT_VIOLENCE)
                .doesNotContain(TargetFeatures.VIOLENCE_PERSON, TargetFeatures.INTENT_VIOLENCE_AIMED);
        assertThat(targetedOf("Kill the engine before you refuel."))
                .contains(TargetFeatures.VIOLENCE_THING)
                .doesNotContain(TargetFeatures.VIOLENCE_PERSON);
    }

    @Test
    void tellsAViolentWordAimedAtAGroup() {
        assertThat(targetedOf("we should shoot them all"))
                .contains(TargetFeatures.VIOLENCE_GROUP, TargetFeatures.INTENT_VIOLENCE_AIMED);
        assertThat(targetedOf("kill all the migrants")).contains(TargetFeatures.VIOLENCE_GROUP);
    }

    @Test
    void marksAViolentWordAimedAtNothingAsInASaying() {
        assertThat(targetedOf("Before you die, live!"))
                .contains(TargetFeatures.VIOLENCE_NO_OBJECT)
                .doesNotContain(TargetFeatures.VIOLENCE_PERSON, TargetFeatures.INTENT_VIOLENCE);
    }

    @Test
    void marksAPlanWithAPersonAndNoViolenceAsAPlan() {
        assertThat(targetedOf("Going to see the mayor at the book fair on Saturday."))
                .contains(TargetFeatures.PLAN, TargetFeatures.PLAN_PERSON)
                .noneMatch(f -> f.startsWith("t=violence"));
        assertThat(targetedOf("I will kill him on Saturday"))
                .doesNotContain(TargetFeatures.PLAN, TargetFeatures.PLAN_PERSON);
    }

    @Test
    void addsTargetFeaturesOnlyInTheTargetedVersionAndChangesNoOtherFeature() {
        for (String text : new String[] {
            "I will kill you at the mosque tonight",
            "Jeg vil dræbe dig",
            "k i l l all the migrants",
            "Going to see the mayor at the book fair on Saturday.",
            "I'm going to kill this printer."
        }) {
            assertThat(of(text))
                    .noneMatch(f ->
                            f.startsWith("t=") || f.equals("l=person") || f.equals("l=thing") || f.equals("l=intent"));
            assertThat(targetedOf(text))
                    .filteredOn(f -> !f.startsWith("t=")
                            && !f.equals("l=person")
                            && !f.equals("l=thing")
                            && !f.equals("l=intent"))
                    .containsExactlyElementsOf(of(text));
        }
        assertThat(features.version()).isEqualTo(HarmFeatures.VERSION);
        assertThat(targeted.version()).isEqualTo(HarmFeatures.TARGETED_VERSION);
    }

    @Test
    void tellsViolenceReportedFromViolenceCalledFor() {
        HarmFeatures reported = new ReportedHarmFeatures();
        assertThat(reported.extractFeatures(
                        TextNormaliser.tokens("Two men were shot outside the mosque last night, police said"),
                        Map.of()))
                .contains(
                        ReportedViolenceFeatures.PAST,
                        ReportedViolenceFeatures.PASSIVE,
                        ReportedViolenceFeatures.NEWS_PAST,
                        ReportedViolenceFeatures.PAST_DATE,
                        ReportedViolenceFeatures.PAST_PLACE,
                        ReportedViolenceFeatures.REPORTED);
        assertThat(reported.extractFeatures(
                        TextNormaliser.tokens("En mand blev dræbt i går, oplyser politiet"), Map.of()))
                .contains(
                        ReportedViolenceFeatures.PASSIVE,
                        ReportedViolenceFeatures.NEWS_PAST,
                        ReportedViolenceFeatures.REPORTED);
        assertThat(reported.extractFeatures(TextNormaliser.tokens("a man stabbed his neighbour"), Map.of()))
                .contains(ReportedViolenceFeatures.THIRD_PAST, ReportedViolenceFeatures.REPORTED);
        assertThat(reported.extractFeatures(
                        TextNormaliser.tokens("Kill all the migrants at the mosque tonight"), Map.of()))
                .noneMatch(f -> f.startsWith("r="));
        assertThat(reported.extractFeatures(
                        TextNormaliser.tokens("they were shot, now go and shoot the rest of them"), Map.of()))
                .contains(ReportedViolenceFeatures.PASSIVE)
                .doesNotContain(ReportedViolenceFeatures.REPORTED);
    }

    @Test
    void readsTheWordNetHarmWordsAsViolenceOnlyInTheirVersion() {
        HarmFeatures wordNet = new WordNetHarmFeatures();
        String text = "we should bludgeon the migrants";
        assertThat(of(text)).doesNotContain("l=violence~group");
        assertThat(wordNet.extractFeatures(TextNormaliser.tokens(text), Map.of()))
                .contains("l=violence", "l=violence~group");
        assertThat(HarmFeatures.ofVersion(HarmFeatures.WORDNET_VERSION).version())
                .isEqualTo(HarmFeatures.WORDNET_VERSION);
    }

    /** A feature of harm-features-5 alone: {@code r=} or the class of a word of the reported lexicon. */
    private static boolean isReportedFeature(String feature) {
        return feature.startsWith("r=")
                || Set.of("l=reported", "l=auxiliary", "l=news", "l=third", "l=date", "l=unreal")
                        .contains(feature);
    }

    @Test
    void addsOnlyReportedFeaturesInTheReportedVersion() {
        HarmFeatures reported = new ReportedHarmFeatures();
        for (String text : new String[] {
            "Two men were shot outside the mosque last night, police said",
            "En mand blev dræbt i går",
            "I will kill you at the mosque tonight"
        }) {
            assertThat(reported.extractFeatures(TextNormaliser.tokens(text), Map.of()))
                    .filteredOn(f -> !isReportedFeature(f))
                    .containsExactlyElementsOf(of(text));
        }
    }

    @Test
    void readsAReportOnlyWhereTheViolenceIsAimedAtNoGroupAndNoOneIntended() {
        HarmFeatures aimedReport = HarmFeatures.ofVersion(HarmFeatures.AIMED_REPORT_VERSION);
        String news = "Two men were shot outside the mosque last night, police said";
        assertThat(aimedReport.extractFeatures(TextNormaliser.tokens(news), Map.of()))
                .contains(ReportedViolenceFeatures.PASSIVE, ReportedViolenceFeatures.REPORTED);
        for (String aimed : new String[] {
            "they were shot last week, now kill all the migrants", "the muslims were attacked, and i will kill you next"
        }) {
            assertThat(new ReportedHarmFeatures().extractFeatures(TextNormaliser.tokens(aimed), Map.of()))
                    .contains(ReportedViolenceFeatures.PASSIVE);
            assertThat(aimedReport.extractFeatures(TextNormaliser.tokens(aimed), Map.of()))
                    .containsAnyOf(TargetFeatures.VIOLENCE_GROUP, TargetFeatures.INTENT_VIOLENCE_AIMED)
                    .noneMatch(f -> f.startsWith("r="));
        }
    }

    @Test
    void addsOnlyReportedFeaturesToTheTargetedOnesInTheAimedReportVersion() {
        HarmFeatures aimedReport = HarmFeatures.ofVersion(HarmFeatures.AIMED_REPORT_VERSION);
        for (String text : new String[] {
            "I will kill you at the mosque tonight",
            "Two men were shot outside the mosque last night, police said",
            "Going to see the mayor at the book fair on Saturday."
        }) {
            assertThat(aimedReport.extractFeatures(TextNormaliser.tokens(text), Map.of()))
                    .filteredOn(f -> !isReportedFeature(f))
                    .containsExactlyElementsOf(targetedOf(text));
        }
        assertThat(aimedReport.version()).isEqualTo(HarmFeatures.AIMED_REPORT_VERSION);
    }

    @Test
    void decidesByTheAimWithoutTargetFeaturesInTheUnaimedReportVersion() {
        HarmFeatures unaimedReport = HarmFeatures.ofVersion(HarmFeatures.UNAIMED_REPORT_VERSION);
        String news = "Two men were shot outside the mosque last night, police said";
        assertThat(unaimedReport.extractFeatures(TextNormaliser.tokens(news), Map.of()))
                .containsExactlyElementsOf(
                        new ReportedHarmFeatures().extractFeatures(TextNormaliser.tokens(news), Map.of()));
        assertThat(unaimedReport.extractFeatures(
                        TextNormaliser.tokens("they were shot last week, now kill all the migrants"), Map.of()))
                .noneMatch(f -> f.startsWith("r=") || f.startsWith("t="));
        assertThat(unaimedReport.version()).isEqualTo(HarmFeatures.UNAIMED_REPORT_VERSION);
    }
}
