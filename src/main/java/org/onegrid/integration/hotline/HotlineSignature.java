package org.onegrid.integration.hotline;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.onegrid.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The signature of a message between the hotline platform and us: hex HMAC-SHA256, under the shared secret, of
 * {@code timestamp + "." + body}, where the timestamp is Unix seconds. A message is accepted only within a window
 * around our clock (a replayed old message is refused), and the comparison takes the same time whatever it finds.
 */
final class HotlineSignature {

    static final String TIMESTAMP = "X-Hotline-Timestamp";
    static final String SIGNATURE = "X-Hotline-Signature";

    private HotlineSignature() {}

    /** The hex signature of {@code body} at {@code timestamp}. */
    static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /**
     * Checks a message's signature.
     *
     * @throws ErrorResponseException 503 without a configured secret; 401 for a missing, stale or wrong signature
     */
    static void verify(String secret, String timestamp, String signature, byte[] body, Instant now, Duration window) {
        if (secret == null) {
            throw Problems.of(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "hotline-not-configured",
                    "The 12345 hotline bridge has no shared secret (onegrid.hotline.secret); every push is refused");
        }
        if (timestamp == null || timestamp.isBlank() || signature == null || signature.isBlank()) {
            throw unsigned("signature-missing", "A push needs the headers " + TIMESTAMP + " and " + SIGNATURE);
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw unsigned("signature-invalid", TIMESTAMP + " must be Unix seconds, not " + abbreviate(timestamp));
        }
        long skew = Math.abs(now.getEpochSecond() - seconds);
        if (skew > window.toSeconds()) {
            throw unsigned(
                    "signature-stale",
                    "The push is signed at " + Instant.ofEpochSecond(seconds) + ", " + skew
                            + " s away from our clock; at most " + window.toSeconds() + " s are accepted");
        }
        byte[] expected = sign(secret, seconds, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw unsigned("signature-invalid", "The signature does not match the body and timestamp");
        }
    }

    private static ErrorResponseException unsigned(String type, String detail) {
        return Problems.of(HttpStatus.UNAUTHORIZED, type, detail, Map.of("header", SIGNATURE));
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
