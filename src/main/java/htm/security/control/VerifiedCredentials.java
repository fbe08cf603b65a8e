package htm.security.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Credentials verified a short while ago, so that not every request costs a password check against the user
 * registry (an LDAP bind) or a token's signature check: the way Liberty's own authentication cache works.
 * Each is kept under a keyed hash of the credential (HMAC-SHA256 with a key made at start and never stored),
 * never the credential itself; only a success is kept, for at most the time given (and never past what the
 * caller says, such as a token's expiry); at most {@code capacity} are kept, the least recently used going first.
 *
 * @param <V> what a verification established: the caller it names
 */
public final class VerifiedCredentials<V> {

    private record Entry<V>(V caller, Instant until) {}

    private final Duration lifetime;
    private final int capacity;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Entry<V>> entries;

    public VerifiedCredentials(Duration lifetime, int capacity, Clock clock) {
        this.lifetime = lifetime;
        this.capacity = capacity;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** Whether the cache keeps anything at all (a lifetime of zero turns it off). */
    public boolean isOn() {
        return !lifetime.isZero() && capacity > 0;
    }

    /** The caller a credential was verified as, if that was within its lifetime. */
    public Optional<V> verified(String credential) {
        if (!isOn()) {
            return Optional.empty();
        }
        String hash = hash(credential);
        synchronized (entries) {
            Entry<V> entry = entries.get(hash);
            if (entry == null) {
                return Optional.empty();
            }
            if (!clock.instant().isBefore(entry.until())) {
                entries.remove(hash);
                return Optional.empty();
            }
            return Optional.of(entry.caller());
        }
    }

    /** Remembers a credential that was just verified, until its lifetime or {@code validUntil}, the earlier. */
    public void remember(String credential, V caller, Instant validUntil) {
        if (!isOn()) {
            return;
        }
        Instant until = clock.instant().plus(lifetime);
        Entry<V> entry = new Entry<>(caller, validUntil != null && validUntil.isBefore(until) ? validUntil : until);
        String hash = hash(credential);
        synchronized (entries) {
            entries.put(hash, entry);
            var eldest = entries.keySet().iterator();
            while (entries.size() > capacity) {
                eldest.next();
                eldest.remove();
            }
        }
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private String hash(String credential) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(credential.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
