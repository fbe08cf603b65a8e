package htm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** The worklist page's cookie, over HTTP and over HTTPS with the server's own certificate; signing in cross-site. */
class TransportIT extends HtmServer {

    private static final String PAGE_HEADER = "X-Requested-By";

    /** A client that trusts exactly the certificate the server made for itself, whatever host name it names. */
    private static Client overTls() throws Exception {
        Path server = Path.of(System.getProperty("it.server.dir"));
        Properties environment = new Properties();
        try (InputStream in = Files.newInputStream(server.resolve("server.env"))) {
            environment.load(in);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(server.resolve("resources/security/key.p12"))) {
            keys.load(in, environment.getProperty("keystore_password").toCharArray());
        }
        Certificate own = keys.getCertificate(keys.aliases().nextElement());
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("htm", own);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return ClientBuilder.newBuilder()
                .sslContext(tls)
                .hostnameVerifier((host, session) -> {
                    try {
                        return session.getPeerCertificates()[0].equals(own);
                    } catch (SSLPeerUnverifiedException e) {
                        return false;
                    }
                })
                .build();
    }

    private String https() {
        return "https://" + base.getHost() + ":" + System.getProperty("it.https.port") + base.getPath();
    }

    private static String ssoCookie(Response signedIn) {
        List<String> cookies = signedIn.getStringHeaders().getOrDefault("Set-Cookie", List.of());
        return cookies.stream()
                .filter(c -> c.startsWith("LtpaToken2="))
                .findFirst()
                .orElse(null);
    }

    private static Response signIn(Client client, String base, String user) {
        return client.target(base + "ui/session")
                .request()
                .header(PAGE_HEADER, "htm-worklist")
                .post(Entity.form(new Form("username", user).param("password", user)));
    }

    @Test
    void overHttpsTheCookieIsSecureAndNeverGoesCrossSite() throws Exception {
        Client client = overTls();
        try (Response signedIn = signIn(client, https(), "bob")) {
            assertEquals(200, signedIn.getStatus());
            String cookie = ssoCookie(signedIn);
            assertNotNull(cookie, signedIn.getStringHeaders().toString());
            assertTrue(cookie.contains("; Secure"), cookie);
            assertTrue(cookie.contains("HttpOnly"), cookie);
            assertTrue(cookie.contains("SameSite=Strict"), cookie);
        } finally {
            client.close();
        }
    }

    @Test
    void overHttpTheCookieIsSameSiteButNotSecure() {
        Client client = ClientBuilder.newClient();
        try (Response signedIn = signIn(client, base.toExternalForm(), "bob")) {
            assertEquals(200, signedIn.getStatus());
            String cookie = ssoCookie(signedIn);
            assertNotNull(cookie);
            assertFalse(cookie.contains("Secure"), cookie);
            assertTrue(cookie.contains("SameSite=Strict"), cookie);
        } finally {
            client.close();
        }
    }

    @Test
    void anotherSitesFormCannotSignTheBrowserIn() {
        Client client = ClientBuilder.newClient();
        try (Response forged = client.target(base + "ui/session")
                .request()
                .header("Origin", "https://evil.example")
                .post(Entity.form(new Form("username", "mallory").param("password", "mallory")))) {
            assertEquals(403, forged.getStatus());
            assertEquals("HTM0403E", forged.readEntity(JsonObject.class).getString("errorNumber"));
            assertNull(ssoCookie(forged));
        } finally {
            client.close();
        }
    }
}
