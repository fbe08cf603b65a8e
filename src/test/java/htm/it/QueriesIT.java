package htm.it;

import static htm.it.Api.ADMIN;
import static htm.it.Api.ALICE;
import static htm.it.Api.BOB;
import static htm.it.Api.CAROL;
import static htm.it.Api.DAVE;
import static htm.it.Api.V1;
import static htm.it.ErrorsIT.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Work-list filters, order and keyset paging, HTM where clauses, claimNext and bulk actions. */
class QueriesIT extends HtmServer {

    /** Each test's tasks carry a fresh name prefix, so that other tests' tasks never count. */
    private static String prefix() {
        return "q" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    @Test
    void filtersCombine() {
        String p = prefix();
        try (Api alice = new Api(base, ALICE)) {
            String a = alice.create(task(
                    p + "a", 1, "\"customProperties\": {\"region\": \"EU\"}, \"dueTime\": \"2030-01-01T00:00:00Z\""));
            String b = alice.create(
                    task(p + "b", 2, "\"customProperties\": {\"region\": \"US\"}, \"kind\": \"KIND_ORIGINATING\""));
            String c = alice.create(task(
                    p + "c", 3, "\"customProperties\": {\"region\": \"EU\"}, \"dueTime\": \"2040-01-01T00:00:00Z\""));
            String d = alice.post(V1 + "task?mode=createOnly", task(p + "d", 4, "\"priority\": 4"))
                    .json()
                    .getString("tkiid");
            alice.act(c, "suspend");

            assertEquals(List.of(a, b, c, d), ids(alice, "namePrefix=" + p));
            assertEquals(List.of(a, c), ids(alice, "namePrefix=" + p + "&customProperty.region=EU"));
            assertEquals(List.of(b, c), ids(alice, "namePrefix=" + p + "&priorityMin=2&priorityMax=3"));
            assertEquals(List.of(a), ids(alice, "namePrefix=" + p + "&dueBefore=2035-01-01T00:00:00Z"));
            assertEquals(List.of(c), ids(alice, "namePrefix=" + p + "&dueAfter=2035-01-01T00:00:00Z"));
            assertEquals(List.of(c), ids(alice, "namePrefix=" + p + "&isSuspended=true"));
            assertEquals(List.of(b), ids(alice, "namePrefix=" + p + "&kind=KIND_ORIGINATING"));
            assertEquals(List.of(d), ids(alice, "namePrefix=" + p + "&state=STATE_INACTIVE"));
            assertEquals(List.of(a, b, c), ids(alice, "namePrefix=" + p + "&state=STATE_READY&group=reviewers"));
            assertEquals(List.of(b), ids(alice, "name=" + p + "b&originator=alice"));
            assertEquals(List.of(), ids(alice, "namePrefix=" + p + "&isEscalated=true"));
            assertEquals(List.of(a), ids(alice, "namePrefix=" + p + "&priority=1"));
            assertEquals(List.of(), ids(alice, "namePrefix=" + p.replace("-", "_")), "_ is no wildcard");
        }
    }

    @Test
    void orderByAndKeysetPagingWalkEveryTaskOnce() {
        String p = prefix();
        try (Api alice = new Api(base, ALICE)) {
            List<String> created = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                created.add(alice.create(
                        task(p + i, i % 3, i % 2 == 0 ? "\"dueTime\": \"203" + i + "-01-01T00:00:00Z\"" : null)));
            }
            List<String> byOffset = ids(alice, "namePrefix=" + p + "&orderBy=dueTime,priority%20desc&size=500");
            assertEquals(7, byOffset.size());
            assertEquals(
                    List.of(created.get(0), created.get(2), created.get(4), created.get(6)),
                    byOffset.subList(0, 4),
                    "due times first, in order; tasks without one last");

            for (String order : List.of("dueTime,priority%20desc", "dueTime%20desc,name", "priority")) {
                List<String> offsetOrder = ids(alice, "namePrefix=" + p + "&orderBy=" + order + "&size=500");
                List<String> walked = new ArrayList<>();
                String query = V1 + "tasks?namePrefix=" + p + "&orderBy=" + order + "&size=2&count=false";
                String next = null;
                do {
                    JsonObject page = alice.get(query + (next == null ? "" : "&after=" + next))
                            .json();
                    page.getJsonArray("items")
                            .forEach(item -> walked.add(item.asJsonObject().getString("tkiid")));
                    next = page.isNull("next") ? null : page.getString("next");
                } while (next != null);
                assertEquals(offsetOrder, walked, order);
            }
            assertEquals(
                    created.get(1),
                    ids(alice, "namePrefix=" + p + "&orderBy=dueTime%20desc,name")
                            .get(0),
                    "going down, tasks without a due time come first");

            List<String> byName = ids(alice, "namePrefix=" + p + "&orderBy=name%20desc");
            assertEquals(created.get(6), byName.get(0));
            assertError(alice.get(V1 + "tasks?orderBy=owner"), 400, "HTM0400E");
            assertError(alice.get(V1 + "tasks?after=abc"), 400, "HTM0400E");
        }
    }

