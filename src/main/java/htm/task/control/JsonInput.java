package htm.task.control;

import static htm.task.control.JsonApi.JSON;

import htm.problem.entity.HtmException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads request bodies strictly: every wrong shape is a 400 that names the field. */
public final class JsonInput {

    /** Request documents (input, output, fault) are kept whole; beyond this size they are refused. */
    public static final int MAX_DOCUMENT_CHARS = 1_000_000;

    private JsonInput() {}

    /** Any JSON document, returned in its compact form; null for an empty body. */
    public static String document(String body, String field) {
        if (body == null || body.isBlank()) {
            return null;
        }
        if (body.length() > MAX_DOCUMENT_CHARS) {
            throw HtmException.invalidInput(field, "larger than " + MAX_DOCUMENT_CHARS + " characters");
        }
        return read(body, field).toString();
    }

    public static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw HtmException.invalidInput("body", "a JSON object is required");
        }
        JsonValue value = read(body, "body");
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw HtmException.invalidInput("body", "must be a JSON object, not " + kind(value));
        }
        return value.asJsonObject();
    }

    private static JsonValue read(String body, String field) {
        try (JsonParser parser = JSON.createParser(new StringReader(body))) {
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw HtmException.invalidInput(field, "not valid JSON (content after the document)");
            }
            return value;
        } catch (HtmException e) {
            throw e;
        } catch (RuntimeException e) {
            // the parser's own failures, and a plain RuntimeException for a document nested over 1,000 deep
            throw HtmException.invalidInput(field, "not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
    }

    public static String string(JsonObject object, String field, int maxLength) {
        JsonValue value = present(object, field);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw HtmException.invalidInput(field, "must be a string, not " + kind(value));
        }
        String text = ((JsonString) value).getString();
        if (text.length() > maxLength) {
            throw HtmException.invalidInput(field, "longer than " + maxLength + " characters");
        }
        return text;
    }

    public static Integer integer(JsonObject object, String field) {
        JsonValue value = present(object, field);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
            throw HtmException.invalidInput(field, "must be an integer, not " + kind(value));
        }
        try {
            return ((JsonNumber) value).intValueExact();
        } catch (ArithmeticException e) {
            throw HtmException.invalidInput(field, "out of range");
        }
    }

    public static Boolean bool(JsonObject object, String field) {
        JsonValue value = present(object, field);
        if (value == null) {
            return null;
        }
        if (value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE) {
            return value.getValueType() == JsonValue.ValueType.TRUE;
        }
        throw HtmException.invalidInput(field, "must be true or false, not " + kind(value));
    }

    public static Instant time(JsonObject object, String field) {
        String text = string(object, field, 64);
        if (text == null) {
            return null;
        }
        return Times.parse(text).orElseThrow(() -> HtmException.invalidInput(field, Times.EXPECTED));
    }

    /** A list of strings; a missing field is an empty list. */
    public static List<String> strings(JsonObject object, String key, String field, int maxLength) {
        JsonValue value = present(object, key);
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw HtmException.invalidInput(field, "must be an array of strings, not " + kind(value));
        }
        for (JsonValue item : value.asJsonArray()) {
            if (item.getValueType() != JsonValue.ValueType.STRING) {
                throw HtmException.invalidInput(field, "must hold only strings, not " + kind(item));
            }
            String text = ((JsonString) item).getString();
            if (text.isBlank() || text.length() > maxLength) {
                throw HtmException.invalidInput(field, "names must be 1 to " + maxLength + " characters");
            }
            result.add(text);
        }
        return result;
    }

    /** A flat object of string values (custom properties). */
    public static Map<String, String> stringMap(JsonObject object, String field, int maxKey, int maxValue) {
        return stringMap(object, field, maxKey, maxValue, false);
    }

    /** A flat object of string values in which null stands for "remove this name". */
    public static Map<String, String> stringMapWithRemovals(JsonObject object, String field, int maxKey, int maxValue) {
        return stringMap(object, field, maxKey, maxValue, true);
    }

    private static Map<String, String> stringMap(
            JsonObject object, String field, int maxKey, int maxValue, boolean nullRemoves) {
        JsonValue value = present(object, field);
        Map<String, String> result = new LinkedHashMap<>();
        if (value == null) {
            return result;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw HtmException.invalidInput(field, "must be an object of string values, not " + kind(value));
        }
        for (Map.Entry<String, JsonValue> entry : value.asJsonObject().entrySet()) {
            String key = entry.getKey();
            if (key.isBlank() || key.length() > maxKey) {
                throw HtmException.invalidInput(field, "names must be 1 to " + maxKey + " characters");
            }
            if (nullRemoves && entry.getValue().getValueType() == JsonValue.ValueType.NULL) {
                result.put(key, null);
                continue;
            }
            if (entry.getValue().getValueType() != JsonValue.ValueType.STRING) {
                throw HtmException.invalidInput(field + "." + key, "must be a string, not " + kind(entry.getValue()));
            }
            String text = ((JsonString) entry.getValue()).getString();
            if (text.length() > maxValue) {
                throw HtmException.invalidInput(field + "." + key, "longer than " + maxValue + " characters");
            }
            result.put(key, text);
        }
        return result;
    }

    public static JsonObject optionalObject(JsonObject object, String field) {
        JsonValue value = present(object, field);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw HtmException.invalidInput(field, "must be an object, not " + kind(value));
        }
        return value.asJsonObject();
    }

    private static JsonValue present(JsonObject object, String field) {
        JsonValue value = object.get(field);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
    }

    private static String kind(JsonValue value) {
        return switch (value.getValueType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }
}
