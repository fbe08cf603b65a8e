package htm.a2a.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

class JsonRpcTest {

    @Test
    void htmErrorsReadAsA2aCodes() {
        assertEquals(JsonRpc.INVALID_PARAMS, JsonRpc.code(400, "message/send"));
        assertEquals(JsonRpc.TASK_NOT_FOUND, JsonRpc.code(404, "tasks/get"));
        assertEquals(JsonRpc.TASK_NOT_CANCELABLE, JsonRpc.code(409, "tasks/cancel"));
        assertEquals(JsonRpc.TASK_NOT_CANCELABLE, JsonRpc.code(403, "tasks/cancel"));
        assertEquals(JsonRpc.UNSUPPORTED_OPERATION, JsonRpc.code(409, "message/send"));
    }

    @Test
    void anErrorAnswersTheRequestsId() {
        JsonObject error =
                JsonRpc.error(JsonValue.NULL, new JsonRpc.Failure(JsonRpc.PARSE_ERROR, "Invalid JSON payload"));
        assertEquals(
                "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Invalid JSON payload\"}}",
                error.toString());
    }
}
