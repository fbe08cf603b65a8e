package htm.it;

import static htm.it.Api.ADMIN;
import static htm.it.Api.V1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.client.Entity;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The work lists come from the work-item index; this proves it never drifts from the tasks themselves. Random
 * tasks with random people go through a random sequence of every kind of change, and after each step every
 * user's lists — what they may claim, what they own, and everything they may see — equal an answer worked out by
 * brute force from each task as GET reads it (its owner, originator, starter, delegate and people). The same
 * holds for the other copy a task keeps of itself: the people and properties in its row equal its tables.
 */
class WorkItemIndexIT extends HtmServer {

    private static final List<String> USERS = List.of("alice", "bob", "carol", "dave");
    private static final Map<String, Set<String>> GROUPS = Map.of(
            "alice", Set.of("reviewers"), "bob", Set.of("reviewers"), "carol", Set.of("managers"), "dave", Set.of());
    private static final List<String> ALL_GROUPS = List.of("reviewers", "managers", "auditors");
    private static final List<String> LIST_ROLES =
            List.of("potentialOwner", "excludedOwner", "administrator", "editor", "reader", "escalationReceiver");
    private static final List<String> PROPERTIES = List.of("p1", "p2", "p3");
    private static final int STEPS = 70;

    private final long seed = Long.getLong("it.drift.seed", System.nanoTime());
    private final Random random = new Random(seed);
    private final String run = "drift" + Long.toHexString(seed & 0xffffff) + "-";
    private final List<String> tasks = new ArrayList<>();

    @Test
    void everyUsersListsEqualTheBruteForceAnswerAfterEveryStep() throws Exception {
        try (Api admin = new Api(base, ADMIN)) {
            for (int i = 0; i < 6; i++) {
                tasks.add(admin.create(newTask(i)));
            }
            for (int step = 0; step < STEPS; step++) {
                String action = act(admin, step);
                check(admin, "step " + step + " (" + action + "), seed " + seed);
            }
        }
    }

    private String newTask(int i) {
        return "{\"name\": \"" + run + i + "\", \"priority\": " + random.nextInt(4) + ", \"potentialOwners\": "
                + people() + ", \"excludedOwners\": " + (random.nextInt(4) == 0 ? people() : "{}")
                + ", \"readers\": " + (random.nextInt(3) == 0 ? people() : "{}") + "}";
    }

    private String people() {
        List<String> users = USERS.stream().filter(u -> random.nextInt(3) == 0).toList();
        List<String> groups =
                ALL_GROUPS.stream().filter(g -> random.nextInt(3) == 0).toList();
        return "{\"users\": [" + quoted(users) + "], \"groups\": [" + quoted(groups) + "]}";
    }

    private static String quoted(List<String> names) {
        return names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
    }