    @Test
    void whereClausesQuerySafely() {
        String p = prefix();
        try (Api alice = new Api(base, ALICE);
                Api carol = alice.as(CAROL);
                Api bob = alice.as(BOB)) {
            String urgent = alice.create(task(p + "urgent", 1, null));
            String later = alice.create(task(p + "later", 5, null));
            String readyForMe = "TASK.STATE = TASK.STATE.STATE_READY AND TASK.PRIORITY < 3 AND "
                    + "WORK_ITEM.REASON = WORK_ITEM.REASON.REASON_POTENTIAL_OWNER AND TASK.NAME LIKE '" + p + "%'";
            assertEquals(List.of(urgent), filter(bob, readyForMe, null));
            assertEquals(List.of(later, urgent), filter(alice, "TASK.NAME LIKE '" + p + "%'", "TASK.PRIORITY DESC"));
            assertEquals(
                    List.of(),
                    filter(carol, "TASK.NAME LIKE '" + p + "%' OR TASK.PRIORITY >= 0", null).stream()
                            .filter(id -> id.equals(urgent) || id.equals(later))
                            .toList(),
                    "a clause never widens what one sees");

            Api.Reply injection =
                    alice.get(V1 + "tasks/filter?whereClause=" + encode("TASK.NAME = 'x' OR 1=1; DELETE FROM task"));
            assertError(injection, 400, "HTM0400E");
            assertTrue(injection.json().getString("errorMessage").contains("position 23"), injection.body());
            assertError(alice.get(V1 + "tasks/filter?whereClause=" + encode("TASK.SALARY > 3")), 400, "HTM0400E");
            assertError(
                    alice.get(V1 + "tasks/filter?whereClause=" + encode("TASK.NAME = 'x'") + "&orderByClause="
                            + encode("TASK.PRIORITY; DROP TABLE task")),
                    400,
                    "HTM0400E");
            assertEquals(2, alice.task(urgent).getInt("priority") + 1, "the task table is still there");
        }
    }

    @Test
    void claimNextGivesTheBestTaskAndNothingWhenNoneIsLeft() {
        String p = prefix();
        try (Api alice = new Api(base, ALICE);
                Api dave = alice.as(DAVE)) {
            String second = alice.create(task(p + "second", 2, "\"potentialOwners\": {\"users\": [\"dave\"]}"));
            String first = alice.create(task(p + "first", 1, "\"potentialOwners\": {\"users\": [\"dave\"]}"));
            alice.create(task(
                    p + "not-for-dave",
                    0,
                    "\"potentialOwners\": {\"users\": [\"alice\"]}, " + "\"excludedOwners\": {\"users\": [\"dave\"]}"));
            String claimNext = V1 + "task?action=claimNext&namePrefix=" + p;
            JsonObject claimed = dave.put(claimNext).json();
            assertEquals(first, claimed.getString("tkiid"));
            assertEquals(DAVE, claimed.getString("owner"));
            assertEquals(second, dave.put(claimNext).json().getString("tkiid"));
            assertEquals(204, dave.put(claimNext).status());
            assertError(dave.put(V1 + "task?action=claimNext&priority=high"), 400, "HTM0400E");
        }
    }

