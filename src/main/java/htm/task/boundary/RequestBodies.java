package htm.task.boundary;

import htm.problem.entity.HtmException;
import htm.task.control.JsonInput;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Action bodies are optional, so they cannot be declared with @Consumes; their media type is checked here. */
final class RequestBodies {

    private RequestBodies() {}

    /** The body as a compact JSON document, or null when there is none. */
    static String json(HttpHeaders headers, String body, String field) {
        if (body == null || body.isBlank()) {
            return null;
        }
        requireJson(headers);
        return JsonInput.document(body, field);
    }

    /** A JSON document that must be there. */
    static String requiredJson(HttpHeaders headers, String body, String field) {
        String document = json(headers, body, field);
        if (document == null) {
            throw HtmException.invalidInput(field, "a JSON document is required");
        }
        return document;
    }

    /** A body that must be there, as a JSON object. */
    static JsonObject object(HttpHeaders headers, String body) {
        if (body != null && !body.isBlank()) {
            requireJson(headers);
        }
        return JsonInput.object(body);
    }

    private static void requireJson(HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            throw new HtmException(415, "HTM0415E", "Unsupported media type " + type + ": send application/json.");
        }
    }
}