    private String any(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** One random change, by whoever may make it; an answer that refuses it changes nothing, which is checked too. */
    private String act(Api admin, int step) throws InterruptedException {
        String task = any(tasks);
        String user = any(USERS);
        String at = V1 + "task/" + task;
        int kind = random.nextInt(21);
        switch (kind) {
            case 0, 1 -> {
                try (Api claimant = admin.as(user)) {
                    claimant.act(task, "claim");
                }
            }
            case 2 -> admin.act(task, "cancelClaim");
            case 3 -> admin.put(at + "/role/owner?action=transfer&toUser=" + user);
            case 4 -> admin.act(task, "delegate&toUser=" + user);
            case 5 -> admin.act(task, "resolve");
            case 6 -> admin.act(task, random.nextBoolean() ? "suspend" : "suspendAndCancelClaim");
            case 7 -> admin.act(task, "resume");
            case 8 -> admin.act(task, "terminate");
            case 9 -> admin.act(task, "restart");
            case 10 ->
                admin.put(at + "/role/" + any(LIST_ROLES) + "?action=assign&"
                        + (random.nextBoolean() ? "newUser=" + user : "newGroup=" + any(ALL_GROUPS)));
            case 11 ->
                admin.put(at + "/role/potentialOwner?action=transfer&fromUser=" + user + "&toGroup=" + any(ALL_GROUPS));
            case 12 ->
                admin.put(
                        at + "?action=update",
                        "{\"priority\": " + random.nextInt(4) + ", \"name\": \""
                                + run + "u" + step + "\", \"dueTime\": \""
                                + Instant.now().plusSeconds(3600) + "\", "
                                + "\"customProperties\": {\"" + any(PROPERTIES) + "\": "
                                + (random.nextBoolean() ? "null" : "\"v\\\"" + step + "\"") + "}}");
            case 13 -> {
                Api.Reply sub = admin.post(
                        V1 + "task?relation=subTask&parentTaskID=" + task,
                        "{\"name\": \"" + run + "s" + step + "\", \"potentialOwners\": " + people() + "}");
                if (sub.status() == 201) {
                    tasks.add(sub.json().getString("tkiid"));
                }
            }
            case 14 -> {
                Api.Reply routed = admin.put(
                        at + "?action=route",
                        "{\"routingType\": \"Simple\", \"participants\": " + "{\"users\": [\"" + user + "\"]}}");
                if (routed.status() == 200) {
                    admin.get(at + "/subtasks").json().getJsonArray("items").stream()
                            .map(item -> item.asJsonObject().getString("tkiid"))
                            .filter(id -> !tasks.contains(id))
                            .forEach(tasks::add);
                }
            }
            case 15 -> {
                Api.Reply updated = admin.put(
                        at + "?action=update",
                        "{\"expirationTime\": \"" + Instant.now().plusSeconds(1) + "\"}");
                if (updated.status() == 200
                        && Set.of("STATE_READY", "STATE_CLAIMED")
                                .contains(updated.json().getString("state"))) {
                    awaitServer(() -> admin.task(task).getString("state"), "STATE_EXPIRED"::equals);
                }
            }
            case 16 -> admin.put(at + "?action=complete", "{\"done\": true}");
            case 17 -> tasks.add(admin.create(newTask(100 + step)));
            case 18 -> admin.put(at + "/role/excludedOwner?action=assign&newUser=" + user);
            case 19 -> {
                var property = admin.request(at + "/binaryCustomProperty/" + any(PROPERTIES));
                String type = random.nextBoolean() ? "image/png" : "text/plain";
                Api.Reply.of(
                        random.nextBoolean()
                                ? property.delete()
                                : property.put(Entity.entity(new byte[] {(byte) step}, type)));
            }
            default -> admin.act(task, "start");
        }
        return kind + " on " + task;
    }

    private void check(Api admin, String when) throws SQLException {
        Map<String, JsonObject> read = new HashMap<>();
        Map<String, Map<String, Set<String>>> people = new HashMap<>();
        for (String tkiid : tasks) {
            Api.Reply reply = admin.get(V1 + "task/" + tkiid);
            if (reply.status() == 404) {
                continue;
            }
            read.put(tkiid, reply.json());
            assertReadCopy(tkiid, reply.json(), when);
            Map<String, Set<String>> named = new HashMap<>();
            for (String role : LIST_ROLES) {
                JsonObject lists =
                        admin.get(V1 + "task/" + tkiid + "/role/" + role).json();
                named.put(role + ".users", strings(lists, "users"));
                named.put(role + ".groups", strings(lists, "groups"));
            }
            people.put(tkiid, named);
        }
        List<String> order =
                tkiids(admin.get(V1 + "tasks?namePrefix=" + run + "&size=500").json());
        assertEquals(read.keySet(), Set.copyOf(order), when + ": the whole list, read from the tasks");
        for (String user : USERS) {
            try (Api api = admin.as(user)) {
                Set<String> groups = GROUPS.get(user);
                Set<String> claimable = read.keySet().stream()
                        .filter(t -> names(people.get(t), "potentialOwner", user, groups)
                                && !names(people.get(t), "excludedOwner", user, groups))
                        .collect(Collectors.toCollection(TreeSet::new));
                Set<String> visible = read.keySet().stream()
                        .filter(t -> sees(read.get(t), people.get(t), user, groups))
                        .collect(Collectors.toCollection(TreeSet::new));
                assertList(api, "potentialOwner=me&", claimable, order, when + ", " + user + " may claim");
                assertList(api, "", visible, order, when + ", " + user + " sees");
                Set<String> owned = read.keySet().stream()
                        .filter(t -> read.get(t).get("owner") instanceof JsonString owner
                                && owner.getString().equals(user))
                        .collect(Collectors.toSet());
                assertList(api, "owner=" + user + "&", owned, order, when + ", " + user + " owns");
            }
        }
    }

    /**
     * The copy of the task's people and properties in its row, which GET and the lists read, says what the tables
     * that queries filter on say; GET shows the properties of the tables.
     */
    private static void assertReadCopy(String tkiid, JsonObject read, String when) throws SQLException {
        String text = Database.rows("select read_copy from task where tkiid = ?", tkiid)
                .iterator()
                .next();
        JsonObject copy;
        try (var reader = Json.createReader(new StringReader(text))) {
            copy = reader.readObject();
        }
        Set<String> people = copy.getJsonArray("p").getValuesAs(JsonArray.class).stream()
                .map(a -> a.getString(0) + "|" + a.getBoolean(1) + "|" + a.getString(2))
                .collect(Collectors.toSet());
        Set<String> table = Database.rows(
                "select people_role, case when is_group then 'true' else 'false' end, "
                        + "principal from task_people where task_id = ?",
                tkiid);
        assertEquals(table, people, when + ": the people of " + tkiid + " in its read copy");
        Set<String> custom =
                Database.rows("select prop_name, prop_value from task_custom_property where task_id = ?", tkiid);
        assertEquals(custom, entries(copy.getJsonObject("c")), when + ": the custom properties in the copy");
        assertEquals(custom, entries(read.getJsonObject("customProperties")), when + ": GET's custom properties");
        Set<String> binary = Database.rows(
                "select prop_name, media_type from task_binary_property_meta " + "where task_id = ?", tkiid);
        assertEquals(binary, entries(copy.getJsonObject("b")), when + ": the binary properties in the copy");
        assertEquals(
                binary,
                entries(read.getJsonObject("binaryCustomPropertiesMetadata")),
                when + ": GET's binary properties");
    }

    private static Set<String> entries(JsonObject object) {
        return object.entrySet().stream()
                .map(e -> e.getKey() + "|" + ((JsonString) e.getValue()).getString())
                .collect(Collectors.toSet());
    }

    /** The list as the caller reads it equals the expected tasks, in the order of the whole list (read as admin). */
    private void assertList(Api api, String filter, Set<String> expected, List<String> order, String what) {
        JsonObject page = api.get(V1 + "tasks?" + filter + "namePrefix=" + run + "&size=500")
                .json();
        assertEquals(order.stream().filter(expected::contains).toList(), tkiids(page), what);
        assertEquals(expected.size(), page.getInt("total"), what + ": total");
    }

    private static List<String> tkiids(JsonObject page) {
        return page.getJsonArray("items").stream()
                .map(item -> item.asJsonObject().getString("tkiid"))
                .toList();
    }

    private static boolean sees(JsonObject task, Map<String, Set<String>> people, String user, Set<String> groups) {
        return List.of("owner", "originator", "starter", "delegate").stream()
                        .anyMatch(field -> task.get(field) instanceof JsonString s
                                && s.getString().equals(user))
                || LIST_ROLES.stream().anyMatch(role -> names(people, role, user, groups));
    }

    private static boolean names(Map<String, Set<String>> people, String role, String user, Set<String> groups) {
        return people.get(role + ".users").contains(user)
                || people.get(role + ".groups").stream().anyMatch(groups::contains);
    }

    private static Set<String> strings(JsonObject lists, String field) {
        return lists.getJsonArray(field).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .collect(Collectors.toSet());
    }
}