    @Test
    void concurrentClaimNextCallersNeverGetTheSameTask() throws Exception {
        String p = prefix();
        int tasks = 40;
        try (Api alice = new Api(base, ALICE)) {
            for (int i = 0; i < tasks; i++) {
                alice.create(task(p + i, i % 5, null));
            }
        }
        Map<String, String> claimedBy = new ConcurrentHashMap<>();
        List<Integer> otherStatuses = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> workers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                String user = w % 2 == 0 ? ALICE : BOB;
                workers.add(pool.submit(() -> {
                    int duplicates = 0;
                    try (Api api = new Api(base, user)) {
                        for (int call = 0; call < tasks; call++) {
                            Api.Reply reply = api.put(V1 + "task?action=claimNext&namePrefix=" + p);
                            if (reply.status() == 204) {
                                break;
                            }
                            if (reply.status() != 200) {
                                otherStatuses.add(reply.status());
                                continue;
                            }
                            if (claimedBy.putIfAbsent(reply.json().getString("tkiid"), user) != null) {
                                duplicates++;
                            }
                        }
                    }
                    return duplicates;
                }));
            }
            int duplicates = 0;
            for (Future<Integer> worker : workers) {
                duplicates += worker.get(120, TimeUnit.SECONDS);
            }
            assertEquals(0, duplicates);
            assertEquals(List.of(), otherStatuses, "never a 409 or 500");
            assertEquals(tasks, claimedBy.size(), "every task claimed once");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void bulkActionsReportEachFailureAndKeepEverySuccess() {
        String p = prefix();
        try (Api alice = new Api(base, ALICE);
                Api admin = alice.as(ADMIN)) {
            String one = alice.create(task(p + "1", 3, null));
            String two = alice.create(task(p + "2", 3, null));
            JsonObject claimed = alice.put(
                            V1 + "task?action=claim",
                            "{\"taskIDs\": [\"" + one + "\", \"no-such-task\", \"" + two + "\"]}")
                    .json();
            assertEquals(1, claimed.getJsonArray("failedOperations").size());
            JsonObject failure = claimed.getJsonArray("failedOperations").getJsonObject(0);
            assertEquals("no-such-task", failure.getString("tkiid"));
            assertEquals("HTM0404E", failure.getString("errorNumber"));
            assertEquals("STATE_CLAIMED", alice.task(one).getString("state"));
            assertEquals("STATE_CLAIMED", alice.task(two).getString("state"));

            JsonObject again = alice.put(V1 + "task?action=claim", "{\"taskIDs\": [\"" + one + "\"]}")
                    .json();
            assertEquals(
                    "HTM0409E",
                    again.getJsonArray("failedOperations").getJsonObject(0).getString("errorNumber"));

            Api.Reply updated = alice.put(
                    V1 + "task?action=update", "{\"taskIDs\": [\"" + one + "\", \"" + two + "\"], \"priority\": 0}");
            assertEquals(0, updated.json().getJsonArray("failedOperations").size(), updated.body());
            assertEquals(0, alice.task(two).getInt("priority"));
            assertEquals(
                    0,
                    alice.put(
                                    V1 + "task?action=complete",
                                    "{\"taskIDs\": [\"" + one + "\", \"" + two + "\"], \"output\": {\"bulk\": true}}")
                            .json()
                            .getJsonArray("failedOperations")
                            .size());
            assertTrue(alice.get(V1 + "task/" + two + "/output").json().getBoolean("bulk"));

            StringBuilder many = new StringBuilder("{\"taskIDs\": [");
            for (int i = 0; i < 501; i++) {
                many.append(i == 0 ? "" : ",").append("\"t").append(i).append('"');
            }
            assertError(
                    admin.put(V1 + "task?action=terminate", many.append("]}").toString()), 400, "HTM0400E");
            assertError(admin.put(V1 + "task?action=terminate", "{\"taskIDs\": []}"), 400, "HTM0400E");
            assertError(admin.put(V1 + "task?action=fly", "{\"taskIDs\": [\"" + one + "\"]}"), 400, "HTM0400E");
        }
    }

    private static String task(String name, int priority, String more) {
        return "{\"name\": \"" + name + "\", \"priority\": " + priority
                + ", \"potentialOwners\": {\"users\": [\"alice\"], \"groups\": [\"reviewers\"]}"
                + (more == null ? "" : ", " + more) + "}";
    }

    private static List<String> ids(Api api, String query) {
        Api.Reply reply = api.get(V1 + "tasks?" + query);
        assertEquals(200, reply.status(), reply.body());
        List<String> ids = new ArrayList<>();
        reply.json()
                .getJsonArray("items")
                .forEach(item -> ids.add(item.asJsonObject().getString("tkiid")));
        return ids;
    }

    private static List<String> filter(Api api, String where, String orderBy) {
        Api.Reply reply = api.get(V1 + "tasks/filter?size=500&whereClause=" + encode(where)
                + (orderBy == null ? "" : "&orderByClause=" + encode(orderBy)));
        assertEquals(200, reply.status(), reply.body());
        List<String> ids = new ArrayList<>();
        reply.json()
                .getJsonArray("items")
                .forEach(item -> ids.add(item.asJsonObject().getString("tkiid")));
        return ids;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
