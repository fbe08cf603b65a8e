package htm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The OpenAPI document, health and metrics, at the server's root as API.md §6 names them; the activity log. */
class ServiceEndpointsIT extends HtmServer {

    @Test
    void openApiDocumentsTheTaskResources() throws Exception {
        try (Api api = new Api(root(), null)) {
            Api.Reply openapi = api.get("openapi");
            assertEquals(200, openapi.status());
            for (String path : new String[] {
                "/rest/bpm/htm/v1/task/{tkiid}",
                "/rest/bpm/htm/v1/tasks",
                "/rest/bpm/htm/v1/task/{tkiid}/history",
                "TaskCreation",
                "errorNumber"
            }) {
                assertTrue(openapi.body().contains(path), "documents " + path);
            }
            Api.Reply json = api.get("openapi?format=JSON");
            JsonObject paths = json.json().getJsonObject("paths");
            for (String path : paths.keySet()) {
                JsonObject item = paths.getJsonObject(path);
                for (String parameter : path.split("[{}]")) {
                    String declared = "\"name\":\"" + parameter + "\"";
                    if (path.contains("{" + parameter + "}")) {
                        item.values().stream()
                                .filter(operation -> operation instanceof JsonObject o && o.containsKey("responses"))
                                .forEach(operation -> assertTrue(
                                        String.valueOf(item.get("parameters")).contains(declared)
                                                || operation.toString().contains(declared),
                                        "every operation of " + path + " declares the path parameter " + parameter));
                    }
                }
            }
        }
    }

    /**
     * What a generated client needs: every operation has its own operationId, and its error answers carry the
     * HTM error body; a public operation asks for no credentials.
     */
    @Test
    void everyOperationHasAnIdAndItsErrorAnswers() throws Exception {
        try (Api api = new Api(root(), null)) {
            Api.Reply reply = api.get("openapi?format=JSON");
            // kept for the build, which generates a client from it and compiles it (pom: client-from-openapi)
            Files.createDirectories(Path.of("target", "openapi"));
            Files.writeString(Path.of("target", "openapi", "htm.json"), reply.body());
            JsonObject document = reply.json();
            JsonObject error = document.getJsonObject("components")
                    .getJsonObject("schemas")
                    .getJsonObject("HtmError");
            assertEquals("HTM0409E", error.getJsonObject("example").getString("errorNumber"));
            Set<String> ids = new HashSet<>();
            int operations = 0;
            for (Map.Entry<String, JsonValue> path :
                    document.getJsonObject("paths").entrySet()) {
                for (Map.Entry<String, JsonValue> entry :
                        path.getValue().asJsonObject().entrySet()) {
                    if (!(entry.getValue() instanceof JsonObject operation) || !operation.containsKey("responses")) {
                        continue; // the path's own parameters
                    }
                    operations++;
                    String where = entry.getKey() + " " + path.getKey();
                    String id = operation.getString("operationId", null);
                    assertNotNull(id, where + " has an operationId");
                    assertTrue(ids.add(id), where + ": " + id + " is its own");
                    JsonObject responses = operation.getJsonObject("responses");
                    boolean isPublic = Set.of("getAgentCard", "getWorklistPage", "getWorklistPageFile", "signIn")
                            .contains(id);
                    assertEquals(!isPublic, responses.containsKey("403"), where + " answers 403");
                    if (path.getKey().contains("{")) {
                        assertTrue(responses.containsKey("404"), where + " answers 404");
                    }
                    if (operation.containsKey("requestBody")) {
                        assertTrue(responses.containsKey("400") && responses.containsKey("415"), where);
                    }
                    if (operation.toString().contains("\"name\":\"If-Match\"")) {
                        assertTrue(responses.containsKey("412"), where + " answers 412");
                    }
                    responses.forEach((code, answer) -> {
                        if (code.startsWith("4")) {
                            assertTrue(answer.toString().contains("#/components/schemas/HtmError"), where + " " + code);
                        }
                    });
                }
            }
            assertTrue(operations > 45, operations + " operations");
            JsonObject card = document.getJsonObject("paths")
                    .getJsonObject("/.well-known/agent-card.json")
                    .getJsonObject("get");
            assertEquals("[]", String.valueOf(card.get("security")), "the card needs no sign-in");
        }
    }

    @Test
    void readyOnceTheDatabaseAnswers() throws Exception {
        try (Api api = new Api(root(), null)) {
            Api.Reply ready = api.get("health/ready");
            assertEquals(200, ready.status(), ready.body());
            assertEquals("UP", ready.json().getString("status"));
            assertTrue(ready.body().contains("database"));
        }
    }

    @Test
    void liveAndCountingTasksInMetricsAndLogsWithoutTaskData() throws Exception {
        try (Api api = new Api(root(), null);
                Api alice = new Api(base, Api.ALICE);
                Api admin = alice.as(Api.ADMIN)) {
            assertEquals(200, api.get("health/live").status());
            double created = metric(api, "htm_tasks_created_total", "");
            double claimed = metric(api, "htm_tasks_claimed_total", "");
            double completed = metric(api, "htm_tasks_completed_total", "");

            String tkiid = alice.create("{\"name\": \"metered\", \"input\": {\"secret\": \"s3cr3t-v4lue\"}, "
                    + "\"potentialOwners\": {\"users\": [\"alice\"]}}");
            alice.act(tkiid, "claim");
            alice.act(tkiid, "complete");
            assertEquals(created + 1, metric(api, "htm_tasks_created_total", ""));
            assertEquals(claimed + 1, metric(api, "htm_tasks_claimed_total", ""));
            assertEquals(completed + 1, metric(api, "htm_tasks_completed_total", ""));
            assertTrue(metric(api, "htm_task_action_seconds_count", "action=\"ACTION_CLAIM\"") >= 1);
            alice.createReadyTask("counted while open");
            assertTrue(
                    awaitServer(
                            () -> metric(api, "htm_tasks_open", "state=\"STATE_READY\"")
                                    == admin.get(Api.V1 + "tasks?state=STATE_READY&size=1")
                                            .json()
                                            .getJsonNumber("total")
                                            .longValue(),
                            Boolean::booleanValue),
                    "the ready tasks, counted at most 5 s ago");
            String everything = api.get("metrics").body();
            for (String secret : new String[] {"alice", "metered", tkiid, "s3cr3t-v4lue"}) {
                assertFalse(everything.contains(secret), "/metrics is open to anyone: it names no one and no task");
            }

            String log = serverLog();
            assertTrue(log.contains("alice created task " + tkiid), "the log says who created which task");
            assertTrue(log.contains("alice ACTION_CLAIM task " + tkiid + " (STATE_READY -> STATE_CLAIMED)"));
            assertTrue(log.contains("alice ACTION_COMPLETE task " + tkiid + " (STATE_CLAIMED -> STATE_FINISHED)"));
            assertFalse(log.contains("s3cr3t-v4lue"), "task data stays out of the log");
        }
    }

    /** The value of one Prometheus sample of /metrics whose labels contain the given text; 0 when absent. */
    static double metric(Api api, String name, String labels) {
        Api.Reply metrics = api.get("metrics?scope=application");
        assertEquals(200, metrics.status());
        return metrics.body()
                .lines()
                .filter(line -> line.startsWith(name + "{") && line.contains(labels))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(0);
    }
}
