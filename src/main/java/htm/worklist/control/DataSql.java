package htm.worklist.control;

import static htm.task.control.JsonApi.JSON;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A data condition in SQL. On PostgreSQL it reads the jsonb copy of the document (task.input_data, kept by the
 * database): equality as containment, which the GIN index serves; other comparisons as a strict SQL/JSON path; times
 * through htm_time, which reads a time as DataMatch does. On H2 the database calls DataMatch itself. Either way a
 * condition is a {@link Form}, a pattern over the document column (?1) and its values (?2, ?3), which travel as
 * bound parameters.
 */
public final class DataSql {

    /** The shapes a condition takes in SQL; each is also an HQL function (htm.schema.control.DataFunctions). */
    public enum Form {
        CONTAINS("(?1 is not null and ?1 @> cast(?2 as jsonb))"),
        PATH("(?1 is not null and jsonb_path_exists(?1, cast(?2 as jsonpath), '{}', true))"),
        PRESENT("coalesce(jsonb_typeof(?1 #> cast(?2 as text[])) <> 'null', false)"),
        ABSENT("not coalesce(jsonb_typeof(?1 #> cast(?2 as text[])) <> 'null', false)"),
        TIME_EQ(time("=")),
        TIME_NE(time("<>")),
        TIME_LT(time("<")),
        TIME_LE(time("<=")),
        TIME_GT(time(">")),
        TIME_GE(time(">=")),
        MATCHES("htm_data_matches(?1, ?2)");

        private final String pattern;

        Form(String pattern) {
            this.pattern = pattern;
        }

        public String pattern() {
            return pattern;
        }

        /** Its name as an HQL function. */
        public String function() {
            return "htm_data_" + name().toLowerCase(Locale.ROOT);
        }

        /** How many arguments it takes: the document, then its values (the highest ?n of the pattern). */
        public int arguments() {
            return pattern.chars()
                    .filter(Character::isDigit)
                    .map(c -> c - '0')
                    .filter(n -> pattern.contains("?" + n))
                    .max()
                    .orElse(1);
        }

        /** Whether the form is PostgreSQL's (all but MATCHES, which is H2's). */
        public boolean isPostgres() {
            return this != MATCHES;
        }

        private static String time(String operator) {
            return "coalesce(htm_time(?1 #>> cast(?2 as text[])) " + operator + " cast(?3 as timestamptz), false)";
        }
    }

    /** A condition as one form and the values of its placeholders ?2, ?3, … */
    public record Call(Form form, List<Object> values) {

        /** The SQL, with the document column and each value's bound parameter in their places. */
        public String sql(String column, Function<Object, String> bind) {
            String sql = form.pattern().replace("?1", column);
            for (int i = 0; i < values.size(); i++) {
                sql = sql.replace("?" + (i + 2), bind.apply(values.get(i)));
            }
            return sql;
        }
    }

    private DataSql() {}

    public static Call of(Criterion.Data condition, boolean postgres) {
        if (!postgres) {
            return new Call(Form.MATCHES, List.of(encode(condition)));
        }
        DataField field = condition.field();
        Object value = condition.value();
        return switch (condition.test()) {
            case IS_NULL -> new Call(Form.ABSENT, List.of(field.textArray()));
            case IS_NOT_NULL -> new Call(Form.PRESENT, List.of(field.textArray()));
            default -> {
                if (value instanceof Instant time) {
                    yield new Call(
                            Form.valueOf("TIME_" + condition.test().name()),
                            List.of(field.textArray(), time.toString()));
                }
                if (condition.test() == DataTest.EQ) {
                    yield new Call(Form.CONTAINS, List.of(containing(field.keys(), value)));
                }
                yield new Call(Form.PATH, List.of(path(condition)));
            }
        };
    }

    /** The document {"a":{"b":value}}, which contains exactly the documents whose a.b equals the value. */
    private static String containing(List<String> keys, Object value) {
        JsonValue inner = json(value);
        for (int i = keys.size() - 1; i >= 0; i--) {
            inner = JSON.createObjectBuilder().add(keys.get(i), inner).build();
        }
        return inner.toString();
    }

    /**
     * A strict SQL/JSON path that finds the document when its member passes: strict, so that a missing member is an
     * error inside the filter, which makes the filter false (and arrays are never unwrapped).
     */
    private static String path(Criterion.Data condition) {
        StringBuilder member = new StringBuilder("@");
        for (String key : condition.field().keys()) {
            member.append(".\"").append(key).append('"');
        }
        Object value = condition.value();
        String type = value instanceof BigDecimal ? "number" : value instanceof Boolean ? "boolean" : "string";
        String literal = json(value).toString();
        String test = switch (condition.test()) {
            case STARTS_WITH -> " starts with ";
            case NE -> " != ";
            default -> " " + condition.test().sql() + " ";
        };
        // the type first: in a path, null differs from everything (null != 1 holds)
        return "strict $ ? (" + member + ".type() == \"" + type + "\" && " + member + test + literal + ")";
    }

    private static JsonValue json(Object value) {
        if (value instanceof BigDecimal number) {
            // plain digits: SQL/JSON paths read no exponent
            return JSON.createValue(new BigDecimal(number.toPlainString()));
        }
        if (value instanceof Boolean flag) {
            return flag ? JsonValue.TRUE : JsonValue.FALSE;
        }
        return JSON.createValue((String) value);
    }

    /** The condition as H2's htm_data_matches takes it. */
    static String encode(Criterion.Data condition) {
        JsonObjectBuilder object = JSON.createObjectBuilder()
                .add("message", condition.field().message().name())
                .add("keys", JSON.createArrayBuilder(condition.field().keys()))
                .add("test", condition.test().name());
        Object value = condition.value();
        if (value instanceof Instant time) {
            object.add("time", time.toString());
        } else if (value != null) {
            object.add("value", json(value));
        }
        return object.build().toString();
    }

    static Criterion.Data decode(String encoded) {
        JsonObject object = JSON.createReader(new StringReader(encoded)).readObject();
        List<String> keys = object.getJsonArray("keys").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
        JsonValue value = object.get("value");
        Object literal = object.containsKey("time")
                ? Instant.parse(object.getString("time"))
                : value == null
                        ? null
                        : switch (value.getValueType()) {
                            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
                            case STRING -> ((JsonString) value).getString();
                            case TRUE -> Boolean.TRUE;
                            case FALSE -> Boolean.FALSE;
                            default -> throw new IllegalArgumentException("no such value: " + value);
                        };
        return new Criterion.Data(
                new DataField(DataField.Message.valueOf(object.getString("message")), keys),
                DataTest.valueOf(object.getString("test")),
                literal);
    }
}
