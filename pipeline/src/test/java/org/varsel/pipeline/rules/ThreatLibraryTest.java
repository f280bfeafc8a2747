package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The repository's rule library on threats and glorification written as people write them, in wordings no rule example
 * or functional-suite template uses: what a hit must be, and what must stay unflagged or read as reported.
 */
class ThreatLibraryTest {

    private static final RuleEngine engine = RepositoryRules.engine();

    private static List<String> meant(String text, String language) {
        return ruleIds(text, language, h -> !h.reportedSpeech() && !"context".equals(h.category()));
    }

    /** The context rules (counter-speech, news, reported speech) that read the text. */
    private static List<String> context(String text, String language) {
        return ruleIds(text, language, h -> "context".equals(h.category()));
    }

    private static List<String> ruleIds(String text, String language, Predicate<RuleHit> which) {
        return engine.match(text, Optional.of(language)).hits().stream()
                .filter(which)
                .map(RuleHit::ruleId)
                .toList();
    }

    private static int severity(String text, String language) {
        return engine.match(text, Optional.of(language)).hits().stream()
                .filter(h -> !h.reportedSpeech())
                .mapToInt(RuleHit::severity)
                .max()
                .orElse(0);
    }

    @Test
    void readsThreatsMadeWithoutAFirstPersonViolentVerbAsOtherAuthorsWriteThem() {
        Map<String, String> readBy = Map.of(
                "keep talking and you're getting a hammer to the skull", "oa-en-harm-as-a-noun",
                "there's a noose waiting for you, pal", "oa-en-harm-as-a-noun",
                "that rat needs a good lynching", "oa-en-killing-needed",
                "so why haven't those traitors been strung up yet", "oa-en-death-asked-why",
                "you touch my stuff again and I'll beat the crap out of you", "oa-en-beating-vowed-at-reader",
                "Drop dead, loser.", "oa-en-death-commanded-at-reader",
                "revert me once more and bad things will happen to you", "oa-en-consequence-at-reader");
        readBy.forEach((text, ruleId) -> assertThat(meant(text, "en")).as(text).contains(ruleId));
    }

    @Test
    void readsTheSameWordsInOrdinaryTalkAsNoThreat() {
        assertNoneHits(
                List.of(
                        "she told me I am going to die alone",
                        "we are all going to die someday, so enjoy the summer",
                        "you'll get a bullet list of the changes by Friday",
                        "why haven't the curtains been hung yet",
                        "I'll kick your ass at chess on Sunday",
                        "I will beat you to the finish line",
                        "the car needs gassing up before the trip",
                        "she looked drop dead gorgeous",
                        "bad things happen to you when you skip sleep"),
                "oa-en-harm-as-a-noun",
                "oa-en-killing-needed",
                "oa-en-death-asked-why",
                "oa-en-beating-vowed-at-reader",
                "oa-en-death-commanded-at-reader",
                "oa-en-consequence-at-reader");
    }

    /**
     * The subject the lexicons lack, at a sentence's start or in capitals: the analysis lower-cases every word, but the
     * {@code _person_} token is stacked on neither (PersonNameFilterTest), so the structure must carry the reading.
     */
    @Test
    void readsACallWhoseSubjectNoLexiconHoldsEvenInCapitalsOrAtTheSentenceStart() {
        Map<String, String> readBy = Map.of(
                "Mortensen should be publicly executed for this", "oa-en-killing-demanded-of-anyone",
                "BRANDT NEEDS TO DIE LIKE A RAT", "oa-en-killing-demanded-of-anyone",
                "those landlords should all kill themselves", "oa-en-killing-demanded-of-anyone",
                "someone needs to shoot him before it is too late", "oa-en-killing-asked-of-someone",
                "Hendricks needs his ass kicked", "oa-en-killing-asked-of-someone",
                "death to the collaborators", "oa-en-death-to-any-target",
                "DEATH TO THE TRAITORS", "oa-en-death-to-any-target",
                "Treason = 1 rope", "oa-en-harm-as-a-formula",
                "rope + tree + traitor", "oa-en-harm-as-a-formula");
        readBy.forEach((text, ruleId) -> assertThat(meant(text, "en")).as(text).contains(ruleId));
    }

    @Test
    void readsFormulasAndModalsOfThingsAsNoCall() {
        assertNoneHits(
                List.of(
                        "the order must be executed before noon",
                        "the filibuster must die",
                        "tie the rope to the tree and hang the swing",
                        "she chanted death to the patriarchy at the march",
                        "the batter needs a good beating",
                        "someone should shoot the wedding photos",
                        "Use a condom. Problem solved.",
                        // two guard posts the first draft flagged (Jigsaw non-toxic, EDOS): a count, a forecast
                        "Hitler was responsible for 40 million deaths to the war",
                        "if war comes the countries with nukes are going to shoot themselves instead of the enemy"),
                "oa-en-killing-demanded-of-anyone",
                "oa-en-killing-asked-of-someone",
                "oa-en-death-to-any-target",
                "oa-en-harm-as-a-formula");
    }

    /**
     * A negation cancels the call only in its own clause: the misses engineer's Jigsaw dev reading (session 24), where
     * the post's own "does not deserve to live" dropped the call before it.
     */
    @Test
    void readsSomeoneAskedToKillThoughANegationStandsInAnotherClause() {
        for (String call : List.of(
                "somebody should shoot that guy, he does not deserve to live",
                "Someone needs to shoot him. Nobody would miss him and he doesn't deserve to breathe",
                "he does not deserve a trial, someone should hang him")) {
            assertThat(meant(call, "en")).as(call).contains("oa-en-killing-asked-of-someone");
        }
        assertNoneHits(
                List.of(
                        "I don't think someone should shoot him",
                        "he does not deserve a good beating",
                        "no one deserves a beating like that"),
                "oa-en-killing-asked-of-someone");
    }

    /**
     * The lead's list of IRA misfires and misses at the 2026-12-06 merge: a list of nouns read as an imperative after a
     * comma's "and", "death to" an ideology, the writer's own things or an insult, and a particle verb of killing that
     * lost its place to the verb alone (a lexicon holding "kill" and "kill off" reads only "kill" where both stand).
     */
    @Test
    void readsTheMergesMisfiresAsNoCallAndAParticleVerbOfKillingAsOne() {
        assertNoneHits(
                List.of(
                        "Demand an immediate end to police harassment, brutality, and murder black people",
                        "Demand an end to harassment, brutality and murder of black people"),
                "dsl-en-imperative-to-kill");
        assertNoneHits(
                List.of(
                        "Long live the Republic; death to the New World Order",
                        "Death to capitalism!",
                        "death to my diet, pass the cake",
                        "Death to the fragile rappers"),
                "oa-en-death-to-any-target");
        for (String call : List.of("Death to America", "Death to the infidels", "Death to traitors")) {
            assertThat(meant(call, "en")).as(call).isNotEmpty();
        }
        for (String call : List.of("Kill off the migrants.", "Finish off the traitors, all of them")) {
            assertThat(meant(call, "en")).as(call).contains("oa-en-killing-phrasal-imperative");
        }
    }

    @Test
    void flagsADanishThreatWhoseParticleVerbIsSplitByItsObject() {
        assertThat(meant("Jeg slår hver eneste af de romaer ihjel", "da")).contains("dsl-da-trussel-i-foerste-person");
        assertThat(meant("Vi stikker de jøder ned", "da")).contains("dsl-da-trussel-i-foerste-person");
    }

    @Test
    void flagsADanishThreatWrittenWithoutDanishLetters() {
        assertThat(meant("i morgen kl 8 ved torvet, tag jeres koeller med, romaerne skal have en laerestreg", "da"))
                .contains("dsl-da-vaebnet-opfordring-tid-sted");
        assertThat(meant("Vi skal saa slaa de jøder ihjel", "da")).isNotEmpty();
    }

    @Test
    void flagsADanishThreatWithAVerbOfKillingFromTheWordnet() {
        assertThat(meant("de perkere burde halshugges", "da")).contains("dsl-da-normativ-trussel");
    }

