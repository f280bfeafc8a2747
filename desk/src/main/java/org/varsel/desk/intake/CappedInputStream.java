package org.varsel.desk.intake;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Lets at most {@code cap} bytes through, then fails with {@link TooLarge}: a body is never read whole blindly. */
public final class CappedInputStream extends FilterInputStream {
    private final long cap;
    private long count;

    public CappedInputStream(InputStream in, long cap) {
        super(in);
        this.cap = cap;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws TooLarge {
        count += n;
        if (count > cap) {
            throw new TooLarge(cap);
        }
    }

    /** The body went past the cap. */
    public static final class TooLarge extends IOException {
        private final long cap;

        TooLarge(long cap) {
            super("the body is larger than " + cap + " bytes");
            this.cap = cap;
        }

        public long cap() {
            return cap;
        }
    }
}
