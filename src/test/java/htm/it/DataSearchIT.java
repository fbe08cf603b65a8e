package htm.it;

import static htm.it.Api.ADMIN;
import static htm.it.Api.ALICE;
import static htm.it.Api.BOB;
import static htm.it.Api.V1;
import static htm.it.ErrorsIT.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Work lists, where clauses and claimNext filtered by fields of the task's input and output, typed as the
 * literal says (on H2 through DataMatch, on PostgreSQL over the jsonb copy; the same tests run on both).
 */
class DataSearchIT extends HtmServer {

    private String p;
    private String a;
    private String b;
    private String c;
    private String d;

    /** Four tasks of a fresh name prefix: two orders, one with the right names but wrong types, one without input. */
    private void orders(Api alice) {
        p = "data" + UUID.randomUUID().toString().substring(0, 8) + "-";
        a = alice.create(task(p + "a", """
                {"orderId": 42, "amount": 1200.50, "region": "EU", "rush": true, "due": "2026-12-01T12:00:00Z",
                 "customer": {"name": "Acme Ltd", "tier": 2}, "code": "42"}"""));
        b = alice.create(task(p + "b", """
                {"orderId": 43, "amount": 999, "region": "US", "rush": false, "due": "2026-12-01T14:00:00+01:00",
                 "customer": {"name": "Bolt"}, "note": null}"""));
        c = alice.create(task(p + "c", """
                {"orderId": "44", "amount": "5000", "region": ["EU"], "due": "tomorrow"}"""));
        d = alice.create(task(p + "d", null));
    }

    @Test
    void workListParametersFilterByTheInputTypedAsTheLiteralSays() {
        try (Api alice = new Api(base, ALICE)) {
            orders(alice);
            assertEquals(List.of(a), ids(alice, "input.orderId=42"));
            assertEquals(List.of(a), ids(alice, "input.orderId=42.0"));
            assertEquals(List.of(c), ids(alice, "input.orderId=" + encode("\"44\"")));
            assertEquals(List.of(), ids(alice, "input.code=42"));
            assertEquals(List.of(a), ids(alice, "input.code=" + encode("\"42\"")));
            assertEquals(List.of(a), ids(alice, encode("input.amount>1000")));
            assertEquals(List.of(a, b), ids(alice, encode("input.amount>") + "=999"));
            assertEquals(List.of(b), ids(alice, encode("input.amount<") + "=999"));
            assertEquals(List.of(a), ids(alice, "input.region=EU"));
            assertEquals(List.of(b), ids(alice, "input.region!=EU"));
            assertEquals(List.of(a), ids(alice, "input.rush=true"));
            assertEquals(List.of(b), ids(alice, "input.rush=false"));
            assertEquals(List.of(b), ids(alice, "input.due=2026-12-01T13:00:00Z"), "the same instant");
            assertEquals(List.of(a), ids(alice, encode("input.due<2026-12-01T12:30:00Z")));
            assertEquals(List.of(b), ids(alice, "input.customer.name=Bolt"));
            assertEquals(List.of(a), ids(alice, encode("input.customer.tier>") + "=2"));
            assertEquals(List.of(c, d), ids(alice, "input.customer=null"));
            assertEquals(List.of(a, b), ids(alice, "input.customer!=null"));
            assertEquals(List.of(a, b, c, d), ids(alice, "input.note=null"), "missing or null");
            assertEquals(List.of(a), ids(alice, "input.region=EU&" + encode("input.amount>1000")));
            assertEquals(List.of(), ids(alice, "input.region=EU&input.region=US"));
        }
    }

    @Test
    void theOutputIsSearchedOnceGivenAndPagesAndTotalsHold() {
        try (Api alice = new Api(base, ALICE)) {
            orders(alice);
            assertEquals(200, alice.act(a, "claim").status());
            assertEquals(
                    200,
                    alice.put(V1 + "task/" + a + "?action=complete", "{\"approved\": true}")
                            .status());
            assertEquals(List.of(a), ids(alice, "output.approved=true"));
            assertEquals(List.of(b, c, d), ids(alice, "output.approved=null"));

            Api.Reply first = alice.get(V1 + "tasks?namePrefix=" + p + "&size=1&" + encode("input.orderId>") + "=42");
            assertEquals(2, first.json().getInt("total"), first.body());
            assertEquals(List.of(a), ids(first));
            Api.Reply second = alice.get(V1 + "tasks?namePrefix=" + p + "&size=1&" + encode("input.orderId>")
                    + "=42&after=" + first.json().getString("next"));
            assertEquals(List.of(b), ids(second));
        }
    }