    @Test
    void readsRetAsRightNotAsTheCourtThatReportsAThreat() {
        assertThat(severity("du har helt ret, muslimerne burde skydes", "da")).isEqualTo(5);
        assertThat(severity("Retten i Holbæk dømte manden for at skrive at muslimerne burde skydes", "da"))
                .isLessThan(5);
    }

    @Test
    void flagsAConditionalThreatWithTheVerbBeforeTheSubjectInDanish() {
        assertThat(meant("Kommer der flere somaliere på min vej, så skyder jeg dem", "da"))
                .contains("dsl-da-betinget-trussel");
    }

    @Test
    void flagsDanishThreatsThatNameNoViolentVerb() {
        assertThat(meant("de sigøjnere skal ikke regne med at se påsken", "da")).contains("dsl-da-lever-ikke-til");
        assertThat(meant("et reb til hver af jøderne, hele bundtet", "da")).contains("dsl-da-vaaben-til-hver");
        assertThat(meant("somalierne kommer allesammen til at ligge i en kiste", "da"))
                .contains("dsl-da-skjult-trussel-mod-gruppe");
        assertThat(meant("ville være synd hvis der skete noget med dine børn, Jonas Berg", "da"))
                .contains("dsl-da-skam-hvis-der-skete-noget");
        assertThat(meant("hvis de somaliere ikke er væk til sommer, klarer vi det selv", "da"))
                .contains("dsl-da-ultimatum-med-selvtaegt");
    }

    @Test
    void flagsADanishWishWrittenAsACounterfactual() {
        assertThat(meant("hvis det var op til mig, blev romaerne skudt", "da")).contains("dsl-da-doedsoenske");
        assertThat(meant("gid polakkerne døde allesammen", "da")).contains("dsl-da-doedsoenske");
        assertThat(severity("At ønske somaliere døden er aldrig i orden", "da")).isLessThan(4);
    }

    @Test
    void readsADanishFarewellAsAGreetingAndAWarningWithAnAddressAsAThreat() {
        assertThat(meant("Pas på dig selv derude, og god tur til Norge", "da")).isEmpty();
        assertThat(meant("pas på dig selv, vi ved hvor du bor", "da")).contains("dsl-da-advarsel-med-trussel");
        assertThat(meant("Karen Holm talte om skat sidste uge", "da")).isEmpty();
    }

    @Test
    void readsDanishThreatsAsDanesWriteThemOnlineButNotTheSameSlangAmongFriends() {
        assertThat(meant("naeste gang jeg ser en af somalierne faar han en paa hovedet", "da"))
                .contains("dsl-da-betinget-foelge");
        assertThat(meant("snakker du saadan igen er du fucking dead", "da")).contains("dsl-da-betinget-foelge");
        assertThat(meant("gi ham en paa kassen fra mig", "da")).contains("dsl-da-giv-maalet-prygl");
        assertThat(meant("send romaerne hjem i ligposer", "da")).contains("dsl-da-hjem-i-ligposer");
        assertThat(meant("skyd ham. han er en landsforraeder", "da")).contains("dsl-da-bydeform-mod-ham-hende");
        assertThat(meant("jeg ved hvor du bor, vent bare", "da")).contains("dsl-da-ved-hvor-du-bor");
        assertThat(meant("stik mig en oel, tak", "da")).isEmpty();
        assertThat(meant("skyd ham en mail, han svarer hurtigt", "da")).isEmpty();
        assertThat(meant("jeg kunne kvæle ham når han snorker", "da")).isEmpty();
        assertThat(meant("soldaterne kom hjem i ligposer fra Afghanistan", "da"))
                .isEmpty();
    }

    @Test
    void flagsFirstPersonAndConditionalThreatsAgainstAGroupInEnglish() {
        assertThat(severity("me and my brothers will hunt down those muslims", "en"))
                .isEqualTo(5);
        assertThat(meant("if those refugees come back to our street we're gonna burn their cars", "en"))
                .contains("dsl-en-conditional-threat-group");
    }

    @Test
    void flagsWishesOfDeathInBothLanguages() {
        assertThat(meant("I hope every single jew dies screaming", "en")).contains("dsl-en-death-wish");
        assertThat(meant("Gid alle de flygtninge drukner i Middelhavet", "da")).contains("dsl-da-doedsoenske");
    }

    @Test
    void flagsGlorificationOfAnAttackByPraiseAndAnAttackWord() {
        assertThat(meant("Tarrant is a saint, someone finish the job", "en")).contains("dsl-en-glorification");
        assertThat(meant("Skytten fra moskeen er en sand helt", "da")).contains("dsl-da-forherligelse");
    }

    @Test
    void flagsThreatsToPoliticiansAndJournalistsNamedByTheirRole() {
        assertThat(meant("every one of those journalists deserves a bullet", "en"))
                .contains("dsl-en-threat-to-public-figure");
        assertThat(meant("Borgmesteren burde hænges for landsforræderi", "da"))
                .contains("dsl-da-trussel-mod-offentlig-person");
    }

    @Test
    void readsANewsReportOfAThreatAsReportedNotAsAThreat() {
        assertThat(meant("Police arrested a man who threatened to shoot muslims at the station", "en"))
                .isEmpty();
        assertThat(meant("Politiet anholdt en mand, der truede med at skyde muslimer på stationen", "da"))
                .isEmpty();
    }

    @Test
    void readsHeadlinesAndAttributedSpeechAsNewsButNotAFirstPersonThreatOrPraiseBesideThem() {
        assertThat(context(
                        "BREAKING: Three Somalis killed in a knife attack near Ribe station, suspect at large", "en"))
                .containsExactly("ctx-en-news-of-violence");
        assertThat(context("Refugee hostel torched in Grenaa overnight, arson suspected", "en"))
                .containsExactly("ctx-en-news-of-violence");
        assertThat(context("Warlord vowed to drive every Roma out of the province, the UN envoy said", "en"))
                .containsExactly("ctx-en-reported-speech");
        assertThat(context("Flygtningecenter i Grenaa stukket i brand i nat, oplyser politiet", "da"))
                .containsExactly("ctx-da-nyhed-om-vold");

        // the author speaking for themself, or praising the deed, is no report (context rules read every language)
        assertThat(List.of(
                        "BREAKING: I'm going to shoot every Somali in Ribe tomorrow",
                        "Police say we won't be stopped. Good, we burn the mosque on Friday",
                        "Whoever torched the refugee hostel in Grenaa is a hero",
                        "Vi stikker flygtningecentret i brand i nat, siger han"))
                .allSatisfy(text -> assertThat(context(text, "en")).isEmpty());
    }

    @Test
    void readsSpeechQuotedFromOthersAsReportedButNotTheAuthorsOwnWords() {
        // a first person inside someone else's quotation is theirs (IRA stream: eight incidents quoted this student)
        for (String quoted : List.of(
                "Alabama law school student: \u2018I\u2019ll kill you n****r \u2014 don\u2019t speak to me wrong\u2019"
                        + " Spread this forever. Employers need to know",
                "Cop who pointed rifle at protester and yelled 'I will f***** kill you' is suspended",
                "killer clown: move ONE muscle and i'll kill you! me:  https://t.co/237BODY6E3",
                "Church Pastor: If You Don\u2019t Stand While National Anthem Is Playing, You Should Be Shot")) {
            // the pipeline reads the text's other hits as quoted when a context rule matches (SignalMatcher)
            assertThat(context(quoted, "en")).as(quoted).contains("ctx-quoted-speech");
        }
        // every word of the threat inside the quotation marks: the hit itself is read as quoted
        assertThat(meant(
                        "Alabama law school student: \u2018I\u2019ll kill you n****r \u2014 don\u2019t speak to me"
                                + " wrong\u2019 Spread this forever",
                        "en"))
                .doesNotContain("dsl-en-direct-threat");

        assertThat(meant("I\u2019ll kill you n****r \u2014 don\u2019t speak to me wrong", "en"))
                .contains("dsl-en-direct-threat");
        assertThat(List.of(
                        "I say to the migrants: 'we will burn you out of your homes'",
                        "@karen_holm: I will kill you",
                        "BREAKING: I'm going to shoot every Somali in Ribe tomorrow"))
                .allSatisfy(text -> assertThat(context(text, "en")).doesNotContain("ctx-quoted-speech"));
    }

