package htm.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    static final String RSA_JWK = "{\"kty\":\"RSA\",\"kid\":\"%s\",\"n\":\""
            + BearerTokensTest.BASE64.encodeToString(((RSAPublicKey) BearerTokensTest.RSA.getPublic())
                    .getModulus()
                    .toByteArray())
            + "\",\"e\":\"AQAB\"}";

    @Test
    void aPemKeyFileIsReadOnce(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("key.pem");
        Files.writeString(file, BearerTokensTest.pem(BearerTokensTest.RSA));
        SigningKeys keys = SigningKeys.of("", file.toString(), Clock.systemUTC());
        assertEquals(BearerTokensTest.RSA.getPublic(), keys.candidates(null).get(0));
        Files.delete(file);
        assertEquals(1, keys.candidates("any").size(), "a key without an id answers for every key id");
    }

    @Test
    void keysAreFetchedFromTheProvidersJwksUrl() throws Exception {
        HttpServer provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] jwks = ("{\"keys\":[" + RSA_JWK.formatted("k1") + "]}").getBytes(StandardCharsets.UTF_8);
        provider.createContext("/certs", exchange -> {
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        provider.start();
        try {
            String base = "http://127.0.0.1:" + provider.getAddress().getPort();
            SigningKeys keys = SigningKeys.of("", base + "/certs", Clock.systemUTC());
            assertEquals(BearerTokensTest.RSA.getPublic(), keys.candidates("k1").get(0));
            SigningKeys missing = SigningKeys.of("", base + "/nothing", Clock.systemUTC());
            InvalidTokenException refusal = assertThrows(InvalidTokenException.class, () -> missing.candidates("k1"));
            assertEquals(
                    "the identity provider's keys cannot be read now", refusal.getMessage(), "nothing for the caller");
            assertEquals("HTTP 404 from " + base + "/nothing", refusal.detail().orElseThrow(), "for the log");
        } finally {
            provider.stop(0);
        }
    }

    @Test
    void aMissingKeyFileRefusesTokens(@TempDir Path dir) {
        SigningKeys keys = SigningKeys.of("", dir.resolve("none.pem").toString(), Clock.systemUTC());
        assertThrows(InvalidTokenException.class, () -> keys.candidates(null));
    }

    @Test
    void providerKeysAreReadAgainWhenATokenNamesANewKeyButAtMostEveryThirtySeconds() {
        List<String> served = new ArrayList<>(List.of(
                "{\"keys\":[" + RSA_JWK.formatted("k1") + "]}",
                "{\"keys\":[" + RSA_JWK.formatted("k1") + "," + RSA_JWK.formatted("k2") + "]}"));
        int[] reads = {0};
        ManualClock clock = new ManualClock(Instant.parse("2026-11-26T10:00:00Z"));
        SigningKeys keys = new SigningKeys(() -> served.get(Math.min(reads[0]++, served.size() - 1)), true, clock);

        assertEquals(1, keys.candidates("k1").size());
        assertEquals(0, keys.candidates("k2").size(), "read a moment ago: not read again yet");
        assertEquals(1, reads[0]);
        clock.now = clock.now.plusSeconds(31);
        assertEquals(1, keys.candidates("k2").size(), "the rotated key, read again");
        assertEquals(2, reads[0]);
        assertEquals(1, keys.candidates("k1").size());
        clock.now = clock.now.plus(Duration.ofMinutes(11));
        keys.candidates("k1");
        assertEquals(3, reads[0], "read again every ten minutes");
    }

    @Test
    void aProviderThatCannotBeReadKeepsTheKeysReadBefore() {
        int[] reads = {0};
        ManualClock clock = new ManualClock(Instant.parse("2026-11-26T10:00:00Z"));
        SigningKeys keys = new SigningKeys(
                () -> {
                    if (reads[0]++ > 0) {
                        throw new InvalidTokenException("down");
                    }
                    return RSA_JWK.formatted("k1");
                },
                true,
                clock);
        assertEquals(1, keys.candidates("k1").size());
        clock.now = clock.now.plus(Duration.ofMinutes(11));
        assertEquals(1, keys.candidates("k1").size());
        assertEquals(2, reads[0]);
    }

    @Test
    void unreadableKeysAreRefused() {
        assertThrows(InvalidTokenException.class, () -> SigningKeys.parse("{\"keys\": 5}"));
        assertThrows(
                InvalidTokenException.class,
                () -> SigningKeys.parse("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"));
    }
}
