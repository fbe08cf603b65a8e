package htm.worklist.control;

import static htm.task.control.JsonApi.JSON;

import htm.problem.entity.HtmException;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Where a keyset page ends: the sort values of its last task and that task's id. Opaque to clients
 * (base64url of a JSON array); valid only with the order it was made for.
 */
public record Cursor(List<Object> values, String tkiid) {

    /** The cursor that continues after this task, in this order. */
    public static Cursor after(htm.task.entity.Task task, List<SortKey> order) {
        return new Cursor(order.stream().map(key -> key.field().of(task)).toList(), task.tkiid());
    }

    public String encode() {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (Object value : values) {
            if (value == null) {
                array.addNull();
            } else if (value instanceof Integer number) {
                array.add(number);
            } else {
                array.add(value.toString());
            }
        }
        array.add(tkiid);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(array.build().toString().getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String text, List<SortKey> order) {
        try {
            String json = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            JsonArray array = JSON.createReader(new StringReader(json)).readArray();
            if (array.size() != order.size() + 1) {
                throw new IllegalArgumentException("wrong length");
            }
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                values.add(value(array.get(i), order.get(i).field()));
            }
            return new Cursor(values, array.getString(order.size()));
        } catch (RuntimeException e) {
            throw HtmException.invalidInput(
                    "after", "not a cursor of this query and order; take 'next' from the " + "previous page");
        }
    }

    private static Object value(JsonValue json, TaskField field) {
        if (json.getValueType() == JsonValue.ValueType.NULL) {
            if (!field.isNullable()) {
                throw new IllegalArgumentException("null");
            }
            return null;
        }
        if (field.type() == Integer.class) {
            return ((JsonNumber) json).intValueExact();
        }
        String text = ((JsonString) json).getString();
        return field.type() == Instant.class ? Instant.parse(text) : text;
    }
}