    @Test
    void readsAQuotationThatAReportFramesAsReportedButKeepsTheAuthorsOwnThreat() {
        // IRA stream, 2026-12-06 (speech): a quoted threat before "trial reveals", a headline quotation before its
        // link, "saying" and "shouting" before the words spoken, a threat reported without quotation marks
        assertReadBy(
                "ctx-quoted-speech",
                List.of(
                        "'I will f*cking destroy you!' bribery trial reveals the mayor's expletive-filled calls",
                        "\u2018I Mean, I Would Crucify Her\u2019 https://t.co/x1 the senator's idea of fairness",
                        "a true vignette of an officer holding up a child saying \"You must die so that my people may"
                                + " live.\"",
                        "Islamist shouting (Death to America, we will behead you) at an adviser in northern Syria",
                        "Sure, when a lunatic says I'm gonna kill you in the name of his god it has nothing to do with"
                                + " it"));
        // the threat inside the quotation marks: the hit itself is read as quoted
        assertThat(meant(
                        "'I will f*cking destroy you!' bribery trial reveals the mayor's expletive-filled calls", "en"))
                .doesNotContain("dsl-en-direct-threat", "dsl-en-threat-to-addressee", "vow-en-with-words-between");
        assertNotReadBy(
                "ctx-quoted-speech",
                List.of(
                        "'I will destroy you!' I said at the trial, and I meant it",
                        "I'm saying 'I will kill you' and I mean it",
                        "Everyone says the trial is rigged. I'm gonna kill you, judge",
                        "they didn't like us saying \"no more\", so we'll say it louder: we will kill you all",
                        "you hate God, your girls kill their babies chanting \"Hail Satan\" Now we are going to kill"
                                + " you"));
    }

    @Test
    void readsAHashtagGamesMoveAsPlayedButNotAThreatTaggedWithAHashtag() {
        // IRA stream, 2026-12-06 (speech): a game's prompt opens the text, and the player answers in a persona; the
        // pipeline reads the text's other hits as played when the context rule matches (SignalMatcher)
        assertReadBy(
                "ctx-hashtag-game",
                List.of(
                        "#IfIHadABodyDouble I would kill him.  There can be only one.",
                        "#RulesForTheKitchen DON'T TOUCH ANY OF MY KNIVES OR I WILL KILL YOU",
                        "#IfICouldntLie trust me you will die daily with my words"));
        assertNotReadBy(
                "ctx-hashtag-game",
                List.of(
                        "I will kill him #IfIHadABodyDouble",
                        "#StopTheInvasion we will kill every migrant in Aarhus tonight",
                        "#IfOnly they would all die"));
    }

    /** Each English text is read by the context rule. */
    private static void assertReadBy(String contextRule, List<String> texts) {
        for (String text : texts) {
            assertThat(context(text, "en")).as(text).contains(contextRule);
        }
    }

    /** No English text is read by the context rule. */
    private static void assertNotReadBy(String contextRule, List<String> texts) {
        for (String text : texts) {
            assertThat(context(text, "en")).as(text).doesNotContain(contextRule);
        }
    }

    @Test
    void keepsACallThatNamesAThreatOrAsksHowDareYouAndReadsACondemnationOfAQuotedCall() {
        // dev sets, 2026-12-06 (speech): counter-speech entries ("threat to", "how dare", "how can you", "who
        // wrote", "wrote that") lowered the author's own calls and threats
        Map<String, String> keptBy = Map.of(
                "Illegal aliens are an imminent threat to this country. They must be rounded up, interned, and"
                        + " deported NOW",
                "grp-en-round-up-for-harm-demanded",
                "How dare you lie about us! You do not deserve life, you vile wretch",
                "dsl-en-death-wished-on-addressee",
                "whoever wrote that shit about my brother, im going to petrol bomb your house",
                "dsl-en-threat-to-addressee",
                "how can you take pleasure in this? If I ever see you I will make a point to kill you",
                "vow-en-with-words-between");
        keptBy.forEach((text, rule) -> assertThat(meant(text, "en")).as(text).contains(rule));
        // functional suite, counter_quote 500 and counter_condemn 501: condemned, not meant
        assertNoneHits(
                List.of(
                        "He said the migrants should all be gassed, and the crowd rightly booed him off the stage.",
                        "Anyone who hopes the migrants all burn should be ashamed of themselves."),
                "dsl-en-normative-threat",
                "dsl-en-death-wish");
    }

    @Test
    void leavesPraiseWithoutAnAttackAndAttacksWithoutPraiseUnflagged() {
        assertThat(meant("My grandmother is a legend and a saint", "en")).isEmpty();
        assertThat(meant("The gunman who attacked the mosque was sentenced to life today", "en"))
                .isEmpty();
        assertThat(meant("Det var helt fint i går, vi legede hele dagen", "da")).isEmpty();
    }

    @Test
    void flagsAThreatAimedAtANamedPersonButNotAMentionOfThem() {
        assertThat(severity("honestly I'm gonna stab Mette Lund the next time she shows her face", "en"))
                .isEqualTo(4);
        // in shadow until its precision on real streams is measured (docs/rules.md): it matches as a shadow hit only
        MatchResult wish = engine.match("may Peter Skov drop dead before the summit", Optional.of("en"));
        assertThat(wish.shadowHits()).extracting(RuleHit::ruleId).contains("dsl-en-named-person-deserves-death");
        assertThat(wish.hits()).extracting(RuleHit::ruleId).doesNotContain("dsl-en-named-person-deserves-death");
        assertThat(meant("Peter Skov lied again. we're going to hang him", "en"))
                .contains("dsl-en-threat-to-named-person-pronoun");

        assertThat(meant("Had lunch with Mette Lund, she is going to kill it at the conference", "en"))
                .isEmpty();
        assertThat(meant("We are going to beat Peter Skov at the next election", "en"))
                .isEmpty();
    }

    @Test
    void flagsThreatsAndDeathWishesAimedAtTheReaderTheirFamilyOrHome() {
        assertThat(meant("touch my page again and i swear i will stab u", "en")).contains("dsl-en-threat-to-addressee");
        assertThat(meant("I'm gonna set fire to your house while you sleep", "en"))
                .contains("dsl-en-threat-to-addressee");
        assertThat(meant("honestly hope you choke and die", "en")).contains("dsl-en-death-wished-on-addressee");
        assertThat(meant("you do not deserve to live, scum", "en")).contains("dsl-en-death-wished-on-addressee");

        assertThat(meant("no goodies in the fridge, I hope you bought some", "en"))
                .isEmpty();
        assertThat(meant("I will smash you at chess tonight", "en")).isEmpty();
        assertThat(meant("I hope you die laughing at this one", "en")).isEmpty();
        assertThat(meant("I'll cut you a deal on the sofa", "en")).isEmpty();
    }

    @Test
    void flagsCallsForViolenceAgainstPoliticalOpponentsButNotElectionTalk() {
        // in shadow until its precision on real streams is better (docs/rules.md): it matches as a shadow hit only
        for (String call : List.of("the commies all deserve to be shot", "death to all globalists")) {
            MatchResult result = engine.match(call, Optional.of("en"));
            assertThat(result.shadowHits()).extracting(RuleHit::ruleId).contains("dsl-en-violence-on-opponents");
            assertThat(result.hits()).extracting(RuleHit::ruleId).doesNotContain("dsl-en-violence-on-opponents");
        }

        assertThat(meant("we are going to crush the republicans in november", "en"))
                .isEmpty();
        assertThat(meant("liberals should be proud of this win", "en")).isEmpty();
    }

