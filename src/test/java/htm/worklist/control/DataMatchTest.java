package htm.worklist.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataMatchTest {

    private static final String ORDER = """
            {"orderId": 42, "amount": 1200.50, "region": "EU", "code": "42", "rush": true, "note": null,
             "due": "2026-12-01T13:00:00+01:00", "customer": {"name": "Acme Ltd", "tier": 2}, "tags": ["a", "b"],
             "count": 1e3}""";

    @ParameterizedTest(name = "{0} {1} {2} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            orderId        | EQ          | 42                     | true
            orderId        | EQ          | 42.000                 | true
            orderId        | EQ          | 43                     | false
            orderId        | NE          | 43                     | true
            amount         | GT          | 1000                   | true
            amount         | LE          | 1200.5                 | true
            amount         | LT          | 1200.5                 | false
            count          | EQ          | 1000                   | true
            code           | EQ          | 42                     | false
            code           | EQ          | "42"                   | true
            orderId        | EQ          | "42"                   | false
            region         | EQ          | EU                     | true
            region         | NE          | EU                     | false
            region         | NE          | US                     | true
            region         | GT          | 5                      | false
            rush           | EQ          | true                   | true
            rush           | NE          | true                   | false
            rush           | EQ          | "true"                 | false
            due            | EQ          | 2026-12-01T12:00:00Z   | true
            due            | GT          | 2026-12-01T11:59:59Z   | true
            due            | LT          | 2026-12-01T11:59:59Z   | false
            region         | GT          | 2026-12-01T11:59:59Z   | false
            customer.name  | STARTS_WITH | Acme                   | true
            customer.name  | STARTS_WITH | acme                   | false
            customer.tier  | GE          | 2                      | true
            customer       | EQ          | 2                      | false
            tags           | EQ          | a                      | false
            missing        | NE          | 1                      | false
            missing.deeper | EQ          | 1                      | false
            note           | IS_NULL     |                        | true
            missing        | IS_NULL     |                        | true
            region         | IS_NULL     |                        | false
            region         | IS_NOT_NULL |                        | true
            note           | IS_NOT_NULL |                        | false
            customer       | IS_NOT_NULL |                        | true
            """)
    void aMemberPassesWhenItHoldsTheLiteralsTypeAndCompares(String keys, DataTest test, String value, boolean holds) {
        Object literal = value == null ? null : test == DataTest.STARTS_WITH ? value : DataMatch.literal(value);
        Criterion.Data condition =
                DataMatch.condition(new DataField(DataField.Message.INPUT, List.of(keys.split("\\."))), test, literal);
        assertEquals(holds, DataMatch.test(ORDER, condition));
        assertEquals(holds, DataMatch.matches(ORDER, DataSql.encode(condition)), "as H2 calls it");
    }

    @Test
    void aTaskWithoutTheDocumentPassesOnlyIsNull() {
        DataField field = new DataField(DataField.Message.OUTPUT, List.of("approved"));
        assertEquals(false, DataMatch.test(null, DataMatch.condition(field, DataTest.EQ, true)));
        assertEquals(false, DataMatch.test(null, DataMatch.condition(field, DataTest.NE, true)));
        assertEquals(true, DataMatch.test(null, DataMatch.condition(field, DataTest.IS_NULL, null)));
        assertEquals(false, DataMatch.test("[1, 2]", DataMatch.condition(field, DataTest.EQ, true)));
    }

    @Test
    void literalsAreTypedByTheirForm() {
        assertEquals(new BigDecimal("42"), DataMatch.literal("42"));
        assertEquals(new BigDecimal("-1.5E+3"), DataMatch.literal("-1.5e3"));
        assertEquals(Boolean.TRUE, DataMatch.literal("true"));
        assertEquals(null, DataMatch.literal("null"));
        assertEquals(Instant.parse("2026-12-01T12:00:00Z"), DataMatch.literal("2026-12-01T12:00:00Z"));
        assertEquals("42", DataMatch.literal("\"42\""));
        assertEquals("say \"hi\"", DataMatch.literal("\"say \\\"hi\\\"\""));
        assertEquals("EU", DataMatch.literal("EU"));
        assertEquals("042", DataMatch.literal("042"), "not a JSON number");
        assertThrows(IllegalArgumentException.class, () -> DataMatch.literal("\"unclosed"));
    }

    @ParameterizedTest
    @CsvSource({
        "2026-12-01T12:00:00Z, true",
        "2026-12-01T12:00Z, true",
        "2026-12-01T12:00:00.123456+14:00, true",
        "2026-12-01T12:00:00.1234567Z, false",
        "2026-12-01T12:00:00, false",
        "2026-12-01 12:00:00Z, false",
        "2026-02-30T12:00:00Z, false",
        "2026-12-01T24:00:00Z, false",
        "0999-12-01T12:00:00Z, false",
        "2026-12-01T12:00:00+15:00, false",
        "2026-12-01T12:00:00z, false"
    })
    void aTimeIsAnIsoDateAndTimeWithAnOffset(String text, boolean isTime) {
        assertEquals(isTime, DataMatch.time(text).isPresent());
    }

    @Test
    void eachTypeComparesOnlyAsItCan() {
        DataField field = new DataField(DataField.Message.INPUT, List.of("x"));
        assertThrows(IllegalArgumentException.class, () -> DataMatch.condition(field, DataTest.GT, "EU"));
        assertThrows(IllegalArgumentException.class, () -> DataMatch.condition(field, DataTest.LT, true));
        assertThrows(
                IllegalArgumentException.class,
                () -> DataMatch.condition(field, DataTest.STARTS_WITH, new BigDecimal("1")));
        assertThrows(IllegalArgumentException.class, () -> DataMatch.condition(field, DataTest.EQ, null));
        assertThrows(IllegalArgumentException.class, () -> DataMatch.condition(field, DataTest.IS_NULL, "x"));
        assertThrows(
                IllegalArgumentException.class, () -> DataMatch.condition(field, DataTest.EQ, new BigDecimal("1e99")));
        assertThrows(IllegalArgumentException.class, () -> DataMatch.condition(field, DataTest.EQ, "a\0b"));
        assertThrows(IllegalArgumentException.class, () -> DataMatch.condition(field, DataTest.EQ, "\ud800"));
        assertThrows(IllegalArgumentException.class, () -> DataMatch.condition(field, DataTest.EQ, "x".repeat(256)));
    }

    @Test
    void fieldsAreNamesOfMembers() {
        assertEquals(
                Optional.of(new DataField(DataField.Message.INPUT, List.of("order", "amount"))),
                DataField.parse("TASK.INPUT.order.amount", "TASK."));
        assertEquals(
                Optional.of(new DataField(DataField.Message.OUTPUT, List.of("ok"))), DataField.parse("output.ok", ""));
        assertEquals(Optional.empty(), DataField.parse("TASK.NAME", "TASK."));
        assertThrows(IllegalArgumentException.class, () -> DataField.parse("input.0", ""));
        assertThrows(IllegalArgumentException.class, () -> DataField.parse("input.a..b", ""));
        assertThrows(IllegalArgumentException.class, () -> DataField.parse("input.", ""));
        assertThrows(IllegalArgumentException.class, () -> DataField.parse("input.a.b.c.d.e.f.g.h.i", ""));
    }
}
