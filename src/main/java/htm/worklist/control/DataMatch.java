package htm.worklist.control;

import static htm.task.control.JsonApi.JSON;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a data condition means, in one place: the member named by the keys (object members only, never array
 * elements) holds a value of the literal's type — a number, a string, true or false, or a time (a string holding
 * an ISO-8601 date and time with seconds to at most six decimals and an offset or Z) — that compares as asked. A
 * member that is missing, null or of another type passes no comparison; IS NULL holds when it is missing or
 * null. On H2 the database calls {@link #matches} per row; on PostgreSQL {@link DataSql} says the same in SQL
 * over the jsonb copy, and a test holds the two to each other.
 */
public final class DataMatch {

    public static final int MAX_TEXT = 255;
    private static final int MAX_PRECISION = 40;
    private static final Pattern TIME = Pattern.compile("[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]"
            + "(:[0-5][0-9](\\.[0-9]{1,6})?)?(Z|[+-](0[0-9]|1[0-4]):[0-5][0-9])");

    private DataMatch() {}

    /**
     * The condition, if its test suits its value: numbers and times compare in every way, text by =, <> and
     * prefix, true and false by = and <>, and the null tests take no value. Else IllegalArgumentException.
     */
    public static Criterion.Data condition(DataField field, DataTest test, Object value) {
        boolean nullTest = test == DataTest.IS_NULL || test == DataTest.IS_NOT_NULL;
        if (nullTest != (value == null)) {
            throw new IllegalArgumentException(nullTest ? "IS NULL takes no value" : "give a value to compare with");
        }
        if (value instanceof BigDecimal number) {
            if (number.precision() > MAX_PRECISION || Math.abs(number.scale()) > MAX_PRECISION) {
                throw new IllegalArgumentException("the number is out of range (at most " + MAX_PRECISION
                        + " digits, exponent within ±" + MAX_PRECISION + ")");
            }
            if (test == DataTest.STARTS_WITH) {
                throw new IllegalArgumentException("a number compares with =, <>, <, <=, > or >=");
            }
        } else if (value instanceof String text) {
            if (text.length() > MAX_TEXT) {
                throw new IllegalArgumentException("text to compare with is at most " + MAX_TEXT + " characters");
            }
            if (text.indexOf('\0') >= 0 || !isWellFormed(text)) {
                throw new IllegalArgumentException("text to compare with must be well-formed Unicode without U+0000");
            }
            if (test != DataTest.EQ && test != DataTest.NE && test != DataTest.STARTS_WITH) {
                throw new IllegalArgumentException("text compares with = or <> (or LIKE 'prefix%')");
            }
        } else if (value instanceof Boolean) {
            if (test != DataTest.EQ && test != DataTest.NE) {
                throw new IllegalArgumentException("true and false compare with = or <>");
            }
        } else if (value instanceof Instant) {
            if (test == DataTest.STARTS_WITH) {
                throw new IllegalArgumentException("a time compares with =, <>, <, <=, > or >=");
            }
        } else if (value != null) {
            throw new IllegalArgumentException(
                    "cannot compare with " + value.getClass().getSimpleName());
        }
        return new Criterion.Data(field, test, value);
    }

    /**
     * A value as a work-list parameter gives it: null, true, false, a JSON number, a time, a JSON string (in
     * double quotes: to compare "42" as text), or else the text as it is.
     */
    public static Object literal(String text) {
        switch (text) {
            case "null":
                return null;
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            default:
                break;
        }
        if (text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the number is out of range");
            }
        }
        Optional<Instant> time = time(text);
        if (time.isPresent()) {
            return time.get();
        }
        if (text.startsWith("\"")) {
            try (JsonParser parser = JSON.createParser(new StringReader(text))) {
                parser.next();
                JsonValue value = parser.getValue();
                if (!parser.hasNext() && value instanceof JsonString string) {
                    return string.getString();
                }
            } catch (RuntimeException e) {
                // reported below
            }
            throw new IllegalArgumentException("not a JSON string: " + text);
        }
        return text;
    }

    /** The instant a string holds, if it is a time in the sense above. */
    public static Optional<Instant> time(String text) {
        if (!TIME.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whether the document (JSON text, or null for none) passes the condition. */
    public static boolean test(String document, Criterion.Data condition) {
        JsonValue member = document == null
                ? null
                : member(read(document), condition.field().keys());
        boolean absent = member == null || member.getValueType() == JsonValue.ValueType.NULL;
        return switch (condition.test()) {
            case IS_NULL -> absent;
            case IS_NOT_NULL -> !absent;
            default -> !absent && compares(member, condition.test(), condition.value());
        };
    }

    /**
     * H2's entry (the function htm_data_matches, created by SchemaMigration): the document and the condition as
     * {@link DataSql} encodes it.
     */
    public static boolean matches(String document, String condition) {
        return test(document, DataSql.decode(condition));
    }

    private static JsonValue member(JsonValue root, List<String> keys) {
        JsonValue current = root;
        for (String key : keys) {
            if (current.getValueType() != JsonValue.ValueType.OBJECT) {
                return null;
            }
            current = ((JsonObject) current).get(key);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    private static boolean compares(JsonValue member, DataTest test, Object value) {
        if (value instanceof BigDecimal number) {
            return member instanceof JsonNumber n
                    && test.holds(n.bigDecimalValue().compareTo(number));
        }
        if (value instanceof Boolean flag) {
            boolean isBoolean = member.getValueType() == JsonValue.ValueType.TRUE
                    || member.getValueType() == JsonValue.ValueType.FALSE;
            return isBoolean && test.holds((member.getValueType() == JsonValue.ValueType.TRUE) == flag ? 0 : 1);
        }
        if (!(member instanceof JsonString string)) {
            return false;
        }
        if (value instanceof Instant time) {
            return time(string.getString())
                    .map(t -> test.holds(t.compareTo(time)))
                    .orElse(false);
        }
        String text = (String) value;
        return test == DataTest.STARTS_WITH
                ? string.getString().startsWith(text)
                : test.holds(string.getString().equals(text) ? 0 : 1);
    }

    private static JsonValue read(String document) {
        try (JsonParser parser = JSON.createParser(new StringReader(document))) {
            parser.next();
            return parser.getValue();
        }
    }

    private static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
