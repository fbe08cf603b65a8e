package htm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** The OpenAPI document and the readiness check, at the server's root as API.md §6 names them. */
class ServiceEndpointsIT extends HtmServer {

    @Test
    void openApiDocumentsTheTaskResources() throws Exception {
        try (Api api = new Api(root(), null)) {
            Api.Reply openapi = api.get("openapi");
            assertEquals(200, openapi.status());
            for (String path : new String[] {"/rest/bpm/htm/v1/task/{tkiid}", "/rest/bpm/htm/v1/tasks",
                    "/rest/bpm/htm/v1/task/{tkiid}/history", "TaskCreation", "errorNumber"}) {
                assertTrue(openapi.body().contains(path), "documents " + path);
            }
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

    private URL root() throws Exception {
        return URI.create(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "/").toURL();
    }
}
