package htm.it;

import static htm.it.Api.ADMIN;
import static htm.it.Api.ALICE;
import static htm.it.Api.CAROL;
import static htm.it.Api.V1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.client.Entity;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bad input answers the HTM error body with the right status, never a 500, never a stack trace. */
class ErrorsIT extends HtmServer {

    /** A request line as a hostile client writes it, unchecked by any client library; answers the whole reply. */
    private String raw(String target) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("GET " + base.getPath() + target + " HTTP/1.1\r\nHost: " + base.getHost()
                                    + "\r\nAuthorization: " + Api.basic(ALICE, ALICE) + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aMalformedAddressAnswersTheErrorBodyWithoutATrace() throws IOException {
        for (String path : new String[] {"task/a%2Fb", "task/..%2F..%2F..%2F..%2Fetc%2Fpasswd", "task/%C0%AF"}) {
            String reply = raw(V1 + path);
            assertTrue(reply.startsWith("HTTP/1.1 400 "), path + ": " + reply);
            assertTrue(reply.toLowerCase().contains("content-type: application/json"), path + ": " + reply);
            assertTrue(reply.contains("\"errorNumber\":\"HTM0400E\""), path + ": " + reply);
            assertTrue(reply.contains("nosniff"), path + ": " + reply);
            assertFalse(reply.contains("Exception"), path + ": " + reply);
        }
    }

    /**
     * What Liberty refuses before it has chosen an application (an encoded NUL, CR or LF, a malformed escape) it
     * answers itself: 400, its own short text, the address escaped, no trace. Only a proxy in front could answer
     * instead.
     */
    @Test
    void anAddressRefusedBeforeAnyApplicationIsStill400WithoutATrace() throws IOException {
        for (String path : new String[] {
            "task/%00", "task/%0D%0ASet-Cookie:%20x=1", "task/%00%3Cscript%3E", "task/%zz", "task/%E0%A4%A"
        }) {
            String reply = raw(V1 + path);
            assertTrue(reply.startsWith("HTTP/1.1 400 "), path + ": " + reply);
            assertFalse(reply.contains("Exception"), path + ": " + reply);
            assertFalse(reply.contains("<script>"), path + ": " + reply);
            assertFalse(reply.toLowerCase().contains("set-cookie: x=1"), path + ": " + reply);
        }
    }

    /** Characters an address may not hold unescaped, typed into a query as they are, read as the client meant. */
    @Test
    void aQueryWithCharactersAnAddressMayNotHoldIsStillRead() throws IOException {
        String[][] cases = {
            {"tasks?input.amount<=1000&size=1", "200 "},
            {"tasks?input.amount>1000", "200 "},
            {"tasks?x=%zz&y=[1]&z={\"a\"|^`}", "200 "},
            {"tasks?size=%zz", "400 "},
            {"tasks?input.amount<x", "400 "},
            {"tasks/filter?whereClause=TASK.NAME%20=%20\"x\"", "400 "}
        };
        for (String[] target : cases) {
            String reply = raw(V1 + target[0]);
            assertTrue(reply.startsWith("HTTP/1.1 " + target[1]), target[0] + ": " + reply);
            assertFalse(reply.contains("Exception"), target[0] + ": " + reply);
        }
    }

    @Test
    void malformedJsonIs400() {
        try (Api alice = new Api(base, ALICE)) {
            assertError(alice.post(V1 + "task", "{\"name\": \"x\","), 400, "HTM0400E");
            assertError(alice.post(V1 + "task", "[]"), 400, "HTM0400E");
            assertError(alice.post(V1 + "task", ""), 400, "HTM0400E");
            assertError(
                    alice.post(
                            V1 + "task",
                            "{\"name\": \"deep\", \"input\": " + "[".repeat(5000) + "]".repeat(5000) + "}"),
                    400,
                    "HTM0400E");
            Api.Reply badPriority = alice.post(V1 + "task", "{\"name\": \"x\", \"priority\": \"high\"}");
            assertError(badPriority, 400, "HTM0400E");
            assertTrue(badPriority.json().getString("errorMessage").contains("priority"), badPriority.body());
        }
    }

    @Test
    void badQueryParametersAre400NotA404() {
        try (Api alice = new Api(base, ALICE)) {
            String tkiid = alice.createReadyTask("bad-params");
            assertError(alice.put(V1 + "task/" + tkiid + "?action=fly"), 400, "HTM0400E");
            assertError(alice.put(V1 + "task/" + tkiid), 400, "HTM0400E");
            assertError(alice.get(V1 + "tasks?size=abc"), 400, "HTM0400E");
            assertError(alice.get(V1 + "tasks?size=100000"), 400, "HTM0400E");
            assertError(alice.get(V1 + "tasks?state=STATE_SLEEPING"), 400, "HTM0400E");
            assertError(alice.post(V1 + "task?mode=later", "{\"name\": \"x\"}"), 400, "HTM0400E");
        }
    }

    @Test
    void unknownAndInvisibleTasksAre404Alike() {
        try (Api alice = new Api(base, ALICE);
                Api carol = alice.as(CAROL)) {
            assertError(alice.get(V1 + "task/no-such-task"), 404, "HTM0404E");
            assertError(alice.put(V1 + "task/no-such-task?action=claim"), 404, "HTM0404E");
            assertError(alice.get(V1 + "task/" + "x".repeat(300)), 404, "HTM0404E");
            String tkiid = alice.createReadyTask("not-for-carol");
            assertError(carol.get(V1 + "task/" + tkiid), 404, "HTM0404E");
            assertError(carol.put(V1 + "task/" + tkiid + "?action=claim"), 404, "HTM0404E");
            assertError(carol.get(V1 + "task/" + tkiid + "/history"), 404, "HTM0404E");
            assertError(alice.get(V1 + "no/such/resource"), 404, "HTM0404E");
        }
    }

    @Test
    void noOrWrongCredentialsAre401WithAChallenge() {
        try (Api nobody = new Api(base, null)) {
            Api.Reply reply = nobody.get(V1 + "tasks");
            assertError(reply, 401, "HTM0401E");
            assertTrue(
                    reply.header("WWW-Authenticate").startsWith("Basic"),
                    reply.headers().toString());
            Api.Reply wrongPassword = Api.Reply.of(nobody.request(V1 + "tasks")
                    .header("Authorization", Api.basic(ALICE, "not-her-password"))
                    .get());
            assertEquals(401, wrongPassword.status());
        }
    }

    @Test
    void wrongMediaTypeIs415() {
        try (Api alice = new Api(base, ALICE)) {
            assertError(
                    Api.Reply.of(alice.request(V1 + "task").post(Entity.text("{\"name\": \"x\"}"))), 415, "HTM0415E");
            String tkiid = alice.createReadyTask("media");
            alice.put(V1 + "task/" + tkiid + "?action=claim");
            assertError(
                    Api.Reply.of(alice.request(V1 + "task/" + tkiid + "?action=complete")
                            .put(Entity.text("{\"a\": 1}"))),
                    415,
                    "HTM0415E");
        }
    }

    @Test
    void unsupportedMethodIs405WithTheErrorBody() {
        try (Api alice = new Api(base, ALICE)) {
            assertError(Api.Reply.of(alice.request(V1 + "tasks").delete()), 405, "HTM0405E");
        }
    }

    @Test
    void aStaleIfMatchIs412AndACurrentOneIsHonoured() {
        try (Api alice = new Api(base, ALICE)) {
            String tkiid = alice.createReadyTask("etag");
            String etag = alice.get(V1 + "task/" + tkiid).header("ETag");
            Api.Reply claimed = Api.Reply.of(alice.request(V1 + "task/" + tkiid + "?action=claim")
                    .header("If-Match", etag)
                    .method("PUT"));
            assertEquals(200, claimed.status(), claimed.body());
            assertFalse(etag.equals(claimed.header("ETag")), "the version moved on");
            assertError(
                    Api.Reply.of(alice.request(V1 + "task/" + tkiid + "?action=cancelClaim")
                            .header("If-Match", etag)
                            .method("PUT")),
                    412,
                    "HTM0412E");
            assertEquals("STATE_CLAIMED", alice.get(V1 + "task/" + tkiid).json().getString("state"));
        }
    }

    @Test
    void onlyAnAdministratorIsShownProgrammersDetails() {
        try (Api alice = new Api(base, ALICE);
                Api admin = alice.as(ADMIN)) {
            assertEquals(JsonValue.NULL, alice.get(V1 + "task/nothing").json().get("programmersDetails"));
            assertEquals(
                    JsonValue.NULL,
                    admin.get(V1 + "task/nothing").json().get("programmersDetails"),
                    "a business error has no stack trace to show, even to an admin");
        }
    }

    static void assertError(Api.Reply reply, int status, String errorNumber) {
        assertEquals(status, reply.status(), reply.toString());
        assertTrue(
                reply.header("Content-Type").startsWith("application/json"),
                reply.headers().toString());
        JsonObject body = reply.json();
        assertEquals(errorNumber, body.getString("errorNumber"), reply.body());
        assertFalse(body.getString("errorMessage").isBlank());
        assertTrue(body.containsKey("programmersDetails"));
        assertFalse(reply.body().contains("Exception"), "no stack trace or exception name: " + reply.body());
    }
}
