package htm.it;

import static htm.it.Api.ALICE;
import static htm.it.Api.V1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What one caller can make the server read and keep, and how often it may guess a password. */
class LimitsIT extends HtmServer {

    private static final int MIB = 1024 * 1024;

    private static void assertError(Api.Reply reply, int status, String errorNumber, String message) {
        assertEquals(status, reply.status(), reply.toString());
        JsonObject body = reply.json();
        assertEquals(errorNumber, body.getString("errorNumber"), reply.toString());
        assertEquals(message, body.getString("errorMessage"));
    }

    private static String names(int count, String prefix) {
        return IntStream.range(0, count).mapToObj(i -> "\"" + prefix + i + "\"").collect(Collectors.joining(","));
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeTheCallerIsLookedAt() {
        try (Api nobody = new Api(base, null)) {
            String big = "{\"name\":\"" + "x".repeat(MIB) + "\"}";
            assertError(
                    nobody.post(V1 + "task", big),
                    413,
                    "HTM0413E",
                    "The request body is larger than 1048576 bytes, the limit (htm.limits.body.bytes).");
        }
    }

    @Test
    void aBinaryPropertyOverItsLimitIsRefused() {
        try (Api alice = new Api(base, ALICE)) {
            String tkiid = alice.createReadyTask("big-binary");
            String path = V1 + "task/" + tkiid + "/binaryCustomProperty/scan";
            Api.Reply refused = Api.Reply.of(alice.request(path).put(Entity.entity(new byte[MIB + 1], "image/png")));
            assertError(
                    refused,
                    413,
                    "HTM0413E",
                    "The request body is larger than 1048576 bytes, the limit (htm.limits.binary.bytes).");
            Api.Reply kept = Api.Reply.of(alice.request(path).put(Entity.entity(new byte[MIB], "image/png")));
            assertEquals(200, kept.status(), kept.toString());
        }
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimit() throws IOException, InterruptedException {
        InputStream endless = new InputStream() {
            private long sent;

            @Override
            public int read() {
                return sent++ == 0 ? '[' : sent < 50L * MIB ? ' ' : -1;
            }
        };
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + V1 + "task"))
                .header("Authorization", Api.basic(ALICE, ALICE))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> endless))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"errorNumber\":\"HTM0413E\""), response.body());

        HttpRequest form = HttpRequest.newBuilder(URI.create(base + "ui/session"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Requested-By", "htm-worklist")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream("username=dave&password=x".getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> unmeasured = HttpClient.newHttpClient().send(form, HttpResponse.BodyHandlers.ofString());
        assertEquals(411, unmeasured.statusCode(), "the web container reads a form whole: " + unmeasured.body());
    }

    @Test
    void aPeopleListNamesAtMostAThousand() {
        try (Api alice = new Api(base, ALICE)) {
            assertError(
                    alice.post(
                            V1 + "task",
                            "{\"name\":\"crowd\",\"potentialOwners\":{\"users\":[" + names(600, "u") + "],\"groups\":["
                                    + names(401, "g") + "]}}"),
                    400,
                    "HTM0400E",
                    "Invalid value for 'potentialOwners': names 1001 users and groups; at most 1000 (htm.limits.people)");
            assertEquals(
                    201,
                    alice.post(
                                    V1 + "task",
                                    "{\"name\":\"crowd\",\"potentialOwners\":{\"users\":[\"alice\"," + names(999, "u")
                                            + "]}}")
                            .status());
        }
    }

    @Test
    void aTaskHoldsAtMostTwoHundredCustomProperties() {
        String properties =
                IntStream.range(0, 200).mapToObj(i -> "\"p" + i + "\":\"v\"").collect(Collectors.joining(","));
        try (Api alice = new Api(base, ALICE)) {
            assertError(
                    alice.post(
                            V1 + "task",
                            "{\"name\":\"props\",\"customProperties\":{" + properties + ",\"one-more\":\"v\"}}"),
                    400,
                    "HTM0400E",
                    "Invalid value for 'customProperties': holds 201 properties; at most 200 (htm.limits.properties)");
            String tkiid = alice.create("{\"name\":\"props\",\"potentialOwners\":{\"users\":[\"alice\"]},"
                    + "\"customProperties\":{" + properties + "}}");
            assertError(
                    alice.put(V1 + "task/" + tkiid + "?action=update", "{\"customProperties\":{\"one-more\":\"v\"}}"),
                    400,
                    "HTM0400E",
                    "Invalid value for 'customProperties': holds 201 properties; at most 200 (htm.limits.properties)");
            assertEquals(
                    200,
                    alice.put(
                                    V1 + "task/" + tkiid + "?action=update",
                                    "{\"customProperties\":{\"p0\":null,\"one-more\":\"v\"}}")
                            .status(),
                    "one replaces another");
            assertEquals(
                    "v", alice.task(tkiid).getJsonObject("customProperties").getString("one-more"));
        }
    }

    @Test
    void guessedPasswordsAreSlowedDownThenRefusedForAWhile() throws InterruptedException {
        try (Api guesser = new Api(base, null)) {
            for (int guess = 0; guess < 5; guess++) {
                Api.Reply wrong = Api.Reply.of(guesser.request(V1 + "tasks?potentialOwner=me")
                        .header("Authorization", Api.basic("dave", "guess" + guess))
                        .get());
                assertEquals(401, wrong.status(), wrong.toString());
            }
            Api.Reply refused = Api.Reply.of(guesser.request(V1 + "tasks?potentialOwner=me")
                    .header("Authorization", Api.basic("dave", "dave"))
                    .get());
            assertError(refused, 429, "HTM0429E", "Too many failed sign-ins: try again in 1 s.");
            assertEquals("1", refused.header("Retry-After"));

            Client browser = ClientBuilder.newClient();
            try {
                Api.Reply page = Api.Reply.of(browser.target(base + "ui/session")
                        .request()
                        .header("X-Requested-By", "htm-worklist")
                        .post(Entity.form(new Form("username", "dave").param("password", "dave"))));
                assertEquals(429, page.status(), page.toString());
                assertEquals("1", page.header("Retry-After"));
            } finally {
                browser.close();
            }

            // the refusal said Retry-After: 1; the wait is real time on the server's clock, so the test waits it out
            Thread.sleep(1100);
            assertEquals(
                    200,
                    Api.Reply.of(guesser.request(V1 + "tasks?potentialOwner=me")
                                    .header("Authorization", Api.basic("dave", "dave"))
                                    .get())
                            .status(),
                    "the right password, in time");
            assertEquals(
                    401,
                    Api.Reply.of(guesser.request(V1 + "tasks?potentialOwner=me")
                                    .header("Authorization", Api.basic("dave", "again"))
                                    .get())
                            .status(),
                    "the success cleared the count");
        }
    }
}
