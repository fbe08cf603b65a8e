package htm.task.boundary;

import htm.problem.entity.HtmException;
import htm.task.control.JsonInput;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Action bodies are optional, so they cannot be declared with @Consumes; their media type is checked here. */
final class RequestBodies {

    private RequestBodies() {
    }

    /** The body as a compact JSON document, or null when there is none. */
    static String json(HttpHeaders headers, String body, String field) {
        if (body == null || body.isBlank()) {
            return null;
        }
        MediaType type = headers.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            throw new HtmException(415, "HTM0415E", "Unsupported media type " + type + ": send application/json.");
        }
        return JsonInput.document(body, field);
    }
}
