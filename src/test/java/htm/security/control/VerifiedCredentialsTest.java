package htm.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    private final ManualClock clock = new ManualClock(T0);
    private final VerifiedCredentials<String> cache = new VerifiedCredentials<>(Duration.ofSeconds(60), 3, clock);

    @Test
    void aVerifiedCredentialIsRememberedForItsLifetimeOnly() {
        cache.remember("alice:secret", "alice", null);
        assertEquals(Optional.of("alice"), cache.verified("alice:secret"));
        assertEquals(Optional.empty(), cache.verified("alice:other"), "another password is another credential");
        clock.now = T0.plusSeconds(59);
        assertEquals(Optional.of("alice"), cache.verified("alice:secret"));
        clock.now = T0.plusSeconds(60);
        assertEquals(Optional.empty(), cache.verified("alice:secret"));
        assertEquals(0, cache.size(), "an expired entry is dropped");
    }

    @Test
    void aCredentialThatExpiresSoonerIsForgottenThen() {
        cache.remember("token", "bob", T0.plusSeconds(10));
        clock.now = T0.plusSeconds(10);
        assertEquals(Optional.empty(), cache.verified("token"));
    }

    @Test
    void theLeastRecentlyUsedGoesFirstWhenFull() {
        cache.remember("a", "a", null);
        cache.remember("b", "b", null);
        cache.remember("c", "c", null);
        cache.verified("a");
        cache.remember("d", "d", null);
        assertEquals(3, cache.size());
        assertTrue(cache.verified("a").isPresent());
        assertFalse(cache.verified("b").isPresent(), "b was used least recently");
        assertTrue(cache.verified("d").isPresent());
    }

    @Test
    void aLifetimeOfZeroKeepsNothing() {
        VerifiedCredentials<String> off = new VerifiedCredentials<>(Duration.ZERO, 100, clock);
        off.remember("alice:secret", "alice", null);
        assertFalse(off.isOn());
        assertEquals(Optional.empty(), off.verified("alice:secret"));
    }
}
