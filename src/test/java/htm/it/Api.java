package htm.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A JAX-RS client that talks to the deployed HTM as one user, the way an HTM client would. */
final class Api implements AutoCloseable {

    static final String V1 = "rest/bpm/htm/v1/";

    /** The demo users of API.md §1; each password is the user name. */
    static final String ADMIN = "admin",
            ALICE = "alice",
            BOB = "bob",
            CAROL = "carol",
            DAVE = "dave",
            SAM = "sam",
            ERIN = "erin";

    private final Client client =
            ClientBuilder.newClient().property("jersey.config.client.suppressHttpComplianceValidation", true);
    private final String base;
    private final String user;

    Api(URL base, String user) {
        this.base = base.toExternalForm();
        this.user = user;
    }

    Api as(String otherUser) {
        return new Api(url(), otherUser);
    }

    private URL url() {
        try {
            return new URL(base);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    Invocation.Builder request(String path) {
        Invocation.Builder request = client.target(base + path).request();
        if (user != null) {
            request.header("Authorization", basic(user, user));
        }
        return request;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Reply get(String path) {
        return Reply.of(request(path).get());
    }

    Reply post(String path, String json) {
        return Reply.of(request(path).post(Entity.entity(json, "application/json")));
    }

    Reply delete(String path) {
        return Reply.of(request(path).delete());
    }

    Reply put(String path, String json) {
        return Reply.of(
                json == null
                        ? request(path).put(Entity.text(""))
                        : request(path).put(Entity.entity(json, "application/json")));
    }

    Reply put(String path) {
        return Reply.of(request(path).method("PUT"));
    }

    /** Creates a ready task offered to alice and the reviewers group; answers its tkiid. */
    String createReadyTask(String name) {
        return create("""
                {"name": "%s", "priority": 3, "potentialOwners": {"users": ["alice"], "groups": ["reviewers"]},
                 "input": {"orderId": 42}}""".formatted(name));
    }

    /** PUT /task/{tkiid}?action=… (with more query text after the action, if any), no body. */
    Reply act(String tkiid, String actionAndParameters) {
        return put(V1 + "task/" + tkiid + "?action=" + actionAndParameters);
    }

    JsonObject task(String tkiid) {
        Reply reply = get(V1 + "task/" + tkiid);
        if (reply.status() != 200) {
            throw new AssertionError("read failed: " + reply);
        }
        return reply.json();
    }

    /** Creates a task from a JSON body; answers its tkiid. */
    String create(String body) {
        Reply created = post(V1 + "task", body);
        if (created.status() != 201) {
            throw new AssertionError("create failed: " + created);
        }
        return created.json().getString("tkiid");
    }

    /** The HTM action names of a task's history, oldest first. */
    List<String> historyActions(String tkiid) {
        return get(V1 + "task/" + tkiid + "/history").json().getJsonArray("items").stream()
                .map(e -> e.asJsonObject().getString("action"))
                .toList();
    }

    @Override
    public void close() {
        client.close();
    }

    /** A response read whole: status, headers and body text. */
    record Reply(int status, Map<String, String> headers, String body) {

        static Reply of(Response response) {
            try (response) {
                Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                response.getStringHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
                String body = response.hasEntity() ? response.readEntity(String.class) : "";
                return new Reply(response.getStatus(), headers, body);
            }
        }

        JsonObject json() {
            return value().asJsonObject();
        }

        JsonValue value() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readValue();
            }
        }

        String header(String name) {
            return headers.get(name);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
