package htm.event.control;

import static htm.task.control.JsonApi.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;

/** One row of the outbox: a committed change of one task (API.md §7). */
public record TaskEvent(long id, String tkiid, String type, Instant time, String data) {

    /** The event as CloudEvents 1.0 JSON (structured mode); source names this HTM. */
    public String cloudEvent(String source) {
        String envelope = JSON.createObjectBuilder()
                .add("specversion", "1.0")
                .add("id", String.valueOf(id))
                .add("source", source)
                .add("type", type)
                .add("subject", tkiid)
                .add("time", time.toString())
                .add("datacontenttype", "application/json")
                .build()
                .toString();
        // the data is stored as JSON already: spliced in, not parsed and written again
        return envelope.substring(0, envelope.length() - 1) + ",\"data\":" + data + "}";
    }

    public JsonObject dataObject() {
        try (JsonReader reader = JSON.createReader(new StringReader(data))) {
            return reader.readObject();
        }
    }
}
