package org.varsel.desk.intake;

import java.io.IOException;
import java.util.Optional;

/** The signals of a bulk body or file, one at a time, each as signal.v1 JSON bytes or a reason it is unreadable. */
public interface SignalLines {

    /** The next signal; empty at the end. Throws {@link UnreadableInput} when nothing after it can be read. */
    Optional<Line> next() throws IOException;

    /**
     * One signal of the input.
     *
     * @param number the line it starts on (1-based)
     * @param body the signal's JSON bytes, or null when {@code problem} says why there are none
     */
    record Line(long number, byte[] body, String problem) {
        static Line of(long number, byte[] body) {
            return new Line(number, body, null);
        }

        static Line unreadable(long number, String problem) {
            return new Line(number, null, problem);
        }
    }

    /** The input cannot be read past this line (broken CSV quoting, invalid UTF-8 in CSV, body too large). */
    final class UnreadableInput extends IOException {
        private final long line;
        private final boolean tooLarge;

        public UnreadableInput(long line, String reason, boolean tooLarge) {
            super(reason);
            this.line = line;
            this.tooLarge = tooLarge;
        }

        public long line() {
            return line;
        }

        public boolean tooLarge() {
            return tooLarge;
        }
    }
}
