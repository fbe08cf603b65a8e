package htm.security.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies the JSON Web Tokens an identity provider issues (MicroProfile JWT's rules): an RS or ES signature by
 * one of the provider's keys, its issuer, one of our audiences, and a lifetime that includes now. Nimbus JOSE+JWT
 * parses the token and checks the signature; the rules, and the reason a caller hears, are HTM's.
 */
public class BearerTokens {

    /** The signatures MicroProfile JWT accepts: RSA and ECDSA, never none or a shared secret. */
    private static final Set<String> ACCEPTED = Set.of("RS256", "RS384", "RS512", "ES256", "ES384", "ES512");

    private static final List<String> USER_CLAIMS = List.of("upn", "preferred_username", "sub");

    /** What a token must say, and where it names its user and groups. */
    public record Rules(
            String issuer, Set<String> audiences, String userClaim, String groupsClaim, Duration clockSkew) {
        public Rules {
            audiences = Set.copyOf(audiences);
        }
    }

    /** The caller a valid token speaks for. */
    public record TokenCaller(String name, Set<String> groups, Instant expires) {}

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
        if (token.split("\\.", -1).length != 3) {
            throw new InvalidTokenException("the token is not a signed JWT (header.claims.signature)");
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException | RuntimeException e) {
            throw new InvalidTokenException("the token is not a JWT: " + e.getMessage());
        }
        String algorithm = jwt.getHeader().getAlgorithm().getName();
        if (!(jwt instanceof SignedJWT signed) || !ACCEPTED.contains(algorithm)) {
            throw new InvalidTokenException("the signature algorithm '" + algorithm + "' is not accepted");
        }
        if (keys.candidates(signed.getHeader().getKeyID()).stream().noneMatch(key -> verifies(signed, key))) {
            throw new InvalidTokenException("the signature does not verify with the identity provider's keys");
        }
        Map<String, Object> claims;
        try {
            claims = signed.getPayload().toJSONObject();
        } catch (RuntimeException e) {
            claims = null;
        }
        if (claims == null) {
            throw new InvalidTokenException("the token's claims is not a JSON object");
        }
        checkClaims(claims);
        return new TokenCaller(user(claims), groups(claims), Instant.ofEpochSecond(seconds(claims, "exp")));
    }

    private void checkClaims(Map<String, Object> claims) {
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
        if (claims.containsKey("nbf")
                && now.isBefore(Instant.ofEpochSecond(seconds(claims, "nbf")).minus(rules.clockSkew()))) {
            throw new InvalidTokenException("the token is not valid yet (nbf)");
        }
    }

    private String user(Map<String, Object> claims) {
        List<String> names = new ArrayList<>();
        names.add(rules.userClaim());
        names.addAll(USER_CLAIMS);
        return names.stream()
                .map(claim -> string(claims, claim))
                .filter(name -> name != null && !name.isBlank())
                .findFirst()
                .orElseThrow(() -> new InvalidTokenException("the token names no user (" + rules.userClaim() + ")"));
    }

    private Set<String> groups(Map<String, Object> claims) {
        return strings(claims.get(rules.groupsClaim()));
    }

    private static Set<String> audiences(Map<String, Object> claims) {
        return strings(claims.get("aud"));
    }

    /** A claim holding one string or a list of them; anything else in it does not count. */
    private static Set<String> strings(Object value) {
        Set<String> strings = new LinkedHashSet<>();
        if (value instanceof String one) {
            strings.add(one);
        } else if (value instanceof List<?> list) {
            list.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .forEach(strings::add);
        }
        strings.removeIf(String::isBlank);
        return strings;
    }

    private static String string(Map<String, Object> claims, String name) {
        return claims.get(name) instanceof String value ? value : null;
    }

    private static long seconds(Map<String, Object> claims, String name) {
        if (claims.get(name) instanceof Number number) {
            return number.longValue();
        }
        throw new InvalidTokenException("the claim '" + name + "' is not a number of seconds");
    }

    /** Nimbus checks the signature; a key of the wrong kind or curve for the algorithm does not verify. */
    private static boolean verifies(SignedJWT jwt, PublicKey key) {
        try {
            JWSVerifier verifier = key instanceof RSAPublicKey rsa
                    ? new RSASSAVerifier(rsa)
                    : key instanceof ECPublicKey ec ? new ECDSAVerifier(ec) : null;
            return verifier != null && jwt.verify(verifier);
        } catch (JOSEException | IllegalStateException wrongKindOfKey) {
            return false;
        }
    }

    /** A group of a token as HTM names it: as the token has it, or only the last part of its path ("leaf"). */
    public static String groupName(String tokenGroup, boolean leaf) {
        return leaf ? tokenGroup.substring(tokenGroup.lastIndexOf('/') + 1) : tokenGroup;
    }
}
