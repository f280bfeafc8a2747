package org.varsel.desk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CSV intake record by record: one bad record is refused with its line number, the good ones around it are kept. */
class CsvSignalsTest {
    private static final String HEADER = "external_id,observed_at,text\n";
    private static final String NOW = "2026-11-01T10:00:00Z";

    @Test
    void aByteOrderMarkAsSpreadsheetsWriteItIsAccepted() throws IOException {
        List<String> lines = read(bytes("\uFEFF" + HEADER + "a," + NOW + ",hello\n"));
        assertThat(lines).containsExactly("2 ok");
    }

    @Test
    void shortAndLongRowsAreRefusedWithTheirLineNumbersAndTheGoodOnesKept() throws IOException {
        List<String> lines = read(
                bytes(HEADER + "a," + NOW + ",one\nb," + NOW + "\nc," + NOW + ",three,extra\nd," + NOW + ",four\n"));
        assertThat(lines)
                .containsExactly(
                        "2 ok",
                        "3 CSV record on line 3 has 2 cells; the header names 3 columns",
                        "4 CSV record on line 4 has 4 cells; the header names 3 columns",
                        "5 ok");
    }

    @Test
    void aRecordWithABadByteIsRefusedAndTheLinesAfterItAreKept() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(bytes(HEADER + "a," + NOW + ",good\nb," + NOW + ",bad "));
        body.write(0xC3); // a lead byte without its continuation
        body.writeBytes(bytes(" byte\nc," + NOW + ",good again\n"));
        assertThat(read(body.toByteArray()))
                .containsExactly("2 ok", "3 CSV record on line 3 is not valid UTF-8", "4 ok");
    }

    @Test
    void aSemicolonSeparatedSheetAsDanishSpreadsheetsExportItIsReadByItsHeader() throws IOException {
        CsvSignals signals =
                CsvSignals.open(new ByteArrayInputStream(bytes("\uFEFFexternal_id;observed_at;text;target_groups\r\n"
                        + "a;" + NOW + ";\"migrants, go home\";\"migrants;muslims\"\r\n")));
        String signal = new String(signals.next().orElseThrow().body(), StandardCharsets.UTF_8);
        assertThat(signal)
                .contains("\"text\":\"migrants, go home\"")
                .contains("\"target_groups\":[\"migrants\",\"muslims\"]");
        assertThat(signals.next()).isEmpty();
    }

    @Test
    void aCommaSeparatedSheetWhoseTextsHoldSemicolonsStaysCommaSeparated() throws IOException {
        assertThat(read(bytes(HEADER + "a," + NOW + ",\"one; two; three\"\n"))).containsExactly("2 ok");
    }

    @Test
    void aHeaderThatCannotBeReadSaysHowToSaveTheSheet() {
        assertThatThrownBy(() ->
                        CsvSignals.open(new ByteArrayInputStream(bytes("external_id\tobserved_at\ta\t" + NOW + "\n"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("save the sheet as CSV (UTF-8) with , or ; between the columns");
    }

    private static List<String> read(byte[] csv) throws IOException {
        CsvSignals signals = CsvSignals.open(new ByteArrayInputStream(csv));
        List<String> lines = new ArrayList<>();
        Optional<SignalLines.Line> line;
        while ((line = signals.next()).isPresent()) {
            lines.add(line.get().number() + " "
                    + (line.get().problem() == null ? "ok" : line.get().problem()));
        }
        return lines;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
