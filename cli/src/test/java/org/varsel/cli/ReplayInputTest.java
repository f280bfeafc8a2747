package org.varsel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varsel.contract.ContractSchemas;
import org.varsel.contract.Json;

class ReplayInputTest {

    @Test
    void readsTheIraLayoutIntoValidSignalsWithQuotedCommasAndNewlines(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("ira.csv");
        Files.writeString(csv, """
        publish_date,author,author_id,account_category,account_type,language,region,post_type,retweet,following,followers,updates,harvested_date,content
        2016-09-01 00:02:00,TEN_GOP,TEN_GOP,RightTroll,Right,English,United States,,0,23005,27461,3410,2016-09-01 00:02:00,Boom! Poll shows #TrumpEnMexico https://t.co/6ihi9OMkE6
        2016-09-01 00:03:00,redlanews,redlanews,RightTroll,Right,Russian,United States,RETWEET,1,8729,9972,1558,2016-09-01 00:03:00,"More emails, she says
        ""illegal"" #HillarysEmails"
        """, StandardCharsets.UTF_8);
        List<ReplayInput.Record> records = new ArrayList<>();
        long n = new ReplayInput(csv, ReplayInput.guess(csv)).read(0, records::add);

        assertThat(n).isEqualTo(2);
        JsonNode first = Json.mapper().readTree(records.get(0).body());
        JsonNode second = Json.mapper().readTree(records.get(1).body());
        assertThat(ContractSchemas.SIGNAL_V1.violations(first)).isEmpty();
        assertThat(ContractSchemas.SIGNAL_V1.violations(second)).isEmpty();
        assertThat(first.get("observed_at").asText()).isEqualTo("2016-09-01T00:02:00Z");
        assertThat(first.get("author").get("handle").asText()).isEqualTo("TEN_GOP");
        assertThat(first.get("language").asText()).isEqualTo("en");
        assertThat(second.get("language").asText()).isEqualTo("ru");
        assertThat(second.get("kind").asText()).isEqualTo("share");
        assertThat(second.get("text").asText()).isEqualTo("More emails, she says\n\"illegal\" #HillarysEmails");
        assertThat(records.get(1).key()).isEqualTo("file:ira.csv/2");
    }

    @Test
    void readsSignalJsonlLineByLineUpToTheLimit(@TempDir Path dir) throws Exception {
        Path jsonl = dir.resolve("signals.jsonl");
        Files.writeString(jsonl, "{\"external_id\":\"a\"}\n\n{\"external_id\":\"b\"}\n{\"external_id\":\"c\"}\n");
        List<ReplayInput.Record> records = new ArrayList<>();
        assertThat(new ReplayInput(jsonl, ReplayInput.guess(jsonl)).read(2, records::add))
                .isEqualTo(2);
        assertThat(records)
                .extracting(ReplayInput.Record::key)
                .containsExactly("file:signals.jsonl/1", "file:signals.jsonl/3");
    }

    @Test
    void aWindowReplaysOnlyItsStretchOfEventTimeAndKeepsTheWholeFilesRowNumbersAsIds(@TempDir Path dir)
            throws Exception {
        Path csv = dir.resolve("ira.csv");
        Files.writeString(csv, """
        publish_date,author,author_id,account_category,account_type,language,region,post_type,retweet,following,followers,updates,harvested_date,content
        2016-09-11 23:59:00,a,a,RightTroll,Right,English,United States,,0,1,1,1,2016-09-11 23:59:00,before
        2016-09-12 00:00:00,b,b,RightTroll,Right,English,United States,,0,1,1,1,2016-09-12 00:00:00,first in
        not a date,c,c,RightTroll,Right,English,United States,,0,1,1,1,,unreadable time: replayed to be dead-lettered
        2016-09-12 23:59:00,d,d,RightTroll,Right,English,United States,,0,1,1,1,2016-09-12 23:59:00,last in
        2016-09-13 00:00:00,e,e,RightTroll,Right,English,United States,,0,1,1,1,2016-09-13 00:00:00,after
        """, StandardCharsets.UTF_8);
        ReplayInput.Window day = new ReplayInput.Window(
                java.time.Instant.parse("2016-09-12T00:00:00Z"), java.time.Instant.parse("2016-09-13T00:00:00Z"));
        List<ReplayInput.Record> records = new ArrayList<>();
        assertThat(new ReplayInput(csv, ReplayInput.Format.IRA_CSV).read(0, day, records::add))
                .isEqualTo(3);
        assertThat(records)
                .extracting(ReplayInput.Record::key)
                .containsExactly("file:ira.csv/2", "file:ira.csv/3", "file:ira.csv/4");

        Path jsonl = dir.resolve("signals.jsonl");
        Files.writeString(
                jsonl,
                "{\"observed_at\":\"2016-09-11T12:00:00Z\"}\n{\"observed_at\":\"2016-09-12T12:00:00Z\"}\nnot json\n");
        List<ReplayInput.Record> lines = new ArrayList<>();
        new ReplayInput(jsonl, ReplayInput.Format.JSONL).read(0, day, lines::add);
        assertThat(lines)
                .extracting(ReplayInput.Record::key)
                .containsExactly("file:signals.jsonl/2", "file:signals.jsonl/3");
        assertThatThrownBy(() -> new ReplayInput.Window(day.until(), day.from()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