    @Test
    void flagsDanishThreatsThatCountDownShrugAtADeathOrSilenceForever() {
        assertThat(meant("de romaer kan roligt begynde at tælle timerne", "da"))
                .contains("dsl-da-nedtaelling-til-maalet");
        assertThat(meant("jeg ville ikke savne de somaliere, hvis de blev slået ihjel", "da"))
                .contains("dsl-da-ligegyldig-om-maalets-doed");
        assertThat(meant("vi skal nok få de jøder til at tie for evigt", "da")).contains("dsl-da-tavshed-for-altid");

        assertThat(meant("vi tæller timerne til juleferien", "da")).isEmpty();
        assertThat(meant("jeg ville ikke savne Lars Vinther, hvis han gik på pension", "da"))
                .isEmpty();
        assertThat(meant("regeringen vil lukke munden på kritikerne af reformen", "da"))
                .isEmpty();
    }

    @Test
    void flagsADanishThreatToThePersonAddressedEvenWhenTheTextHoldsANegationElsewhere() {
        // until 2026-12-05 the direct threat dropped every text holding "ikke" or "aldrig", wherever it stood
        assertThat(meant("jeg ved ikke hvem du er, men jeg skyder dig", "da")).contains("dsl-da-direkte-trussel");
        assertThat(meant("gid du brænder i helvede", "da")).contains("dsl-da-doedsoenske");
        assertThat(meant("vi kommer efter dig, og så skal du få", "da")).contains("dsl-da-forfoelgelse-med-trussel");

        assertThat(meant("jeg ville aldrig skade dig", "da")).isEmpty();
        assertThat(meant("jeg slår dig i skak i aften", "da")).isEmpty();
        assertThat(meant("jeg finder dig ved indgangen, og så skal du få en kop kaffe", "da"))
                .isEmpty();
    }

    @Test
    void flagsCallsForTheDeathOfPeopleNamedWithoutAGroupWord() {
        // the Gab Hate Corpus's calls for violence name their target by a pronoun, "anyone who", an opponent or a noun
        // of their own; before 2026-12-05 (night) none of these had a hit
        assertThat(meant("Every pedo in that ring ought to be strung up", "en"))
                .contains("dsl-en-death-demanded-for-anyone");
        assertThat(meant("whoever did this should be burned at the stake", "en"))
                .contains("dsl-en-death-demanded-for-anyone");
        assertThat(meant("They lie for a living. They deserve to be hung.", "en"))
                .contains("dsl-en-death-demanded-for-person");
        assertThat(meant("i hope he gets lynched tonight", "en")).contains("dsl-en-death-wished-on-person");
        assertThat(meant("send the traitors to the gallows", "en")).contains("dsl-en-sent-to-execution");

        assertThat(meant("Nobody deserves to be lynched, whatever they did", "en"))
                .isEmpty();
        assertThat(meant("the wedding photos must be shot before sunset", "en")).isEmpty();
        assertThat(meant("they should be hanging out at the lake by now", "en")).isEmpty();
        assertThat(meant("they may die without treatment", "en")).isEmpty();
    }

    @Test
    void flagsDanishCallsReadFromRealCommentsShortImperativesSlogansAndWishedBeatings() {
        assertThat(meant("halshug dem alle sammen", "da")).contains("dsl-da-vold-mod-ham-hende-dem");
        assertThat(meant("kastrer ham for satan", "da")).contains("dsl-da-vold-mod-ham-hende-dem");
        assertThat(meant("frem med guillotinen til de landsforraedere", "da")).contains("dsl-da-frem-med-galgen");
        assertThat(meant("den nar skulle ha et lag prygl", "da")).contains("dsl-da-skal-have-prygl");
        assertThat(meant("Doed over tyskerne!", "da")).contains("dsl-da-doed-over-maalet");

        assertThat(meant("det er lige før jeg finder faklerne frem", "da")).isEmpty();
        assertThat(meant("dyrlægen sagde: kastrer ham, så bliver katten roligere", "da"))
                .isEmpty();
        assertThat(meant("landsholdet skal have tæsk af Sverige i finalen", "da"))
                .doesNotContain("dsl-da-skal-have-prygl");
        assertThat(meant("vi skal ikke henrette dem, vi skal dømme dem", "da"))
                .doesNotContain("dsl-da-vold-mod-ham-hende-dem");
        assertThat(meant("han døde over påsken", "da")).isEmpty();
    }

    @Test
    void flagsDanishReadingsOfTheLargerRealCommentSetInOtherWordings() {
        assertThat(meant("giv hende en på snotten næste gang hun åbner munden", "da"))
                .contains("dsl-da-giv-dem-prygl");
        assertThat(meant("desvaerre ramte bilen ham ikke", "da")).contains("dsl-da-desvaerre-ikke-ramt");
        assertThat(meant("find økserne frem, nordmændene kommer", "da")).contains("dsl-da-frem-med-vaabnene");
        assertThat(meant("en dag banker jeg dig i gulvet", "da")).contains("dsl-da-dig-i-gulvet");

        assertThat(meant("desværre ramte de ham ikke med bolden, så vi tabte", "da"))
                .doesNotContain("dsl-da-desvaerre-ikke-ramt");
        assertThat(meant("giv ham en kop te og et tæppe", "da")).doesNotContain("dsl-da-giv-dem-prygl");
        assertThat(meant("find øksen frem, vi skal hugge brænde til tyskerne i sommerhuset", "da"))
                .doesNotContain("dsl-da-frem-med-vaabnene");
    }

    @Test
    void readsAPassiveAndASaysAsWrittenNotAsTheStemTheyShareWithAnotherForm() {
        // "hænges" stems as "hænge" ("hænge ud"), so the passive was left out of killing_passive; "=hænges" is the
        // passive alone (docs/rules.md, "As written")
        assertThat(meant("han burde hænges i nærmeste lygtepæl", "da")).contains("dsl-da-pronomen-skal-draebes");
        assertThat(meant("de skal bare skydes allesammen", "da")).contains("dsl-da-pronomen-skal-draebes");
        assertThat(meant("nu skal de perkere hænges", "da")).contains("dsl-da-saa-skal-de-bloede");
        assertThat(meant("han skal hænge ud med os i weekenden", "da")).doesNotContain("dsl-da-pronomen-skal-draebes");
        assertThat(meant("han burde hænges ud i pressen for det", "da")).doesNotContain("dsl-da-pronomen-skal-draebes");
        assertThat(meant("de skal hænges op i stuen", "da")).doesNotContain("dsl-da-pronomen-skal-draebes");
        // "-says" excluded "say" too: the writer's own "I say" is no report
        assertThat(meant("I say looters should be shot on sight", "en")).contains("dsl-en-death-demanded-for-anyone");
        assertThat(meant("I say they must be executed, every one of them", "en"))
                .contains("dsl-en-death-demanded-for-person");
        assertThat(meant("He says looters should be shot on sight", "en"))
                .doesNotContain("dsl-en-death-demanded-for-anyone");
    }

    @Test
    void flagsADanishInjuryToABodyPartOfThePersonButNotAnAccidentOrADish() {
        assertThat(meant("jeg knækker nakken på Lars Vinther næste gang", "da")).contains("dsl-da-kropsdel-paa-maalet");
        assertThat(meant("jeg smadrer hans hoved hvis han kommer igen", "da")).contains("dsl-da-kropsdel-paa-maalet");
        assertThat(meant("han brækkede armen på ferien", "da")).doesNotContain("dsl-da-kropsdel-paa-maalet");
        assertThat(meant("jeg skærer hovedet af fisken", "da")).doesNotContain("dsl-da-kropsdel-paa-maalet");
        // "hænges ud" (named and shamed) stems as "hænge": a named person's public shaming is no call to hang him
        assertThat(meant("Karen Holm burde hænges ud i pressen for det svindel", "da"))
                .doesNotContain("dsl-da-navngiven-person-burde-draebes");
    }

