package org.varsel.desk.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiTokensTest {

    @Test
    void tokensArePrefixedUrlSafeAndCarry256RandomBits() {
        String token = ApiTokens.generate();
        assertThat(token).startsWith("vsl_").matches("vsl_[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(token.substring(4))).hasSize(32);
        assertThat(ApiTokens.looksLikeToken(token)).isTrue();
    }

    @Test
    void everyTokenIsNew() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(ApiTokens.generate())).isTrue();
        }
    }

    @Test
    void theStoredFormIsTheSha256InHex() {
        assertThat(ApiTokens.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void stringsThatAreNotTokensAreRecognisedWithoutADatabase() {
        assertThat(ApiTokens.looksLikeToken(null)).isFalse();
        assertThat(ApiTokens.looksLikeToken("Bearer x")).isFalse();
        assertThat(ApiTokens.looksLikeToken("vsl_short")).isFalse();
        assertThat(ApiTokens.looksLikeToken("vsl_" + "a".repeat(300))).isFalse();
    }
}
