package org.varsel.desk.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void aHashSaysHowItWasMadeAndVerifiesOnlyTheRightPassword() {
        String encoded = PasswordHasher.hash("correct horse".toCharArray());
        assertThat(encoded).startsWith("pbkdf2-sha256$600000$").doesNotContain("correct horse");
        assertThat(PasswordHasher.verify("correct horse".toCharArray(), encoded))
                .isTrue();
        assertThat(PasswordHasher.verify("correct hors".toCharArray(), encoded)).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertThat(PasswordHasher.hash("pw".toCharArray())).isNotEqualTo(PasswordHasher.hash("pw".toCharArray()));
    }

    @Test
    void refusesMalformedOrTooWeakHashes() {
        assertThat(PasswordHasher.verify("pw".toCharArray(), null)).isFalse();
        assertThat(PasswordHasher.verify("pw".toCharArray(), "plain")).isFalse();
        assertThat(PasswordHasher.verify("pw".toCharArray(), "pbkdf2-sha256$1000$AAAA$AAAA"))
                .isFalse();
        assertThat(PasswordHasher.verify("pw".toCharArray(), "pbkdf2-sha256$600000$!!$AAAA"))
                .isFalse();
    }
}