    @Test
    void readsAnEverydayHaengeOrSkydeAfterASubjectAndAModalAsNoHarmDoneToTheSubject() {
        // the stem reads "hænge"/"skyde" as the passives "hænges"/"skydes"; after a subject and a modal the active
        // "skyde" is the subject shooting, and the particle idioms are read as written (hang_shoot_idiom)
        assertThat(meant("muslimerne skal hænge ud med os i weekenden", "da"))
                .doesNotContain("dsl-da-normativ-trussel");
        assertThat(meant("polakkerne skal skyde på mål i anden halvleg", "da"))
                .doesNotContain("dsl-da-normativ-trussel");
        assertThat(meant("politikerne skal skyde projektet i gang", "da"))
                .doesNotContain("dsl-da-trussel-mod-offentlig-person");
        assertThat(meant("Jonas Berg burde skyde en hvid pind efter det job", "da"))
                .doesNotContain("dsl-da-navngiven-person-burde-draebes");
        assertThat(meant("muslimerne burde hænges i lygtepælene", "da")).contains("dsl-da-normativ-trussel");
        assertThat(meant("Jonas Berg burde skydes for landsforræderi", "da"))
                .contains("dsl-da-navngiven-person-burde-draebes");
    }

    @Test
    void readsAHangingByItsPlaceAndNeitherHaengeINorAGroupThatNoOneShouldShoot() {
        // "hænge i" is to keep going, "hænges op" to be put up, unless a gallows, a tree or a lamp post follows; a
        // call whose subject is "ingen" is the opposite call
        assertThat(meant("indvandrerne må bare hænge i, det bliver bedre", "da"))
                .doesNotContain("dsl-da-normativ-trussel");
        assertThat(meant("muslimerne skal hænges op i et træ", "da")).contains("dsl-da-normativ-trussel");
        assertThat(meant("jøderne skal hænge i galgen", "da")).contains("dsl-da-normativ-trussel");
        assertThat(meant("ingen skal skyde flygtningene ned, uanset hvad de har gjort", "da"))
                .doesNotContain("dsl-da-partikelverbum-mod-gruppe", "dsl-da-opfordring-til-drab-paa-gruppe");
        assertThat(meant("skyd ham ned, han er en forræder", "da")).contains("dsp-da-partikel-efter-personen");
        assertThat(meant("kør hende ned til stationen, hun skal nå toget", "da"))
                .doesNotContain("dsp-da-partikel-efter-personen");
    }

    @Test
    void readsADanishVowWithWordsBetweenAndAGroupSentToTheGasButNotTheIdiomsOfTheSameVerbs() {
        assertThat(meant("jeg kommer til at følge efter dig en aften og kvæle dig", "da"))
                .contains("dsg-da-loefte-med-ord-imellem");
        assertThat(meant("vi skal nok en dag opsøge Jonas Berg og slå ham ihjel", "da"))
                .contains("dsg-da-loefte-med-ord-imellem");
        assertThat(meant("send dem allesammen i gasovnen, de jøder", "da")).contains("dsg-da-gruppe-i-gaskammeret");
        assertThat(meant("verden var et meget bedre sted uden de muslimer", "da"))
                .contains("dsg-da-verden-bedre-uden-gruppen");
        for (String text : List.of(
                "jeg kommer til at skyde en hurtig genvej hjem til dig",
                "jeg skal nok hænge ud med dig og Karen Holm på fredag",
                "jeg vil aldrig i mit liv slå dig ihjel",
                "min farfar blev sendt i gaskammeret i 1944")) {
            assertThat(meant(text, "da"))
                    .as(text)
                    .doesNotContain("dsg-da-loefte-med-ord-imellem", "dsg-da-gruppe-i-gaskammeret");
        }
        // misfires of older rules on the suite's new contrasts (templates 661, 665): a message "shot" to someone, and
        // someone else's wish condemned
        assertThat(meant("jeg kommer til at skyde dig en besked senere", "da"))
                .doesNotContain("dsl-da-direkte-trussel");
        assertThat(meant("jeg kommer til at skyde Lars Vinther en mail i morgen", "da"))
                .doesNotContain("dsl-da-trussel-mod-navngiven-person");
        assertThat(meant("det er sygt at nogen håber jøderne alle brænder", "da"))
                .doesNotContain("dsl-da-doedsoenske");
    }

    @Test
    void readsDanishMisfiresFromRealCommentsAsWhatTheyAre() {
        // "bekræftet" was split into "be" + "kræftet" by obfuscation repair, and the illness exclusion dropped the
        // threat
        assertThat(meant("det er bekræftet. Jeg vil udslette dig", "da")).contains("dsl-da-direkte-trussel");
        assertThat(meant("over 300 bekræftede drab, og jeg vil udslette dig", "da"))
                .contains("dsl-da-direkte-trussel");
        // a belief others hold, reported: not the writer's call
        assertThat(meant("der er meget få kristne der mener at folk skal dræbes hvis de arbejder om søndagen", "da"))
                .doesNotContain("dsl-da-normativ-trussel");
        assertThat(meant("de mener at ateister skal dræbes", "da")).doesNotContain("dsl-da-normativ-trussel");
        assertThat(meant("jeg mener at muslimerne skal dræbes", "da")).contains("dsl-da-normativ-trussel");
        // a country is no person
        assertThat(meant("landsholdet skal have tæsk af Sverige i finalen", "da"))
                .doesNotContain("dsl-da-navngiven-person-burde-draebes");
    }

    @Test
    void readsKillYourselfAsEncouragementOnlyWhenItIsToldNotWhenItIsForbiddenAskedOrReported() {
        // the guard sets (2026-12-06, precision): 36 of the 100 misfires the rules opened alone were "kill yourself"
        // forbidden, asked about, reported or said of effort; each wording below is ours
        for (String told : List.of(
                "nobody would miss you, just kill yourself already",
                "go fucking kill yourself, your coin is a scam",
                "if you think this city is rough please kill yourself and see a real one",
                "why don't you just kill yourself")) {
            assertThat(meant(told, "en")).as(told).contains("cs-en-self-harm-encouragement");
        }
        assertNoneHits(
                List.of(
                        "please do not kill yourself, we need you here",
                        "no dont kill yourself you are way too funny",
                        "don't kill yourself over a job that would replace you in a week",
                        "those trolls love shouting kill yourself at strangers",
                        "kids on the bus kept screaming kill yourself at me",
                        "do you want to kill yourself or what, that bike is too fast",
                        "people hate it when you say you want to kill yourself",
                        "if you kill yourself you'll never know how the season ends",
                        "you will kill yourself trying to catch those passes"),
                "cs-en-self-harm-encouragement");
    }

    @Test
    void readsCallsToKillAGroupButNotTheirDenialTheirStopOrTheKillingOfThem() {
        assertThat(meant("kill all the gays, every last one", "en")).contains("dsl-en-call-to-kill-group");
        assertThat(meant("shoot all the migrants at the border", "en")).contains("dsl-en-call-to-kill-group");

        assertNoneHits(
                List.of(
                        "STOP KILLING ALL THE GAY CHARACTERS, HBO!!",
                        "no, the king did not kill all those jews, his advisers did",
                        "the brutal killing of the women and children must end"),
                "dsl-en-call-to-kill-group",
                "inc-en-call-to-kill-group");
    }

    @Test
    void readsAGroupDehumanisedInOneSentenceAndNotAGroupWordAndANounAcrossASentenceEnd() {
        // the IRA stream's four unwanted dsl-en-group-dehumanised incidents were read across a sentence end
        assertNoneHits(
                List.of(
                        "IT WAS ANOTHER ATTACK ON GAYS: Trash Can Bombers Targeted NYC District",
                        "Black Lives Matter but not White women? Savage as all Hell.",
                        "you sure supported this little girl.  You are pure scum."),
                "dsl-en-group-dehumanised");

        assertThat(meant("I warned you all. Migrants are vermin.", "en")).contains("dsl-en-group-dehumanised");
        assertThat(meant("Another night of sirens. Muslims are filth, every one of them.", "en"))
                .contains("dsl-en-group-dehumanised");
        // a question that is only the group names the topic its answer describes
        assertThat(meant("Migrants? Savages, every last one of them.", "en")).contains("dsl-en-group-dehumanised");
    }

    @Test
    void readsTrashSaidOfTheyAsAVerdictNotAsDehumanisation() {
        assertThat(meant("they are vermin, every one of them", "en")).contains("dsl-en-they-are-dehumanised");
        assertThat(meant("The migrants are trash that needs to be taken out", "en"))
                .contains("dsl-en-group-dehumanised");

        assertNoneHits(
                List.of(
                        "don't buy those boots, they're overpriced trash",
                        "the lakers again? they are trash this season",
                        "they're waving trash bags over their heads at the parade"),
                "dsl-en-they-are-dehumanised");
    }