    @Test
    void whereClausesNameTheInputAndOutputForAdminsAndUsersAlike() {
        try (Api alice = new Api(base, ALICE);
                Api admin = new Api(base, ADMIN)) {
            orders(alice);
            for (Api api : List.of(alice, admin)) {
                assertEquals(List.of(a), filter(api, "TASK.INPUT.amount > 1000"));
                assertEquals(List.of(a), filter(api, "TASK.INPUT.amount = 1200.5"));
                assertEquals(List.of(a), filter(api, "TASK.INPUT.amount >= 1.2005e3"));
                assertEquals(
                        List.of(b), filter(api, "TASK.INPUT.region IN ('EU', 'US') AND NOT TASK.INPUT.rush = TRUE"));
                assertEquals(List.of(a), filter(api, "TASK.INPUT.customer.name LIKE 'Ac%'"));
                assertEquals(List.of(b), filter(api, "TASK.INPUT.due >= TS('2026-12-01T13:00:00Z')"));
                assertEquals(List.of(c, d), filter(api, "TASK.INPUT.customer IS NULL"));
                assertEquals(List.of(a, c), filter(api, "TASK.INPUT.orderId = 42 OR TASK.INPUT.orderId = '44'"));
                assertEquals(List.of(b, c, d), filter(api, "NOT TASK.INPUT.region = 'EU'"));
                assertEquals(List.of(), filter(api, "TASK.OUTPUT.approved IS NOT NULL"));
            }
        }
    }

    @Test
    void claimNextTakesTheBestTaskWhoseDataMatches() {
        try (Api alice = new Api(base, ALICE);
                Api bob = new Api(base, BOB)) {
            orders(alice);
            Api.Reply claimed = bob.put(V1 + "task?action=claimNext&namePrefix=" + p + "&input.region=US");
            assertEquals(200, claimed.status(), claimed.body());
            assertEquals(b, claimed.json().getString("tkiid"));
            assertEquals(
                    204,
                    bob.put(V1 + "task?action=claimNext&namePrefix=" + p + "&input.region=US")
                            .status());
        }
    }

    @Test
    void aConditionThatCannotHoldIsA400ThatNamesIt() {
        try (Api alice = new Api(base, ALICE)) {
            String[] queries = {
                "input.0=1",
                "input.a..b=1",
                "input.=1",
                encode("input.amount<") + "=abc",
                "input.region=" + encode("\"unclosed"),
                encode("input.amount>null"),
                "input.amount=1e999",
                "input.a.b.c.d.e.f.g.h.i=1",
                "input.region",
                "input.x=" + "y".repeat(300)
            };
            for (String query : queries) {
                Api.Reply reply = alice.get(V1 + "tasks?" + query);
                assertError(reply, 400, "HTM0400E");
                assertTrue(reply.json().getString("errorMessage").contains("input."), query + ": " + reply.body());
            }
            StringBuilder many = new StringBuilder("namePrefix=x");
            for (int i = 0; i < 17; i++) {
                many.append("&input.k").append(i).append("=1");
            }
            assertError(alice.get(V1 + "tasks?" + many), 400, "HTM0400E");
            for (String where : new String[] {
                "TASK.INPUT.region > 'E'", "TASK.INPUT.rush < TRUE", "TASK.INPUT.0 = 1", "TASK.INPUT.x = NULL"
            }) {
                assertError(alice.get(V1 + "tasks/filter?whereClause=" + encode(where)), 400, "HTM0400E");
            }
        }
    }

    /** On PostgreSQL the database keeps a jsonb copy of each document, which the filters read. */
    @Test
    void onPostgresTheDocumentsAreKeptAsJsonb() throws Exception {
        Assumptions.assumeTrue(
                System.getProperty("it.db.url", "").startsWith("jdbc:postgresql"),
                "the jsonb copy is PostgreSQL's; H2 keeps none (it calls DataMatch)");
        try (Api alice = new Api(base, ALICE)) {
            orders(alice);
            assertEquals(
                    Set.of("jsonb|EU|1200.50"),
                    Database.rows(
                            "select pg_typeof(input_data), input_data->>'region', input_data->>'amount' from task"
                                    + " where tkiid = ?",
                            a));
            assertEquals(Set.of("t"), Database.rows("select input_data is null from task where tkiid = ?", d));
        }
    }

    private String task(String name, String input) {
        return "{\"name\": \"" + name + "\", \"potentialOwners\": {\"users\": [\"alice\"], \"groups\": [\"reviewers\"]}"
                + (input == null ? "" : ", \"input\": " + input) + "}";
    }

    private List<String> ids(Api api, String conditions) {
        Api.Reply reply = api.get(V1 + "tasks?size=100&namePrefix=" + p + "&" + conditions);
        assertEquals(200, reply.status(), conditions + ": " + reply.body());
        return ids(reply);
    }

    private List<String> filter(Api api, String where) {
        Api.Reply reply = api.get(
                V1 + "tasks/filter?size=100&whereClause=" + encode("TASK.NAME LIKE '" + p + "%' AND (" + where + ")"));
        assertEquals(200, reply.status(), where + ": " + reply.body());
        return ids(reply);
    }

    /** The page's tasks by name, as the tests name them (a, b, c, d). */
    private List<String> ids(Api.Reply reply) {
        List<String> ids = new ArrayList<>();
        for (JsonObject item : reply.json().getJsonArray("items").getValuesAs(JsonObject.class)) {
            ids.add(item.getString("tkiid"));
        }
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort((x, y) -> Integer.compare(order(x), order(y)));
        return sorted;
    }

    private int order(String tkiid) {
        return List.of(a, b, c, d).indexOf(tkiid);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
