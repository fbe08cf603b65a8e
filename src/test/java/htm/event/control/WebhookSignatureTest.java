package htm.event.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String VECTOR = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void reproducesTheStandardWebhooksTestVector() {
        assertEquals(
                VECTOR,
                WebhookSignature.header(
                        List.of(SECRET), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"));
    }

    @Test
    void signsWithEverySecretSpaceSeparated() {
        String header = WebhookSignature.header(
                List.of("whsec_" + "A".repeat(32), SECRET),
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330,
                "{\"test\": 2432232314}");
        String[] signatures = header.split(" ");
        assertEquals(2, signatures.length);
        assertEquals(VECTOR, signatures[1]);
    }

    @Test
    void aSecretWithoutItsPrefixIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> WebhookSignature.header(List.of("plain"), "1", 1, "{}"));
    }
}
