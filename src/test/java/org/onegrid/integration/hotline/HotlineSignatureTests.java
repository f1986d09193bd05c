package org.onegrid.integration.hotline;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class HotlineSignatureTests {

    static final Duration WINDOW = Duration.ofMinutes(5);
    final byte[] body = "{\"orderId\":\"SD1\"}".getBytes(StandardCharsets.UTF_8);
    final Instant now = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void aPushSignedWithTheSharedSecretWithinFiveMinutesIsAccepted() {
        long ts = now.minusSeconds(299).getEpochSecond();
        String signature = HotlineSignature.sign("s3cret", ts, body);
        assertThatCode(() -> HotlineSignature.verify("s3cret", "" + ts, signature, body, now, WINDOW))
                .doesNotThrowAnyException();
        assertThatCode(() -> HotlineSignature.verify("s3cret", "" + ts, signature.toUpperCase(), body, now, WINDOW))
                .doesNotThrowAnyException();
    }

    @Test
    void aPushFromTooFarInThePastOrFutureIsStale() {
        long past = now.minusSeconds(301).getEpochSecond();
        long future = now.plusSeconds(301).getEpochSecond();
        assertThatThrownBy(() -> HotlineSignature.verify(
                        "s3cret", "" + past, HotlineSignature.sign("s3cret", past, body), body, now, WINDOW))
                .isInstanceOf(ErrorResponseException.class)
                .hasMessageContaining("signature-stale");
        assertThatThrownBy(() -> HotlineSignature.verify(
                        "s3cret", "" + future, HotlineSignature.sign("s3cret", future, body), body, now, WINDOW))
                .hasMessageContaining("signature-stale");
    }

    @Test
    void withoutASecretEveryPushIsRefused() {
        long ts = now.getEpochSecond();
        assertThatThrownBy(() -> HotlineSignature.verify(null, "" + ts, "00", body, now, WINDOW))
                .isInstanceOf(ErrorResponseException.class)
                .hasMessageContaining("hotline-not-configured");
    }

    @Test
    void aSignatureOfAnotherBodyOrTimestampIsInvalid() {
        long ts = now.getEpochSecond();
        String signature = HotlineSignature.sign("s3cret", ts, body);
        assertThatThrownBy(() -> HotlineSignature.verify(
                        "s3cret",
                        "" + ts,
                        signature,
                        "{\"orderId\":\"SD2\"}".getBytes(StandardCharsets.UTF_8),
                        now,
                        WINDOW))
                .hasMessageContaining("signature-invalid");
        assertThatThrownBy(() -> HotlineSignature.verify("s3cret", "" + (ts - 1), signature, body, now, WINDOW))
                .hasMessageContaining("signature-invalid");
        assertThatThrownBy(() -> HotlineSignature.verify("s3cret", "yesterday", signature, body, now, WINDOW))
                .hasMessageContaining("signature-invalid");
    }
}
