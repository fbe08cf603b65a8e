package htm.a2a.control;

import static htm.task.control.JsonApi.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/** JSON-RPC 2.0 answers, and the error codes of JSON-RPC and of A2A (its specification, §8). */
public final class JsonRpc {

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int TASK_NOT_FOUND = -32001;
    public static final int TASK_NOT_CANCELABLE = -32002;
    public static final int UNSUPPORTED_OPERATION = -32004;
    public static final int CONTENT_TYPE_NOT_SUPPORTED = -32005;

    private JsonRpc() {}

    /** A request that failed, with the code and message A2A gives it, and HTM's error body as its data. */
    public static final class Failure extends RuntimeException {
        private final int code;
        private final JsonValue data;

        public Failure(int code, String message, JsonValue data) {
            super(message);
            this.code = code;
            this.data = data;
        }

        public Failure(int code, String message) {
            this(code, message, null);
        }

        public int code() {
            return code;
        }
    }

    public static JsonObject result(JsonValue id, JsonValue result) {
        return JSON.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("id", id)
                .add("result", result)
                .build();
    }

    public static JsonObject error(JsonValue id, Failure failure) {
        JsonObjectBuilder error =
                JSON.createObjectBuilder().add("code", failure.code).add("message", failure.getMessage());
        if (failure.data != null) {
            error.add("data", failure.data);
        }
        return JSON.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("id", id)
                .add("error", error)
                .build();
    }

    /** The code for an HTM error of this HTTP status, in the method that met it. */
    public static int code(int status, String method) {
        return switch (status) {
            case 400, 413, 415 -> INVALID_PARAMS;
            case 404 -> TASK_NOT_FOUND;
            case 403, 409, 412 -> method.equals("tasks/cancel") ? TASK_NOT_CANCELABLE : UNSUPPORTED_OPERATION;
            default -> UNSUPPORTED_OPERATION;
        };
    }
}
