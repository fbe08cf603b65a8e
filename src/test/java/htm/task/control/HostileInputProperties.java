package htm.task.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import htm.deadline.control.EscalationRules;
import htm.problem.entity.HtmException;
import htm.routing.control.RouteRequests;
import htm.security.control.Caller;
import htm.security.control.Role;
import htm.worklist.control.TaskFilter;
import htm.worklist.control.TaskQuery;
import htm.worklist.control.WhereClause;
import htm.worklist.control.WorkItemQuery;
import htm.worklist.control.WorkListFilters;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated hostile input for every parser of what a caller sends: the JSON bodies, the where and order-by clauses
 * and every query parameter of the work list. Whatever comes, the answer is a value or a 400 with the HTM body —
 * never another exception (which would leave as a 500).
 */
class HostileInputProperties {

    private static final int TRIES = 10_000;
    private static final Caller ALICE = new Caller("alice", Set.of("reviewers"), Set.of(Role.APIWRITE));
    private static final Caller ADMIN = new Caller("admin", Set.of(), Set.of(Role.ADMIN));

    /** Runs the parse; a refusal must be a 400 of HTM's. */
    private static void onlyA400(Runnable parse) {
        try {
            parse.run();
        } catch (HtmException e) {
            assertEquals(400, e.status(), e.getMessage());
        }
    }

    // --- JSON bodies -------------------------------------------------------------------------------------------

    private static final List<String> TASK_FIELDS = List.of(
            "name",
            "displayName",
            "description",
            "namespace",
            "kind",
            "priority",
            "dueTime",
            "durationUntilDue",
            "durationUntilExpires",
            "durationUntilDeleted",
            "autoDeletionMode",
            "type",
            "applicationName",
            "containmentContextID",
            "isBusinessRelevant",
            "supportsClaimIfSuspended",
            "supportsDelegation",
            "supportsSubTasks",
            "supportsFollowOnTasks",
            "supportsAutomaticClaim",
            "potentialOwners",
            "excludedOwners",
            "administrators",
            "readers",
            "editors",
            "escalationReceivers",
            "customProperties",
            "input",
            "expirationTime",
            "participants",
            "users",
            "groups",
            "escalations",
            "after",
            "whenStillIn",
            "raisePriorityTo",
            "transferToGroup",
            "notification",
            "type",
            "");

