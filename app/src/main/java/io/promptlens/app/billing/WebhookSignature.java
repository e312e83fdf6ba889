package io.promptlens.app.billing;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The Standard Webhooks signature Polar sends: {@code webhook-signature} holds one or more
 * space-separated {@code v1,<base64 HMAC-SHA256>} over {@code webhook-id + "." + webhook-timestamp
 * + "." + body}; the timestamp (Unix seconds) must be within 5 minutes of now. The key is read two
 * ways, because they differ: Polar's own SDKs use the UTF-8 bytes of the whole secret as shown in
 * its dashboard, while the Standard Webhooks specification strips {@code whsec_} and base64-decodes
 * the rest. A signature matching either key is accepted; comparison is constant-time.
 */
final class WebhookSignature {

  static final Duration TOLERANCE = Duration.ofMinutes(5);
  private static final String ALGORITHM = "HmacSHA256";

  private final List<byte[]> keys = new ArrayList<>();

  WebhookSignature(String secret) {
    keys.add(secret.getBytes(StandardCharsets.UTF_8));
    if (secret.startsWith("whsec_")) {
      try {
        keys.add(Base64.getDecoder().decode(secret.substring("whsec_".length())));
      } catch (IllegalArgumentException notBase64) {
        // only the raw form applies
      }
    }
  }

  /**
   * @return null when the request is authentic and fresh, else why not (for the log, never for the
   *     caller)
   */
  @Nullable String refusal(
      @Nullable String id,
      @Nullable String timestamp,
      @Nullable String signatures,
      byte[] body,
      Instant now) {
    if (id == null || timestamp == null || signatures == null || id.isBlank()) {
      return "missing webhook-id, webhook-timestamp or webhook-signature";
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return "webhook-timestamp is not a number";
    }
    if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
      return "webhook-timestamp is more than 5 minutes from now";
    }
    byte[] signed = signedContent(id, timestamp.strip(), body);
    for (byte[] key : keys) {
      byte[] expected = hmac(key, signed);
      for (String candidate : signatures.strip().split(" +")) {
        int comma = candidate.indexOf(',');
        if (comma < 0 || !"v1".equals(candidate.substring(0, comma))) {
          continue;
        }
        byte[] given;
        try {
          given = Base64.getDecoder().decode(candidate.substring(comma + 1));
        } catch (IllegalArgumentException e) {
          continue;
        }
        if (MessageDigest.isEqual(expected, given)) {
          return null;
        }
      }
    }
    return "no signature matches";
  }

  static byte[] signedContent(String id, String timestamp, byte[] body) {
    byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
    byte[] content = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, content, 0, prefix.length);
    System.arraycopy(body, 0, content, prefix.length, body.length);
    return content;
  }

  static byte[] hmac(byte[] key, byte[] content) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac.doFinal(content);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is in every JVM", e);
    }
  }
}
