package htm.event.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSubscriptionTest {

    private final Instant now = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void aSecretIsWhsecAnd24RandomBytes() {
        WebhookSubscription one = subscription(List.of());
        assertTrue(one.secret().startsWith("whsec_"));
        assertEquals(24, Base64.getDecoder().decode(one.secret().substring(6)).length);
        assertNotEquals(one.secret(), subscription(List.of()).secret());
    }

    @Test
    void theTypesReadAsTheyWereGivenAndNoneMeansEvery() {
        assertEquals(List.of(), subscription(List.of()).types());
        assertEquals(
                List.of("htm.task.claimed", "htm.task.completed"),
                subscription(List.of("htm.task.claimed", "htm.task.completed")).types());
    }

    @Test
    void aRotatedOutSecretSignsUntilTheOverlapEnds() {
        WebhookSubscription subscription = subscription(List.of());
        String old = subscription.secret();
        subscription.rotateSecret(now, Duration.ofHours(1));
        String current = subscription.secret();
        assertNotEquals(old, current);
        assertEquals(List.of(current, old), subscription.signingSecrets(now.plusSeconds(3599)));
        assertEquals(List.of(current), subscription.signingSecrets(now.plusSeconds(3600)));
        assertEquals(now.plusSeconds(3600), subscription.previousSecretUntil());
    }

    private WebhookSubscription subscription(List<String> types) {
        return new WebhookSubscription("https://hooks.example.com/in", types, null, null, null, "erin", now);
    }
}
