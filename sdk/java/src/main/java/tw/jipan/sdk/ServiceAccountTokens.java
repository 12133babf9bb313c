package tw.jipan.sdk;

import io.grpc.Channel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import tw.jipan.identity.v1.IssueServiceAccountTokenRequest;
import tw.jipan.identity.v1.IssueServiceAccountTokenResponse;
import tw.jipan.identity.v1.TokenServiceGrpc;

/**
 * Access tokens of a service account, as jipan.clients.service_tokens does in
 * Python: a 60-second RFC 7523 assertion signed Ed25519 (JDK 17's own
 * provider; header kid = the key's RFC 7638 JWK thumbprint, a fresh jti each
 * time) exchanged at TokenService.IssueServiceAccountToken, cached and renewed
 * a minute before expiry (one renewal at a time).
 */
public final class ServiceAccountTokens implements Supplier<String> {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private final String account;
  private final String issuer;
  private final List<String> scopes;
  private final PrivateKey key;
  private final String kid;
  private final TokenServiceGrpc.TokenServiceBlockingStub identity;
  private String token;
  private long expiresMs;

  public ServiceAccountTokens(String account, Path keyFile, String issuer, List<String> scopes, Channel identity)
      throws Exception {
    this.account = account;
    this.issuer = issuer;
    this.scopes = scopes;
    String pem = Files.readString(keyFile).replaceAll("-----[A-Z ]+-----|\\s", "");
    byte[] pkcs8 = Base64.getDecoder().decode(pem);
    this.key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    // The JDK derives no public key from a private one: regenerate the pair from the
    // 32-byte seed (the PKCS#8 key's last 32 bytes), which is all Ed25519 draws at random.
    byte[] seed = Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
    generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
      @Override
      public void nextBytes(byte[] bytes) {
        System.arraycopy(seed, 0, bytes, 0, bytes.length);
      }
    });
    KeyPair pair = generator.generateKeyPair();
    byte[] spki = pair.getPublic().getEncoded();
    String x = B64.encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    byte[] thumb = MessageDigest.getInstance("SHA-256")
        .digest(("{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + x + "\"}").getBytes(StandardCharsets.UTF_8));
    this.kid = B64.encodeToString(thumb);
    this.identity = TokenServiceGrpc.newBlockingStub(identity);
  }

  @Override
  public synchronized String get() {
    if (token == null || expiresMs - 60_000 < System.currentTimeMillis()) {
      IssueServiceAccountTokenResponse response = identity
          .withDeadlineAfter(10, java.util.concurrent.TimeUnit.SECONDS)
          .issueServiceAccountToken(IssueServiceAccountTokenRequest.newBuilder()
              .setAssertion(assertion()).addAllScopes(scopes).build());
      token = response.getAccessToken();
      expiresMs = response.getExpireTime().getSeconds() * 1000L;
    }
    return token;
  }

  private String assertion() {
    try {
      long now = System.currentTimeMillis() / 1000;
      byte[] jti = new byte[16];
      new SecureRandom().nextBytes(jti);
      String header = "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":" + json(kid) + "}";
      String claims = "{\"iss\":" + json(account) + ",\"sub\":" + json(account) + ",\"aud\":" + json(issuer)
          + ",\"iat\":" + now + ",\"exp\":" + (now + 60) + ",\"jti\":\"" + HexFormat.of().formatHex(jti) + "\"}";
      String signing = b64(header) + "." + b64(claims);
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(key);
      signature.update(signing.getBytes(StandardCharsets.US_ASCII));
      return signing + "." + B64.encodeToString(signature.sign());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign the assertion", e);
    }
  }

  private static String b64(String text) {
    return B64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A JSON string literal (names and URLs: quotes, backslashes and control characters escaped). */
  private static String json(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
