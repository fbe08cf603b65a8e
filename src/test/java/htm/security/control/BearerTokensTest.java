package htm.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import htm.security.control.BearerTokens.Rules;
import htm.security.control.BearerTokens.TokenCaller;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BearerTokensTest {

    static final String ISSUER = "https://idp.test/realms/htm";
    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Rules RULES = new Rules(ISSUER, Set.of("htm"), "upn", "groups", Duration.ofSeconds(60));
    static final KeyPair RSA = generate("RSA", null);
    static final KeyPair EC = generate("EC", "secp256r1");
    static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    final BearerTokens tokens = new BearerTokens(RULES, SigningKeys.of(pem(RSA), "", CLOCK), CLOCK);

    @Test
    void aValidTokenSpeaksForItsUserAndGroups() {
        TokenCaller caller = tokens.verify(rs256(claims("zoe", "[\"htm-apiwrite\",\"reviewers\"]", 3600)));
        assertEquals("zoe", caller.name());
        assertEquals(Set.of("htm-apiwrite", "reviewers"), caller.groups());
        assertEquals(NOW.plusSeconds(3600), caller.expires());
    }

    @Test
    void theUserComesFromTheConfiguredClaimThenTheUsualOnes() {
        String claims = "{\"iss\":\"" + ISSUER
                + "\",\"aud\":[\"other\",\"htm\"],\"preferred_username\":\"yves\",\"sub\":\"1234\",\"exp\":"
                + (NOW.getEpochSecond() + 60) + "}";
        TokenCaller caller = tokens.verify(rs256(claims));
        assertEquals("yves", caller.name());
        assertEquals(Set.of(), caller.groups());
    }

    @Test
    void everyBadTokenIsRefusedWithItsReason() {
        refused("the token has expired", rs256(claims("zoe", "[]", -61)));
        refused(
                "the token is not valid yet (nbf)",
                rs256(claims("zoe", "[]", 3600).replace("}", ",\"nbf\":" + (NOW.getEpochSecond() + 120) + "}")));
        refused(
                "the token was issued by another issuer",
                rs256(claims("zoe", "[]", 3600).replace(ISSUER, "https://evil.test")));
        refused(
                "the token is meant for another audience",
                rs256(claims("zoe", "[]", 3600).replace("\"aud\":\"htm\"", "\"aud\":\"else\"")));
        refused(
                "the signature does not verify with the identity provider's keys",
                rs256(claims("zoe", "[]", 3600)) + "x");
        refused(
                "the signature does not verify with the identity provider's keys",
                sign("RS256", claims("zoe", "[]", 3600), generate("RSA", null).getPrivate(), "SHA256withRSA"));
        refused(
                "the signature algorithm 'none' is not accepted",
                part("{\"alg\":\"none\"}") + "." + part(claims("zoe", "[]", 3600)) + ".");
        refused(
                "the signature algorithm 'HS256' is not accepted",
                part("{\"alg\":\"HS256\"}") + "." + part(claims("zoe", "[]", 3600)) + ".c2ln");
        refused("the token is not a signed JWT (header.claims.signature)", "garbage");
        refused("the token is not a JWT: Invalid unsecured/JWS/JWE header: Invalid JSON object", "!!.e30.e30");
        refused("the token's claims is not a JSON object", rs256("[1]"));
        refused("the token has no expiry (exp)", rs256("{\"iss\":\"" + ISSUER + "\",\"aud\":\"htm\",\"upn\":\"zoe\"}"));
        refused(
                "the claim 'exp' is not a number of seconds",
                rs256("{\"iss\":\"" + ISSUER + "\",\"aud\":\"htm\",\"upn\":\"zoe\",\"exp\":\"soon\"}"));
        refused(
                "the token names no user (upn)",
                rs256("{\"iss\":\"" + ISSUER + "\",\"aud\":\"htm\",\"exp\":" + (NOW.getEpochSecond() + 60) + "}"));
    }

    @Test
    void theClockSkewForgivesAMinute() {
        assertEquals("zoe", tokens.verify(rs256(claims("zoe", "[]", -59))).name());
    }

    @Test
    void ecKeysFromAJwkSetVerifyEs256AndTheKeyIdPicksTheKey() {
        ECPublicKey key = (ECPublicKey) EC.getPublic();
        String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"enc\",\"kid\":\"enc\",\"n\":\"AQAB\",\"e\":\"AQAB\"},"
                + "{\"kty\":\"EC\",\"kid\":\"ec-1\",\"crv\":\"P-256\",\"x\":\""
                + coordinate(key.getW().getAffineX())
                + "\",\"y\":\"" + coordinate(key.getW().getAffineY()) + "\"}]}";
        BearerTokens ec = new BearerTokens(RULES, SigningKeys.of(jwks, "", CLOCK), CLOCK);
        String token = sign(
                "ES256\",\"kid\":\"ec-1",
                claims("xena", "[\"htm-admin\"]", 60),
                EC.getPrivate(),
                "SHA256withECDSAinP1363Format");
        assertEquals("xena", ec.verify(token).name());
        String otherKid = sign(
                "ES256\",\"kid\":\"ec-2", claims("xena", "[]", 60), EC.getPrivate(), "SHA256withECDSAinP1363Format");
        assertThrows(InvalidTokenException.class, () -> ec.verify(otherKid));
    }

    @Test
    void aTokensGroupIsTakenAsItIsOrByItsLastPart() {
        assertEquals("/contractors/managers", BearerTokens.groupName("/contractors/managers", false));
        assertEquals("managers", BearerTokens.groupName("/contractors/managers", true));
        assertEquals("managers", BearerTokens.groupName("managers", true));
    }

    @Test
    void withoutAConfiguredKeyEveryTokenIsRefused() {
        BearerTokens unconfigured = new BearerTokens(RULES, SigningKeys.of("", "", CLOCK), CLOCK);
        InvalidTokenException refusal =
                assertThrows(InvalidTokenException.class, () -> unconfigured.verify(rs256(claims("zoe", "[]", 60))));
        assertEquals("the identity provider's keys cannot be read now", refusal.getMessage());
        assertTrue(refusal.detail().orElseThrow().contains("no identity provider key is configured"));
    }

    private void refused(String reason, String token) {
        InvalidTokenException refusal = assertThrows(InvalidTokenException.class, () -> tokens.verify(token), reason);
        assertEquals(reason, refusal.getMessage());
    }

    static String claims(String user, String groups, long lifetimeSeconds) {
        return "{\"iss\":\"" + ISSUER + "\",\"aud\":\"htm\",\"upn\":\"" + user + "\",\"groups\":" + groups + ",\"exp\":"
                + (NOW.getEpochSecond() + lifetimeSeconds) + "}";
    }

    static String rs256(String claims) {
        return sign("RS256", claims, RSA.getPrivate(), "SHA256withRSA");
    }

    static String sign(String alg, String claims, PrivateKey key, String jdkAlgorithm) {
        try {
            String signed = part("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "." + part(claims);
            Signature signature = Signature.getInstance(jdkAlgorithm);
            signature.initSign(key);
            signature.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + BASE64.encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String part(String json) {
        return BASE64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String pem(KeyPair pair) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    static String coordinate(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
        return BASE64.encodeToString(fixed);
    }

    static KeyPair generate(String algorithm, String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (curve != null) {
                generator.initialize(new ECGenParameterSpec(curve));
            } else {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
