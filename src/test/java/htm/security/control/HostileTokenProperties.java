package htm.security.control;

import static htm.security.control.BearerTokensTest.CLOCK;
import static htm.security.control.BearerTokensTest.RSA;
import static htm.security.control.BearerTokensTest.RULES;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Generated hostile bearer tokens: each is accepted or refused with a reason, never a failure of another kind. */
class HostileTokenProperties {

    private final BearerTokens tokens =
            new BearerTokens(RULES, SigningKeys.of(BearerTokensTest.pem(RSA), "", CLOCK), CLOCK);

    @Provide
    Arbitrary<String> tokens() {
        Arbitrary<String> header = Arbitraries.of(
                "{\"alg\":\"RS256\"}",
                "{\"alg\":\"none\"}",
                "{\"alg\":\"HS256\"}",
                "{\"alg\":\"ES256\",\"kid\":\"x\"}",
                "{\"alg\":\"RSA-OAEP\",\"enc\":\"A128GCM\"}",
                "{\"alg\":5}",
                "{}",
                "[]",
                "{\"alg\":\"RS256\",\"crit\":[\"exp\"]}",
                "{\"alg\":\"RS256\",\"jwk\":{\"kty\":\"RSA\"}}",
                "null");
        Arbitrary<String> claims = Arbitraries.of(
                "{}",
                "[1]",
                "{\"exp\":\"soon\"}",
                "{\"exp\":1e400}",
                "{\"exp\":-1,\"nbf\":null}",
                "{\"aud\":[1,null,{}],\"iss\":5,\"upn\":[]}",
                "\"text\"",
                "{\"groups\":{}}");
        Arbitrary<String> json =
                Arbitraries.oneOf(header, claims, Arbitraries.strings().ofMaxLength(30));
        Arbitrary<String> part = Arbitraries.oneOf(
                json.map(BearerTokensTest::part),
                Arbitraries.strings().ofMaxLength(20),
                Arbitraries.of("", "!!", "====", "e30", "."));
        Arbitrary<String> signedJunk = Combinators.combine(Arbitraries.oneOf(claims, json), Arbitraries.of(true, false))
                .as((c, valid) -> valid ? BearerTokensTest.rs256(c) : BearerTokensTest.rs256(c) + "x");
        return Arbitraries.oneOf(
                part.list().ofMinSize(1).ofMaxSize(6).map(p -> String.join(".", p)),
                signedJunk,
                Arbitraries.strings().ofMaxLength(60));
    }

    @Property(tries = 10_000)
    void aHostileTokenIsRefusedWithAReason(@ForAll("tokens") String token) {
        try {
            tokens.verify(token);
        } catch (InvalidTokenException refused) {
            if (refused.getMessage() == null || refused.getMessage().isBlank()) {
                throw new AssertionError("no reason for " + token);
            }
        }
    }
}
