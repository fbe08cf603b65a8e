package htm.schema.control;

import static htm.task.control.JsonApi.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;

import htm.worklist.control.Criterion;
import htm.worklist.control.DataField;
import htm.worklist.control.DataMatch;
import htm.worklist.control.DataSql;
import htm.worklist.control.DataTest;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.Assumptions;

/**
 * PostgreSQL's SQL for data conditions (DataSql over the jsonb copy, with SearchableData's functions) answers as
 * DataMatch does, which H2 calls: generated documents and conditions, each asked of the local PostgreSQL. Without
 * a PostgreSQL on 127.0.0.1:5432 the property is skipped.
 */
class SearchableDataProperties {

    private static final String SCHEMA = "htm_searchable_data_test";
    private static Connection connection;

    @BeforeContainer
    static void connect() throws SQLException {
        try {
            connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
        } catch (SQLException e) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
            statement.execute("create schema " + SCHEMA);
            statement.execute("set search_path = " + SCHEMA);
            for (String sql : SearchableData.POSTGRES_FUNCTIONS) {
                statement.execute(sql);
            }
        }
    }

    @AfterContainer
    static void disconnect() throws SQLException {
        if (connection != null) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("drop schema " + SCHEMA + " cascade");
            }
            connection.close();
        }
    }

    @Property(tries = 10000)
    void postgresAnswersAsDataMatch(
            @ForAll("documents") JsonValue document, @ForAll("conditions") Criterion.Data condition)
            throws SQLException {
        Assumptions.assumeTrue(connection != null, "no PostgreSQL on 127.0.0.1:5432");
        String text = document.toString();
        DataSql.Call call = DataSql.of(condition, true);
        List<Object> values = new ArrayList<>();
        String sql = "select "
                + call.sql("x.d", value -> {
                    values.add(value);
                    return "?";
                })
                + " from (select htm_jsonb(?) as d) x";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                query.setObject(i + 1, values.get(i));
            }
            query.setString(values.size() + 1, text);
            try (ResultSet answer = query.executeQuery()) {
                answer.next();
                assertEquals(DataMatch.test(text, condition), answer.getBoolean(1), sql + " " + values + " on " + text);
            }
        }
    }

    private static final List<String> KEYS = List.of("a", "b", "c");

    @Provide
    Arbitrary<JsonValue> documents() {
        return Arbitraries.recursive(this::scalars, this::containers, 0, 3);
    }

    private Arbitrary<JsonValue> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        JsonValue.NULL,
                        JsonValue.TRUE,
                        JsonValue.FALSE,
                        JSON.createValue(new BigDecimal("1.50")),
                        JSON.createValue(new BigDecimal("1e3"))),
                Arbitraries.integers().between(-3, 3).map(JSON::createValue),
                Arbitraries.of(TEXTS).map(JSON::createValue));
    }

    private Arbitrary<JsonValue> containers(Arbitrary<JsonValue> inner) {
        Arbitrary<JsonValue> objects = Combinators.combine(
                        Arbitraries.of(KEYS).list().uniqueElements().ofMaxSize(3),
                        inner.list().ofSize(3))
                .as((keys, values) -> {
                    JsonObjectBuilder object = JSON.createObjectBuilder();
                    for (int i = 0; i < keys.size(); i++) {
                        object.add(keys.get(i), values.get(i));
                    }
                    return object.build();
                });
        Arbitrary<JsonValue> arrays = inner.list().ofMaxSize(2).map(values -> {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            values.forEach(array::add);
            return array.build();
        });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, objects), net.jqwik.api.Tuple.of(1, arrays));
    }

    private static final List<String> TEXTS = List.of(
            "",
            "EU",
            "Ac",
            "Acme",
            "2",
            "true",
            "2026-12-01T12:00:00Z",
            "2026-12-01T13:00:00+01:00",
            "2026-12-01T12:00:00.5Z",
            "2026-12-01T12:00Z",
            "2026-02-30T12:00:00Z",
            "2026-12-01T12:00:00",
            "2026-12-01 12:00:00Z",
            "say \"hi\"",
            "back\\slash",
            "line\nbreak\ttab",
            "ünïcödé ©",
            "😀 emoji",
            "$.a ? (@ > 1)",
            "'quote'");

    @Provide
    Arbitrary<Criterion.Data> conditions() {
        Arbitrary<DataField> fields = Combinators.combine(
                        Arbitraries.of(DataField.Message.values()),
                        Arbitraries.of(KEYS).list().ofMinSize(1).ofMaxSize(2))
                .as(DataField::new);
        Arbitrary<Object> numbers =
                Arbitraries.of("-1", "0", "1", "1.5", "2", "1000", "3").map(BigDecimal::new);
        Arbitrary<Object> texts = Arbitraries.of(TEXTS).map(t -> t);
        Arbitrary<Object> booleans = Arbitraries.of(true, false);
        Arbitrary<Object> times = Arbitraries.of(
                Instant.parse("2026-12-01T12:00:00Z"),
                Instant.parse("2026-12-01T11:00:00Z"),
                Instant.parse("2026-12-01T12:00:00.500Z"));
        return Combinators.combine(
                        fields, Arbitraries.of(DataTest.values()), Arbitraries.oneOf(numbers, texts, booleans, times))
                .as((field, test, value) -> {
                    boolean nullTest = test == DataTest.IS_NULL || test == DataTest.IS_NOT_NULL;
                    try {
                        return DataMatch.condition(field, test, nullTest ? null : value);
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                })
                .filter(condition -> condition != null);
    }
}
