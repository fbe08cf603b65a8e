package htm.security.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The identity provider's public keys: a PEM key or certificate, a JWK or a JWK set, given inline, in a file, or
 * at the provider's JWKS URL. Keys read from a URL are read again every ten minutes, and sooner (at most every
 * thirty seconds) when a token names a key not seen yet, so that the provider can rotate its keys.
 */
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
    private static final Duration MAX_AGE = Duration.ofMinutes(10);
    private static final Duration MIN_REFRESH = Duration.ofSeconds(30);

    record Key(String id, PublicKey key) {}

    private final Supplier<String> source;
    private final boolean refreshes;
    private final Clock clock;
    private volatile List<Key> keys;
    private volatile Instant readAt = Instant.MIN;

    SigningKeys(Supplier<String> source, boolean refreshes, Clock clock) {
        this.source = source;
        this.refreshes = refreshes;
        this.clock = clock;
    }

    /** From the key itself (publicKey) or from where it lies (location: a file, or an http(s) URL); both may be empty. */
    public static SigningKeys of(String publicKey, String location, Clock clock) {
        if (publicKey != null && !publicKey.isBlank()) {
            return new SigningKeys(() -> publicKey, false, clock);
        }
        if (location == null || location.isBlank()) {
            return new SigningKeys(
                    () -> {
                        throw InvalidTokenException.keysUnreadable(
                                "no identity provider key is configured (mp.jwt.verify.publickey.location)");
                    },
                    false,
                    clock);
        }
        if (location.startsWith("http://") || location.startsWith("https://")) {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            return new SigningKeys(() -> fetch(http, location), true, clock);
        }
        Path file = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
        return new SigningKeys(() -> read(file), false, clock);
    }

    /** The keys a token signed with key id kid (may be null) can have been signed with. */
    public List<PublicKey> candidates(String kid) {
        List<Key> known = current(kid);
        List<PublicKey> matching = new ArrayList<>();
        for (Key key : known) {
            if (kid == null || key.id() == null || kid.equals(key.id())) {
                matching.add(key.key());
            }
        }
        return matching;
    }

    private List<Key> current(String kid) {
        Instant now = clock.instant();
        List<Key> known = keys;
        boolean stale = known == null
                || refreshes
                        && (readAt.plus(MAX_AGE).isBefore(now)
                                || kid != null
                                        && known.stream().noneMatch(key -> kid.equals(key.id()))
                                        && readAt.plus(MIN_REFRESH).isBefore(now));
        if (!stale) {
            return known;
        }
        synchronized (this) {
            if (keys != known) {
                return keys;
            }
            try {
                keys = parse(source.get());
            } catch (InvalidTokenException e) {
                if (known == null) {
                    throw e;
                }
                LOG.log(
                        Level.WARNING,
                        "Could not read the identity provider''s keys again; keeping the ones read before: {0}",
                        e.detail().orElse(e.getMessage()));
            }
            readAt = now;
            return keys;
        }
    }

    static List<Key> parse(String text) {
        String trimmed = text.strip();
        try {
            if (trimmed.startsWith("{")) {
                JWKSet set = trimmed.contains("\"keys\"") ? JWKSet.parse(trimmed) : new JWKSet(JWK.parse(trimmed));
                List<Key> keys = new ArrayList<>();
                for (JWK jwk : set.getKeys()) {
                    PublicKey key = KeyUse.ENCRYPTION.equals(jwk.getKeyUse()) ? null : publicKey(jwk);
                    if (key != null) {
                        keys.add(new Key(jwk.getKeyID(), key));
                    }
                }
                return keys;
            }
            return List.of(new Key(null, pem(trimmed)));
        } catch (GeneralSecurityException | ParseException | JOSEException | IllegalArgumentException e) {
            throw InvalidTokenException.keysUnreadable("the identity provider's keys are not valid: " + e.getMessage());
        }
    }

    /** An RSA or EC public key of the set; others (symmetric, OKP) sign nothing HTM accepts. */
    private static PublicKey publicKey(JWK jwk) throws JOSEException {
        if (jwk instanceof RSAKey rsa) {
            return rsa.toRSAPublicKey();
        }
        if (jwk instanceof ECKey ec) {
            return ec.toECPublicKey();
        }
        return null;
    }

    private static PublicKey pem(String text) throws GeneralSecurityException {
        byte[] der = Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
        if (text.contains("CERTIFICATE")) {
            return CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der))
                    .getPublicKey();
        }
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException notRsa) {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw InvalidTokenException.keysUnreadable("the identity provider's key file cannot be read: " + file);
        }
    }

    private static String fetch(HttpClient http, String url) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw InvalidTokenException.keysUnreadable("HTTP " + response.statusCode() + " from " + url);
            }
            return response.body();
        } catch (IOException e) {
            throw InvalidTokenException.keysUnreadable(url + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw InvalidTokenException.keysUnreadable("interrupted while reading " + url);
        }
    }
}