    /** JSON values of every kind, some of them shaped like what HTM expects, nested a few levels. */
    private static Arbitrary<String> jsonValue(int depth) {
        List<Arbitrary<String>> leaves = List.of(
                Arbitraries.of(
                        "null",
                        "true",
                        "false",
                        "0",
                        "-1",
                        "999999",
                        "1000000",
                        "2147483648",
                        "1e308",
                        "-0.5",
                        "1E400",
                        "\"\"",
                        "\" \"",
                        "\"PT1S\"",
                        "\"P999997999Y\"",
                        "\"PT-1S\"",
                        "\"P1000Y\"",
                        "\"P1000Y1D\"",
                        "\"2026-12-03T10:00:00Z\"",
                        "\"+999999999-12-31T23:59:59Z\"",
                        "\"1969-12-31T23:59:59Z\"",
                        "\"HUMAN\"",
                        "\"AUTO_DELETE_NO\"",
                        "\"STATE_READY\"",
                        "\"\\u0000\"",
                        "\"\\ud800\"",
                        "\"me\""),
                Arbitraries.strings().ofMaxLength(40).map(HostileInputProperties::quoted),
                Arbitraries.strings().withCharRange('a', 'z').ofLength(300).map(HostileInputProperties::quoted),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(d -> d.isNaN() || d.isInfinite() ? "0" : String.valueOf(d)));
        Arbitrary<String> leaf = Arbitraries.oneOf(leaves);
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<String> array = jsonValue(depth - 1).list().ofMaxSize(4).map(v -> "[" + String.join(",", v) + "]");
        Arbitrary<String> object = member(depth - 1).list().ofMaxSize(5).map(m -> "{" + String.join(",", m) + "}");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, leaf), net.jqwik.api.Tuple.of(2, array), net.jqwik.api.Tuple.of(2, object));
    }

    private static Arbitrary<String> member(int depth) {
        Arbitrary<String> key = Arbitraries.oneOf(
                Arbitraries.of(TASK_FIELDS), Arbitraries.strings().ofMaxLength(12));
        return Combinators.combine(key, jsonValue(depth)).as((k, v) -> quoted(k) + ":" + v);
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('"').toString();
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> objects = member(2).list().ofMaxSize(8).map(m -> "{" + String.join(",", m) + "}");
        Arbitrary<String> deep = Arbitraries.integers()
                .between(900, 20_000)
                .map(n -> "{\"input\":" + "[".repeat(n) + "]".repeat(n) + ",\"name\":\"deep\"}");
        Arbitrary<String> broken = Arbitraries.oneOf(
                objects.map(o -> o.substring(0, o.length() / 2)),
                Arbitraries.strings().ofMaxLength(60),
                jsonValue(2),
                deep);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, objects), net.jqwik.api.Tuple.of(1, broken));
    }

    @Property(tries = TRIES)
    void aTaskBodyIsReadOrRefusedWith400(@ForAll("bodies") String body) {
        onlyA400(() -> {
            JsonObject object = JsonInput.object(body);
            onlyA400(() -> TaskDefinitions.read(object));
            onlyA400(() -> TaskDefinitions.update(object));
            onlyA400(() -> EscalationRules.chain(object.getOrDefault("escalations", JsonValue.NULL)));
            onlyA400(() -> RouteRequests.read(object));
        });
    }

    // --- where and order-by clauses ----------------------------------------------------------------------------

    private static final List<String> CLAUSE_TOKENS = new ArrayList<>(List.of(
            "AND",
            "OR",
            "NOT",
            "(",
            ")",
            "=",
            "<>",
            "<",
            ">",
            "<=",
            ">=",
            "IN",
            "LIKE",
            "IS",
            "NULL",
            ",",
            "'a'",
            "'it''s'",
            "''",
            "'",
            "5",
            "-3",
            "99999999999",
            "1.5",
            "TS('2026-12-03T10:00:00Z')",
            "TS('x')",
            "TS(",
            "TS('+99999-01-01T00:00:00Z')",
            "TRUE",
            "FALSE",
            "STATE_READY",
            "TASK.STATE.STATE_READY",
            "ASC",
            "DESC",
            "WORK_ITEM.REASON",
            "REASON_POTENTIAL_OWNER",
            "WORK_ITEM.OWNER_ID",
            "WORK_ITEM.GROUP_NAME",
            "TASK_CPROP.NAME",
            "TASK_CPROP.STRING_VALUE",
            "\u0000",
            "--",
            ";",
            "/*",
            "\"",
            "\\",
            "%",
            "_",
            "TASK.",
            "TASK.NOPE",
            "TASK.INPUT.amount",
            "TASK.OUTPUT.a.b",
            "TASK.INPUT.",
            "TASK.INPUT.0",
            "1.5",
            "1e400",
            "-2.5e-3"));

    static {
        CLAUSE_TOKENS.addAll(WhereClause.COLUMNS.keySet());
        CLAUSE_TOKENS.addAll(WhereClause.REASONS.keySet());
    }

    @Provide
    Arbitrary<String> clauses() {
        Arbitrary<String> tokens =
                Arbitraries.of(CLAUSE_TOKENS).list().ofMaxSize(25).map(t -> String.join(" ", t));
        Arbitrary<String> glued =
                Arbitraries.of(CLAUSE_TOKENS).list().ofMaxSize(12).map(t -> String.join("", t));
        Arbitrary<String> deep =
                Arbitraries.integers().between(1, 3000).map(n -> "(".repeat(n) + "TASK.PRIORITY = 1" + ")".repeat(n));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, tokens),
                net.jqwik.api.Tuple.of(2, glued),
                net.jqwik.api.Tuple.of(1, deep),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(80)));
    }

    @Property(tries = TRIES)
    void aClauseIsReadOrRefusedWith400AndWhatIsReadBecomesAQuery(
            @ForAll("clauses") String where, @ForAll("clauses") String orderBy) {
        onlyA400(() -> {
            TaskFilter filter = WorkListFilters.readClauses(
                    Map.of("whereClause", List.of(where), "orderByClause", List.of(orderBy)));
            queries(filter);
        });
    }

    // --- query parameters of GET /tasks ------------------------------------------------------------------------

    private static final List<String> PARAMETERS = List.of(
            "state",
            "kind",
            "owner",
            "originator",
            "potentialOwner",
            "group",
            "priority",
            "priorityMin",
            "priorityMax",
            "dueBefore",
            "dueAfter",
            "createdAfter",
            "name",
            "namePrefix",
            "isSuspended",
            "isEscalated",
            "parentTaskID",
            "customProperty.x",
            "customProperty.",
            "input.amount",
            "input.amount>",
            "input.amount>1000",
            "input.a.b<",
            "input.0",
            "input.a..b",
            "output.ok!",
            "input.",
            "orderBy",
            "offset",
            "size",
            "cursor",
            "total",
            "whereClause",
            "anything");

    @Provide
    Arbitrary<Map<String, List<String>>> queries() {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of(
                        "",
                        "me",
                        "STATE_READY",
                        "STATE_READY,STATE_CLAIMED",
                        "STATE_NOPE",
                        "HUMAN",
                        "0",
                        "-1",
                        "50",
                        "500",
                        "501",
                        "2147483648",
                        "true",
                        "false",
                        "yes",
                        "2026-12-03T10:00:00Z",
                        "10000-01-01T00:00:00Z",
                        "priority",
                        "-priority",
                        "priority,-dueTime,name",
                        "dueTime,dueTime",
                        "nope",
                        "eyJ4IjoxfQ",
                        "!!",
                        "a".repeat(300),
                        "\u0000",
                        "%00",
                        "\"quoted\"",
                        "\"unclosed",
                        "null",
                        "1e400",
                        "1.5",
                        "TASK.INPUT.amount > 1000 AND TASK.OUTPUT.ok = TRUE",
                        "TASK.INPUT.x LIKE 'a%' OR TASK.INPUT.x IN (1, 'b', TS('2026-12-01T00:00:00Z'))",
                        "TASK.INPUT.x > 'a'",
                        "TASK.INPUT.0 = 1"),
                Arbitraries.strings().ofMaxLength(30));
        Arbitrary<Map.Entry<String, List<String>>> entry = Combinators.combine(
                        Arbitraries.of(PARAMETERS), value.list().ofMinSize(1).ofMaxSize(3))
                .as(Map::entry);
        return entry.list().ofMaxSize(8).map(entries -> {
            Map<String, List<String>> query = new HashMap<>();
            entries.forEach(e -> query.put(e.getKey(), e.getValue()));
            return query;
        });
    }

    @Property(tries = TRIES)
    void everyQueryParameterIsReadOrRefusedWith400(@ForAll("queries") Map<String, List<String>> query) {
        onlyA400(() -> queries(WorkListFilters.read(query)));
    }

    /** A filter that was read must also become SQL for any caller, without failing. */
    private static void queries(TaskFilter filter) {
        for (Caller caller : List.of(ALICE, ADMIN)) {
            for (boolean postgres : List.of(false, true)) {
                TaskQuery query = new TaskQuery(filter, caller, postgres);
                query.select();
                query.count();
                if (WorkItemQuery.serves(filter, caller)) {
                    WorkItemQuery items = new WorkItemQuery(filter, caller, postgres);
                    items.select();
                    items.count();
                }
            }
        }
    }
}
