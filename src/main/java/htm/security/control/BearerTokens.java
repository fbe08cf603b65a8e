package htm.security.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies the JSON Web Tokens an identity provider issues (MicroProfile JWT's rules): an RS or ES signature by
 * one of the provider's keys, its issuer, one of our audiences, and a lifetime that includes now.
 */
public class BearerTokens {

    /** JWS algorithm name to the JDK's; ES signatures are the raw r|s pair (P1363), not DER. */
    private static final Map<String, String> ALGORITHMS = Map.of(
            "RS256", "SHA256withRSA", "RS384", "SHA384withRSA", "RS512", "SHA512withRSA",
            "ES256", "SHA256withECDSAinP1363Format", "ES384", "SHA384withECDSAinP1363Format",
            "ES512", "SHA512withECDSAinP1363Format");
    private static final List<String> USER_CLAIMS = List.of("upn", "preferred_username", "sub");

    /** What a token must say, and where it names its user and groups. */
    public record Rules(String issuer, Set<String> audiences, String userClaim, String groupsClaim, Duration clockSkew) {
        public Rules {
            audiences = Set.copyOf(audiences);
        }
    }

    /** The caller a valid token speaks for. */
    public record TokenCaller(String name, Set<String> groups, Instant expires) {
    }

    private final Rules rules;
    private final SigningKeys keys;
    private final Clock clock;

    public BearerTokens(Rules rules, SigningKeys keys, Clock clock) {
        this.rules = rules;
        this.keys = keys;
        this.clock = clock;
    }

    public Rules rules() {
        return rules;
    }

    public TokenCaller verify(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidTokenException("the token is not a signed JWT (header.claims.signature)");
        }
        JsonObject header = json(parts[0], "header");
        JsonObject claims = json(parts[1], "claims");
        String algorithm = header.getString("alg", "");
        String jdkAlgorithm = ALGORITHMS.get(algorithm);
        if (jdkAlgorithm == null) {
            throw new InvalidTokenException("the signature algorithm '" + algorithm + "' is not accepted");
        }
        byte[] signature = decode(parts[2], "signature");
        byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        String keyId = header.getString("kid", null);
        if (keys.candidates(keyId).stream().noneMatch(key -> verifies(jdkAlgorithm, key, signed, signature))) {
            throw new InvalidTokenException("the signature does not verify with the identity provider's keys");
        }
        checkClaims(claims);
        return new TokenCaller(user(claims), groups(claims), Instant.ofEpochSecond(seconds(claims, "exp")));
    }

    private void checkClaims(JsonObject claims) {
        if (!rules.issuer().isEmpty() && !rules.issuer().equals(string(claims, "iss"))) {
            throw new InvalidTokenException("the token was issued by another issuer");
        }
        if (!rules.audiences().isEmpty() && audiences(claims).stream().noneMatch(rules.audiences()::contains)) {
            throw new InvalidTokenException("the token is meant for another audience");
        }
        Instant now = clock.instant();
        if (!claims.containsKey("exp")) {
            throw new InvalidTokenException("the token has no expiry (exp)");
        }
        if (!now.isBefore(Instant.ofEpochSecond(seconds(claims, "exp")).plus(rules.clockSkew()))) {
            throw new InvalidTokenException("the token has expired");
        }
        if (claims.containsKey("nbf") && now.isBefore(Instant.ofEpochSecond(seconds(claims, "nbf")).minus(rules.clockSkew()))) {
            throw new InvalidTokenException("the token is not valid yet (nbf)");
        }
    }

    private String user(JsonObject claims) {
        List<String> names = new ArrayList<>();
        names.add(rules.userClaim());
        names.addAll(USER_CLAIMS);
        return names.stream().map(claim -> string(claims, claim)).filter(name -> name != null && !name.isBlank())
                .findFirst()
                .orElseThrow(() -> new InvalidTokenException("the token names no user (" + rules.userClaim() + ")"));
    }

    private Set<String> groups(JsonObject claims) {
        JsonValue value = claims.get(rules.groupsClaim());
        Set<String> groups = new LinkedHashSet<>();
        if (value instanceof JsonArray array) {
            array.stream().filter(JsonString.class::isInstance).map(group -> ((JsonString) group).getString())
                    .filter(group -> !group.isBlank()).forEach(groups::add);
        } else if (value instanceof JsonString group) {
            groups.add(group.getString());
        }
        return groups;
    }

    private static Set<String> audiences(JsonObject claims) {
        JsonValue value = claims.get("aud");
        if (value instanceof JsonString audience) {
            return Set.of(audience.getString());
        }
        if (value instanceof JsonArray array) {
            Set<String> audiences = new LinkedHashSet<>();
            array.stream().filter(JsonString.class::isInstance).forEach(a -> audiences.add(((JsonString) a).getString()));
            return audiences;
        }
        return Set.of();
    }

    private static String string(JsonObject claims, String name) {
        return claims.get(name) instanceof JsonString value ? value.getString() : null;
    }

    private static long seconds(JsonObject claims, String name) {
        if (claims.get(name) instanceof JsonNumber number) {
            return number.longValue();
        }
        throw new InvalidTokenException("the claim '" + name + "' is not a number of seconds");
    }

    private static boolean verifies(String algorithm, PublicKey key, byte[] signed, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update(signed);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException wrongKindOfKey) {
            return false;
        }
    }

    private static JsonObject json(String part, String what) {
        try (var reader = Json.createReader(new StringReader(new String(decode(part, what), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidTokenException("the token's " + what + " is not a JSON object");
        }
    }

    private static byte[] decode(String part, String what) {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("the token's " + what + " is not base64url");
        }
    }

    /** A group of a token as HTM names it: as the token has it, or only the last part of its path ("leaf"). */
    public static String groupName(String tokenGroup, boolean leaf) {
        return leaf ? tokenGroup.substring(tokenGroup.lastIndexOf('/') + 1) : tokenGroup;
    }
}
