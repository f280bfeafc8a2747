package org.varsel.pipeline.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PendingKeyTest {

    @Test
    void aPendingKeyIsWhatTheFormatterWritesWithAsciiDigits() {
        List<Long> values = new ArrayList<>(List.of(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1));
        for (long power = 1; power > 0 && power <= Long.MAX_VALUE / 10; power *= 10) {
            values.addAll(List.of(power - 1, power, power + 1, -power + 1, -power, -power - 1));
        }
        Random random = new Random(20261207);
        for (int i = 0; i < 10_000; i++) {
            values.add(random.nextLong());
            values.add(random.nextLong() >> random.nextInt(64));
        }
        String[] ids = {"inc-0123456789abcdef0123", "", "inc-ÆØÅ|x"};
        for (int i = 0; i < values.size(); i++) {
            long at = values.get(i);
            long version = values.get(values.size() - 1 - i);
            String id = ids[i % ids.length];
            assertThat(CampaignState.pendingKey(at, id, version))
                    .isEqualTo(String.format(Locale.ROOT, "%019d|%s|%019d", at, id, version));
        }
    }

    @Test
    void aPendingKeyGivesBackItsTime() {
        for (long at : new long[] {0, 1_733_500_000_000L, Long.MAX_VALUE}) {
            assertThat(CampaignState.pendingTime(CampaignState.pendingKey(at, "inc-a", 3)))
                    .isEqualTo(at);
        }
    }
}