    @Test
    void readsKindnessAWorkoutOrAFeelingThatKillsYouAsNoThreat() {
        assertThat(meant("I will kill you and your whole family", "en")).contains("dsl-en-direct-threat");
        assertThat(meant("i'm going to destroy you tonight, watch your back", "en"))
                .contains("dsl-en-threat-to-addressee");

        assertNoneHits(
                List.of(
                        "I will kill you with kindness, just wait",
                        "this leg workout is going to kill you",
                        "the envy in your heart will destroy you from the inside out"),
                "dsl-en-direct-threat",
                "dsl-en-threat-to-addressee");
    }

    @Test
    void readsAnElectionADebateOrAGameAsTheSenseOfItsViolentWords() {
        // IRA stream, 2026-12-06: candidates "slaughtered" in a debate, "a dead man walking" who was reelected
        for (String contest : List.of(
                "Karen Holm is getting slaughtered tonight, worst night of her career #debatenight",
                "The pundits all said Mette Lund was a dead man walking. She was reelected by ten points",
                "Their defence got butchered in the playoffs, you should be shot for betting on them")) {
            assertThat(context(contest, "en")).as(contest).contains("ctx-en-contest");
        }
        assertThat(context("After the debate I will find you and kill you, Karen Holm", "en"))
                .doesNotContain("ctx-en-contest");
        assertThat(meant("After the debate I will find you and kill you, Karen Holm", "en"))
                .isNotEmpty();
    }

    @Test
    void readsAReportedChantOrAKillingInThePastTenseAsNewsNotAsACall() {
        // IRA stream, 2026-12-06: a chant reported in a headline, police who killed an attacker, "said X should hang"
        for (String report : List.of(
                "Fans chanted gas the jews as they left the stadium, the club says it is ashamed",
                "Guards killed the attacker before he reached the prayer room",
                "The deputies were called to check on her. They killed her instead #SayHerName",
                "He spoke at the rally and said the governor should be hanged for treason",
                "Posters calling for the death of all atheists were found at the school gate",
                "Everyone in the village knows he believes in stoning the gays")) {
            assertThat(context(report, "en"))
                    .as(report)
                    .containsAnyOf("ctx-en-reported-speech", "ctx-en-news-of-violence");
        }
        // a call keeps its weight: the author's own voice, or a present-tense imperative with no report around it
        for (String call : List.of(
                "gas the jews, all of them",
                "Kill the traitor and his family",
                "We were chanting it and we meant it: hang them all",
                // an act that names the target, and a modal passive, are no report (Gab's calls, 2026-12-06)
                "Anyone chanting slogans for the caliphate should be shot on sight",
                "every smuggler should be shot and killed, no trial needed")) {
            assertThat(context(call, "en"))
                    .as(call)
                    .doesNotContain("ctx-en-reported-speech", "ctx-en-news-of-violence");
        }
    }

    @Test
    void readsHowOthersTreatAGroupWhereYouMayLiveAndLiquidCashAsNoThreat() {
        // IRA stream, 2026-12-06: a relative clause tells of others' contempt, "live here" is residence, "liquidate"
        // stems onto "liquid"
        assertNoneHits(
                List.of(
                        "Our taxes go to regimes that treat women like animals",
                        "Men who treat their women like vermin are cowards"),
                "dsl-en-group-likened-to-vermin");
        assertThat(meant("those migrants breed like rats", "en")).contains("dsl-en-group-likened-to-vermin");
        assertNoneHits(
                List.of("If you burn our flag you don't deserve to live here"), "dsl-en-death-wished-on-addressee");
        assertThat(meant("you don't deserve to live, you filth", "en")).contains("dsl-en-death-wished-on-addressee");
        assertNoneHits(
                List.of("Black folks gotta stop confusing liquid cash with real wealth"), "dsl-en-normative-threat");
    }

    @Test
    void readsATitleInAFilmOrSongHashtagGameOrASharedVideosTitleAsTheWorksWordsNotAThreat() {
        // IRA stream, 2026-12-06: film titles in a hashtag game ("Drop Dead Fred"), a reggae song's title ("Watch your
        // Back"), the title of a video shared with its button ("I liked a @YouTube video"); the words are ours
        for (String title : List.of(
                "Drop Dead Diva vs the Terminator #AddAMovieRuinAMovie",
                "Kill Bill and Ted's Excellent Adventure #CombineTwoMovies",
                "Shoot the Sheriff, dub version #Reggae #NowPlaying")) {
            assertThat(context(title, "en")).as(title).contains("ctx-title-hashtag");
        }
        for (String share : List.of(
                "I liked a @YouTube video https://t.co/x1 Preacher: Gays Should Be Hanged",
                "Militia leader wants all refugees shot https://t.co/x2 via @YouTube",
                "Minister says the next war will be the last, 'we will wipe them out' https://t.co/x3 via @sharethis")) {
            assertThat(context(share, "en")).as(share).contains("ctx-shared-video-title");
        }
        // a threat in the author's own voice beside a film hashtag, and a call tagged with a place, keep their weight
        assertThat(context("#MovieNight is over. Now I will find you and kill you, Karen Holm", "en"))
                .doesNotContain("ctx-title-hashtag");
        assertThat(context("Drop dead, all of you migrants #Aarhus", "en")).doesNotContain("ctx-title-hashtag");
        assertThat(meant("Drop dead, all of you migrants #Aarhus", "en")).isNotEmpty();
    }

    @Test
    void readsAOneWordTagOfAViolentWordInARowOfTagsAsALabelNotTheAuthorsVerb() {
        // IRA stream (reportmore's replay, session 23): the Attorney General tagged between two others ("#Lynch") read
        // as the verb, "1st Amendment" as the person, under the author's "I can say that"
        assertThat(meant(
                        "Attention media cowards, the #MinnesotaMall stabbing was done by a #Muslim. I can say that,"
                                + " #Obama, #Lynch, #Hillary. 1st Amendment&truth.",
                        "en"))
                .doesNotContain("vow-en-with-words-between");
        assertThat(meant("I can say it loud, #Trump #Lynch #Clinton. Karen Holm agrees", "en"))
                .isEmpty();
        // the same word as the author's verb in running text, and a tag of several words, keep their weight
        assertThat(meant("I can say it loud: I will #lynch Karen Holm", "en")).isNotEmpty();
        assertThat(meant("#KillAllTheMigrants tonight in Aarhus", "en")).isNotEmpty();
    }

    /** Each text is matched, and none of the rules may be among its meant hits. */
    private static void assertNoneHits(List<String> texts, String... ruleIds) {
        for (String text : texts) {
            assertThat(meant(text, "en")).as(text).doesNotContain(ruleIds);
        }
    }

    @Test
    void flagsViolenceAtOneWomanNamedByHerOrANounAndNotOrdinaryTalkAboutHer() {
        // Written for the readings of EDOS's dev threats (2026-12-06, women): one woman as the target, not a group
        assertThat(meant("honestly I hope somebody stabs her tonight", "en"))
                .contains("top-en-violence-called-at-one-woman");
        assertThat(meant("i would punch that whore until she shuts up", "en"))
                .contains("top-en-violence-called-at-one-woman");
        assertThat(meant("can we just shoot her already", "en")).contains("top-en-violence-called-at-one-woman");
        assertThat(meant("that woman needs a bullet in her head", "en"))
                .contains("top-en-punishment-demanded-for-one-woman");
        assertThat(meant("she should just hang herself", "en")).contains("top-en-punishment-demanded-for-one-woman");
        assertThat(meant("it is ok to slap a girl who slaps you", "en"))
                .contains("top-en-violence-at-a-woman-approved");

        // misreadings seen on the EDOS guards while writing the rules
        assertThat(meant("She should be ashamed of herself, said the president", "en"))
                .doesNotContain("top-en-punishment-demanded-for-one-woman");
        assertThat(meant("Or we are done?? Fuck that, get rid of her anyways", "en"))
                .doesNotContain("top-en-violence-called-at-one-woman");
        assertThat(meant("don't let this die, a woman killed her kid and got no trouble", "en"))
                .doesNotContain("top-en-violence-called-at-one-woman");
        assertThat(meant("I would kill for her hair", "en")).isEmpty();
        assertThat(meant("she needs a break and deserves a medal", "en")).isEmpty();
        assertThat(meant("it is never ok to hit a woman", "en")).isEmpty();
    }

