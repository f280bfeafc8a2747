package org.varsel.desk.intake;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import org.varsel.contract.SignalCodec;

/**
 * JSON Lines (one signal.v1 object per line, UTF-8, {@code \n} or {@code \r\n}), read as bytes so that invalid UTF-8
 * is the codec's to report. A line is never held beyond the codec's size limit; blank lines are skipped.
 */
public final class JsonLines implements SignalLines {
    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
    private long number;

    public JsonLines(InputStream in) {
        this.in = new BufferedInputStream(in, 64 * 1024);
    }

    @Override
    public Optional<Line> next() throws IOException {
        while (true) {
            line.reset();
            long length = 0;
            int b;
            while ((b = read()) != -1 && b != '\n') {
                length++;
                if (length <= SignalCodec.MAX_BYTES) {
                    line.write(b);
                }
            }
            if (b == -1 && length == 0) {
                return Optional.empty();
            }
            number++;
            if (length > SignalCodec.MAX_BYTES) {
                return Optional.of(Line.unreadable(
                        number, "too large: line is " + length + " bytes; the limit is " + SignalCodec.MAX_BYTES));
            }
            byte[] bytes = line.toByteArray();
            int end = bytes.length;
            if (end > 0 && bytes[end - 1] == '\r') {
                end--;
            }
            if (!isBlank(bytes, end)) {
                return Optional.of(Line.of(number, end == bytes.length ? bytes : Arrays.copyOf(bytes, end)));
            }
        }
    }

    private int read() throws IOException {
        try {
            return in.read();
        } catch (CappedInputStream.TooLarge e) {
            throw new UnreadableInput(number + 1, e.getMessage(), true);
        }
    }

    private static boolean isBlank(byte[] bytes, int end) {
        for (int i = 0; i < end; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t') {
                return false;
            }
        }
        return true;
    }
}
