package com.coachstream.notifier.channel;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The webhook signature header value: {@code sha256=<hex HMAC-SHA256 of the exact body bytes>}. */
public final class Signature {

  public static final String HEADER = "X-CoachStream-Signature";
  private static final String ALGORITHM = "HmacSHA256";

  private Signature() { }

  public static String sign(byte[] secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret, ALGORITHM));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }
}