    @Test
    void flagsABareImperativeOfViolenceAtOneWomanButNotTheVerbsEverydaySenses() {
        // The second round on EDOS's dev threats (2026-12-06, women): the verb opens the sentence and one woman is its
        // object; the sentence start (`_start_`) tells the imperative from a report with a subject
        for (String call : List.of(
                "She lied to the police again. Slap her.",
                "Just punch that whore in the mouth",
                "Kick the bitch down the stairs!",
                "Strangle her with her own scarf",
                "Go choke that slut")) {
            assertThat(meant(call, "en")).as(call).contains("top-en-imperative-at-one-woman");
        }
        assertNoneHits(
                List.of(
                        "Hit her up tomorrow about the party",
                        "Kick her out of the group chat, she never posts",
                        "Shoot her a text when you land",
                        "He slapped her twice before the police came",
                        "my brother hit her car in the parking lot"),
                "top-en-imperative-at-one-woman");
    }

    @Test
    void readsNonViolentSensesOfViolentVerbsAtOneWomanAsNoCallForViolence() {
        // the IRA stream's misfires of top-en-violence-called-at-one-woman (bench/precision/ira-rule-high-labels-
        // 2026-12-06.tsv) in other words: hanging out, expelling from a group, throwing a bowl, out-doing her
        assertNoneHits(
                List.of(
                        "tonight we are hanging with Jane at her birthday bash",
                        "we need to kick her out of the book club",
                        "I'd shot put her plate across the kitchen",
                        "I hope my daughter beats her at the spelling bee",
                        "I want to hit her up about the concert"),
                "top-en-violence-called-at-one-woman",
                "top-en-imperative-at-one-woman");
        assertThat(meant("we need to kick her in the face", "en")).contains("top-en-violence-called-at-one-woman");
    }

    @Test
    void flagsViolenceAtOneWomanWelcomedOrRegrettedUndoneAndAnIdiomOfBeatingInAVow() {
        for (String welcomed : List.of(
                "Honestly that stupid bitch had it coming",
                "So glad she is finally dead",
                "too bad nobody punched her that night",
                "she deserved every slap she got")) {
            assertThat(meant(welcomed, "en")).as(welcomed).isNotEmpty();
        }
        // a multi-word form beside its own first word: "beat" took the place and "the crap out of" counted as the gap
        assertThat(meant("I swear I will beat the crap out of that girl", "en"))
                .contains("top-en-violence-called-at-one-woman");
        assertNoneHits(
                List.of(
                        "I'm so glad she is not dead",
                        "she had it coming to her, the promotion she worked for",
                        "glad she finally got the job",
                        "shame he didn't call her back"),
                "top-en-violence-at-one-woman-welcomed",
                "top-en-violence-called-at-one-woman");
    }

    @Test
    void flagsAnImperativeInsideASentenceAQuestionOfferingViolenceAndViolencePraisedButNotASharedSubject() {
        // The third round (2026-12-06, women): the clause start (`_clause_`) after a comma, a vocative or "and" behind
        // an imperative; the writer's violence offered in a question; a beating praised or said to be deserved
        for (String call : List.of(
                "Bitch, shut up or I will slap you. Grab her by the hair and slap her.",
                "If you ever see that girl again, punch her",
                "Stop crying, go find the bitch and choke her")) {
            assertThat(meant(call, "en")).as(call).contains("top-en-imperative-at-one-woman");
        }
        assertThat(meant("Traitors, all of them. Round them up and hang them.", "en"))
                .contains("dsl-en-imperative-to-kill");
        assertThat(meant("Keep talking. Want me to slap you?", "en")).contains("top-en-violence-offered-in-a-question");
        assertThat(meant("Slapping a bitch like that is so rewarding", "en"))
                .contains("top-en-violence-at-a-woman-praised");
        assertThat(meant("that woman needs to be slapped into next week", "en"))
                .contains("top-en-punishment-demanded-for-one-woman");
        assertThat(meant("this pissed me off, makes me want to hunt this woman down and punch her", "en"))
                .contains("top-en-violence-called-at-one-woman");
        assertNoneHits(
                List.of(
                        "they walk up to her and slap her on the back",
                        "The militia round them up and hang them, witnesses say",
                        "He comes home drunk and hits her, the neighbours say",
                        "Go to the gym and kill it, you will feel great after",
                        "Pick up the kids, then shoot them a message when you get home",
                        "want me to hit you up when the tickets go on sale?",
                        "Hitting a woman is never justified"),
                "top-en-imperative-at-one-woman",
                "dsl-en-imperative-to-kill",
                "top-en-violence-offered-in-a-question",
                "top-en-violence-at-a-woman-praised");
    }

    @Test
    void flagsHarmWishedDeservedGivenOrAimedAtHerBodyButNotDeniedReportedOrCaredFor() {
        // The edos round (2026-12-06): the forms EDOS's real threats against women take without a first-person
        // violent verb: a wished passive, desert, a blow given as a noun, an injury named by the body part, the grave
        Map<String, String> readings = Map.of(
                "I really hope she gets raped on her way home", "top-en-harm-wished-on-one-person",
                "hope Karen Holm gets hit by a bus tomorrow", "top-en-harm-wished-on-one-person",
                "Honestly, wives like that deserve to be slapped around", "top-en-violence-said-to-be-deserved",
                "a man should give his wife a good hiding now and then", "top-en-blow-given-to-one-woman",
                "one more word and I will break her jaw", "top-en-injury-threatened-at-one-woman",
                "Bust her lip open, she will learn", "top-en-injury-threatened-at-one-woman",
                "someone should put that bitch six feet under", "top-en-grave-threatened-for-one-woman");
        readings.forEach((text, rule) -> assertThat(meant(text, "en")).as(text).contains(rule));
        assertNoneHits(
                List.of(
                        "No woman deserves to be slapped around, whatever she said",
                        "she did not deserve to be beaten up like that",
                        "I hope she gets justice, she was raped at sixteen",
                        "I hope she gets her shot before the winter",
                        "He broke her jaw in 2019 and walked free",
                        "He smashes her face into the wall in the second act",
                        "the dentist had to wire her jaw shut after the surgery",
                        "we put her in the ground next to her mother on Sunday",
                        "give her a slap on the back, she did great",
                        "he used to give her black eyes every week"),
                "top-en-harm-wished-on-one-person",
                "top-en-violence-said-to-be-deserved",
                "top-en-blow-given-to-one-woman",
                "top-en-injury-threatened-at-one-woman",
                "top-en-grave-threatened-for-one-woman");
    }

    /**
     * The vows round (2026-12-06): a first-person vow with words between the parts, a hope or an ability, an adverb,
     * a second verb or a journey before the act; and the same words in food, games, advice and allegations.
     */
    @Test
    void readsAVowWithWordsBetweenTheSubjectAndTheActButNotItsIdioms() {
        List.of(
                        "I'm hoping to get you alone one night and stab you",
                        "i swear i'll drive round your place and kill your whole family",
                        "I could easily track you down and shoot you",
                        "I am going to find Lars Vinther one day and stab him",
                        "I will personally make sure to strangle her")
                .forEach(text -> assertThat(meant(text, "en")).as(text).contains("vow-en-with-words-between"));
        assertNoneHits(
                List.of(
                        "I'd kill to meet Karen Holm one day",
                        "I'm going to make false rape allegations on him",
                        "we are done with her, get rid of her already",
                        "I will be changing your profile shot of Lars tomorrow",
                        "I would never in my life want to shoot you or your family",
                        "I'm going to kill this level tonight and then call you"),
                "vow-en-with-words-between");
    }

