package htm.it;

import static htm.it.Api.V1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bearer tokens from an identity provider (MicroProfile JWT), beside Basic, on the same endpoints. The tokens
 * are RS256, signed here with a key pair made for the tests; the server trusts its public key (pom.xml).
 */
class SingleSignOnIT extends HtmServer {

    static final String ISSUER = "https://idp.htm.test/realms/htm";

    Client client;

    @BeforeEach
    void open() {
        client = ClientBuilder.newClient();
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aTokenActsWithTheRolesAndGroupsItCarries() throws Exception {
        String writer = token("zoe", "[\"htm-apiwrite\", \"reviewers\"]", ISSUER, "htm", 3600, "RS256", true);
        try (Response created = bearer(writer, V1 + "task")
                .post(Entity.json("{\"name\": \"sso\", \"potentialOwners\": {\"groups\": [\"reviewers\"]}}"))) {
            assertEquals(201, created.getStatus());
            String body = created.readEntity(String.class);
            assertTrue(body.contains("\"originator\":\"zoe\""), body);
            String tkiid = body.replaceAll(".*\"tkiid\":\"([^\"]+)\".*", "$1");

            String reader = token("yves", "[\"htm-apiread\", \"reviewers\"]", ISSUER, "htm", 3600, "RS256", true);
            assertEquals(403, status(bearer(reader, V1 + "task").post(Entity.json("{\"name\": \"no\"}"))));
            assertEquals(
                    200,
                    status(bearer(reader, V1 + "task/" + tkiid).get()),
                    "a group task, seen through the token's groups");
            assertEquals(
                    200,
                    status(bearer(reader, V1 + "task/" + tkiid + "?action=claim")
                            .put(Entity.json("{}"))));
            String stranger = token("xena", "[\"htm-apiwrite\"]", ISSUER, "htm", 3600, "RS256", true);
            assertEquals(404, status(bearer(stranger, V1 + "task/" + tkiid).get()));
            String admin = token("root", "[\"htm-admin\"]", ISSUER, "htm", 3600, "RS256", true);
            assertEquals(200, status(bearer(admin, V1 + "task/" + tkiid).get()));
        }
    }

    @Test
    void basicKeepsWorkingBesideTokens() {
        assertEquals(
                200,
                status(client.target(base + V1 + "tasks")
                        .request()
                        .header("Authorization", Api.basic("alice", "alice"))
                        .get()));
    }

    /** A credential that checked out is remembered; a wrong one never is, nor does it share the right one's entry. */
    @Test
    void aRememberedCredentialStillNeedsItsOwnPassword() {
        for (String authorization : new String[] {
            Api.basic("carol", "carol"),
            Api.basic("carol", "wrong"),
            Api.basic("carol", "carol"),
            Api.basic("carol", "wrong"),
            Api.basic("carol", "carol ")
        }) {
            int expected = authorization.equals(Api.basic("carol", "carol")) ? 200 : 401;
            assertEquals(
                    expected,
                    status(client.target(base + V1 + "tasks")
                            .request()
                            .header("Authorization", authorization)
                            .get()),
                    authorization);
        }
        try (Response groups = client.target(base + V1 + "tasks?group=managers")
                .request()
                .header("Authorization", Api.basic("carol", "carol"))
                .get()) {
            assertEquals(200, groups.getStatus(), "a remembered caller keeps its groups and roles");
        }
    }

    @Test
    void aTokensNestedGroupIsNotTheRegistrysGroupOfTheSameLastName() throws Exception {
        try (Api carol = new Api(base, Api.CAROL)) {
            String tkiid =
                    carol.create("{\"name\": \"for-managers\", \"potentialOwners\": {\"groups\": [\"managers\"]}}");
            String nested =
                    token("nina", "[\"htm-apiwrite\", \"/contractors/managers\"]", ISSUER, "htm", 3600, "RS256", true);
            assertEquals(
                    404, status(bearer(nested, V1 + "task/" + tkiid).get()), "/contractors/managers is not managers");
            String member = token("mona", "[\"htm-apiwrite\", \"managers\"]", ISSUER, "htm", 3600, "RS256", true);
            assertEquals(
                    200,
                    status(bearer(member, V1 + "task/" + tkiid).get()),
                    "a token's group and the registry's group of one name are one group");
        }
    }

    @Test
    void wrongBasicCredentialsAre401WithTheErrorBody() {
        String[] bad = {
            Api.basic("alice", "wrong"),
            Api.basic("nobody", "alice"),
            "Basic !!!",
            "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)),
            "Digest x",
            ""
        };
        for (String authorization : bad) {
            try (Response response = client.target(base + V1 + "tasks")
                    .request()
                    .header("Authorization", authorization)
                    .get()) {
                assertEquals(401, response.getStatus(), authorization);
                assertEquals("Basic realm=\"htm\"", response.getHeaderString("WWW-Authenticate"), authorization);
                String body = response.readEntity(String.class);
                assertTrue(
                        body.contains("\"errorNumber\":\"HTM0401E\"") && body.contains("Authentication failed"),
                        authorization + " -> " + body);
            }
        }
    }

    @Test
    void everyBadTokenIs401() throws Exception {
        String[] bad = {
            token("zoe", "[\"htm-apiwrite\"]", ISSUER, "htm", -3600, "RS256", true), // expired
            token("zoe", "[\"htm-apiwrite\"]", "https://evil.test", "htm", 3600, "RS256", true), // other issuer
            token("zoe", "[\"htm-apiwrite\"]", ISSUER, "someone-else", 3600, "RS256", true), // other audience
            token("zoe", "[\"htm-apiwrite\"]", ISSUER, "htm", 3600, "RS256", false), // wrong signature
            notYetValid(),
            "not.a.token",
            "garbage"
        };
        for (String token : bad) {
            try (Response response = bearer(token, V1 + "tasks").get()) {
                assertEquals(401, response.getStatus(), token);
                assertEquals(
                        "Bearer realm=\"htm\", error=\"invalid_token\"",
                        response.getHeaderString("WWW-Authenticate"),
                        token);
                String body = response.readEntity(String.class);
                assertTrue(
                        body.contains("\"errorNumber\":\"HTM0401E\"")
                                && body.contains("the bearer token is not accepted"),
                        token + " -> " + body);
            }
        }
    }

    /** A well-signed token whose nbf lies an hour ahead. */
    static String notYetValid() throws Exception {
        return token(
                "zoe",
                "[\"htm-apiwrite\"], \"nbf\": " + (Instant.now().getEpochSecond() + 3600),
                ISSUER,
                "htm",
                7200,
                "RS256",
                true);
    }

    private Invocation.Builder bearer(String token, String path) {
        return client.target(base + path).request().header("Authorization", "Bearer " + token);
    }

    private static int status(Response response) {
        try (response) {
            return response.getStatus();
        }
    }

    /** An RS256 token; with wellSigned false, the signature is made over other content. */
    static String token(
            String user,
            String groups,
            String issuer,
            String audience,
            long lifetimeSeconds,
            String algorithm,
            boolean wellSigned)
            throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"" + algorithm + "\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + issuer + "\",\"aud\":\"" + audience + "\",\"sub\":\"" + user + "\",\"upn\":\""
                + user + "\",\"groups\":" + groups + ",\"iat\":" + (now - 60) + ",\"exp\":" + (now + lifetimeSeconds)
                + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String signed = base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(privateKey());
        signature.update((wellSigned ? signed : signed + "x").getBytes(StandardCharsets.UTF_8));
        return signed + "." + base64.encodeToString(signature.sign());
    }

    private static PrivateKey privateKey() throws Exception {
        String pem = Files.readString(Path.of("src/test/resources/jwt/test-private-key.pem"))
                .replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }
}