    /**
     * The women round (2026-12-06, fourth): harm demanded on a people by nationality, on a group after a relative
     * clause, on opponents by a formula or a death flight, and rape demanded for her or for women; and the same words
     * in news, sport, denial, dentistry, budgets and rescues.
     */
    @Test
    void flagsHarmDemandedOnPeoplesGroupsAfterAClauseAndRapeDemandedButNotNewsSportOrDenial() {
        Map<String, String> readings = Map.of(
                "i want to see the Swedes raped to death", "grp-en-killing-wished-on-group",
                "Kill all the Russians, every one of them", "wmn-en-killing-called-on-a-people",
                "only dead Marxists are good Marxists", "dsl-en-only-good-dead",
                "The women that this law would affect should die anyway", "wmn-en-death-demanded-after-relative-clause",
                "those traitors deserve to have their heads chopped off", "wmn-en-body-injury-deserved",
                "She should get raped, then she would learn", "wmn-en-rape-demanded-for-her-or-women",
                "These women need a good raping", "wmn-en-rape-demanded-for-her-or-women",
                "Time to give the leftists free helicopter rides", "wmn-en-death-flight-for-opponents");
        readings.forEach((text, rule) -> assertThat(meant(text, "en")).as(text).contains(rule));
        assertNoneHits(
                List.of(
                        "Two Swedes were raped and killed in the attack, police said",
                        "Shoot the Germans down in the final, lads, we can win the cup",
                        "the only good news is that no Russians died",
                        "liberals who think the senator should die are sick",
                        "he needs to have his head examined",
                        "the schools deserve to have their funding cut",
                        "No woman should get raped, whatever she wears",
                        "the Democrats should get beaten up in November",
                        "the army had to helicopter the liberal senators to safety after the flood"),
                "grp-en-killing-wished-on-group",
                "wmn-en-killing-called-on-a-people",
                "dsl-en-only-good-dead",
                "wmn-en-death-demanded-after-relative-clause",
                "wmn-en-body-injury-deserved",
                "wmn-en-rape-demanded-for-her-or-women",
                "wmn-en-death-flight-for-opponents");
    }

    /**
     * The groups round (2026-12-06, session 18): extermination named by a euphemism, a place or a population to be
     * cleansed of a group, bloodshed foretold beside a group, a killing of a group called justified, a death counted
     * as a gain beside an attack, and the "only good X" formula in both orders in one rule; and the same words in
     * history, policy, word senses, games, the news and a shelter's good news.
     */
    @Test
    void flagsExterminationEuphemismsCleansingBloodshedForetoldAndApprovedKillingsButNotHistoryPolicyOrWordSenses() {
        Map<String, String> readings = Map.of(
                "The migrants question needs a final solution.", "grp-en-extermination-by-euphemism",
                "Put the refugees on trains and send them to the ovens.", "grp-en-extermination-by-euphemism",
                "We will clean this country of the Muslims, one way or another.", "grp-en-place-cleansed-of-group",
                "It is time to purge the jewish population.", "grp-en-place-cleansed-of-group",
                "If the migrants move in here, there will be blood", "grp-en-bloodshed-foretold-for-group",
                "Killing communists is self defense", "grp-en-killing-of-group-approved",
                "Twenty refugees died in the attack. Twenty fewer to worry about.", "dsl-en-glorified-attacker",
                "The only good Mexican is a dead Mexican", "dsl-en-only-good-dead",
                "only dead Marxists are good Marxists", "dsl-en-only-good-dead");
        readings.forEach((text, rule) -> assertThat(meant(text, "en")).as(text).contains(rule));
        assertNoneHits(
                List.of(
                        "Historians describe how the final solution sent millions of Jews to the camps",
                        "We should deport the illegal immigrants, all of them",
                        "Time to clean the swamp in Washington and vote them all out",
                        "Volunteers among the refugees want to clean the country of litter",
                        "We watched There Will Be Blood with the refugees from the language class",
                        "Police fear there will be blood if the migrants and the marchers meet again",
                        "killing nazis in the new game is so satisfying",
                        "One less refugee family sleeping rough tonight, thanks to the new shelter"),
                "grp-en-extermination-by-euphemism",
                "grp-en-place-cleansed-of-group",
                "grp-en-bloodshed-foretold-for-group",
                "grp-en-killing-of-group-approved",
                "dsl-en-glorified-attacker");
        assertThat(meant("Talk of a final solution for the Jews should end any politician's career.", "en"))
                .doesNotContain("grp-en-extermination-by-euphemism");
    }

    /**
     * The verbs round (2026-12-06): a vow in the bare present or with "ill" for I'll, at once before the person; verbs
     * that are everyday words alone (hurt, slit, cut, knock) right before a person; a death penalty named for a
     * people. The no-match lines are what the IRA stream and the news use the same words for.
     */
    @Test
    void readsBarePresentVowsEverydayVerbsOfHarmAtAPersonAndDeathPenaltiesForAPeople() {
        Map<String, String> readBy = Map.of(
                "Hey asshole! I kill you.", "vow-en-bare-present",
                "get a life before I BURN YOU ALIVE", "vow-en-bare-present",
                "ill stab you the second I see you", "vow-en-bare-present",
                "I'm going to hurt you so bad you won't walk again", "vow-en-harm-verb-at-person",
                "I'd like to cut his head off", "vow-en-harm-verb-at-person",
                "Next time I see him I'll knock his teeth out", "vow-en-harm-verb-at-person",
                "I'm going to slit Amira Haddad's throat", "vow-en-harm-verb-at-person",
                "If you message me again I'm going to kill your fucking family", "vow-en-with-words-between",
                "DEATH PENALTY for ALL traitors", "vow-en-punishment-for-people",
                "a rope for every one of these leftists", "vow-en-punishment-for-people");
        readBy.forEach((text, ruleId) -> assertThat(meant(text, "en")).as(text).contains(ruleId));
        assertNoneHits(
                List.of(
                        "Police tried to run over a mentally ill man before shooting him",
                        "I shot you a text this morning",
                        "im gonna knock you out then fuck your dad #NewPreFightTrashTalk",
                        "I Wish I Could Cut And Paste You Into My Bed",
                        "I'll cut you some slack this time",
                        "I'll cut Karen Holm some slack this time",
                        "I don't want to hurt your feelings",
                        "Parliament voted to abolish the death penalty for all crimes",
                        "He faces the death penalty after the verdict"),
                "vow-en-bare-present",
                "vow-en-harm-verb-at-person",
                "vow-en-punishment-for-people");
    }

    @Test
    void readsAKillingCommandedAtANameInCapitalsVowsToEndTheReaderAndPedosAsATarget() {
        // names in capitals were no person ("KILL KAREN HOLM"), "finish"/"end" no violent verb, "pedos" in no lexicon
        // (all failed before)
        Map<String, String> readBy = Map.of(
                "KILL KAREN HOLM", "person-en-killing-commanded-at-named-person",
                "hang LARS VINTHER from the nearest tree", "person-en-killing-commanded-at-named-person",
                "JIM WALES MUST DIE!!! JIM WALES MUST DIE!!!", "person-en-death-demanded-for-named-person",
                "limited time i know who you are heathen. i will finish you.", "person-en-vow-to-end-the-reader",
                "I will make sure you suffer horribly.", "person-en-vow-to-end-the-reader",
                "DEATH PENALTY for ALL Pedos.", "vow-en-punishment-for-people");
        readBy.forEach((text, ruleId) -> assertThat(meant(text, "en")).as(text).contains(ruleId));
        assertNoneHits(
                List.of(
                        "BEAT DEALS AND DISCOUNTS ON HIGH QUALITY AUDIO",
                        "Kill Bill is still the best Tarantino film",
                        "SHOOT SARAH A TEXT WHEN YOU LAND",
                        "Karen Holm would die for her kids",
                        "I'll finish your essay tonight",
                        "I'm going to end this call now"),
                "person-en-killing-commanded-at-named-person",
                "person-en-death-demanded-for-named-person",
                "person-en-vow-to-end-the-reader");
    }
}
