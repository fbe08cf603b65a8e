package htm.it;

import static htm.it.Api.ALICE;
import static htm.it.Api.V1;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * 10,000 (it.hostile.cases) generated requests with hostile values in every query parameter of the task resource (actions, people,
 * suspension, creation, bulk), over HTTP: each answers below 500, and an error always with the HTM body.
 * The seed is printed and can be given again with -Dit.hostile.seed=….
 */
class HostileQueryParametersIT extends HtmServer {

    private static final int CASES = Integer.getInteger("it.hostile.cases", 10_000);
    private static final List<String> ACTIONS = List.of(
            "claim",
            "cancelClaim",
            "complete",
            "fail",
            "suspend",
            "resume",
            "terminate",
            "restart",
            "delegate",
            "transfer",
            "update",
            "suspendAndCancelClaim",
            "resolve",
            "forward",
            "escalate",
            "expire",
            "CLAIM",
            "",
            "claim;x",
            "../claim",
            "claim%00",
            "\u0000",
            "ACTION_CLAIM");
    private static final List<String> VALUES = List.of(
            "",
            " ",
            "alice",
            "bob",
            "nobody",
            "true",
            "false",
            "TRUE",
            "1",
            "PT1S",
            "PT0S",
            "-PT1S",
            "P999997999Y",
            "P1000Y",
            "2026-12-03T10:00:00Z",
            "+999999999-12-31T23:59:59Z",
            "1969-12-31T23:59:59Z",
            "10000-01-01T00:00:00Z",
            "createOnly",
            "subTask",
            "followOnTask",
            "x".repeat(300),
            "a,b,c",
            ",,,",
            "'; drop table task; --",
            "<script>",
            "\u202e",
            "%",
            "%zz",
            "\uD83D\uDE00",
            "null",
            "NaN",
            "-1",
            "2147483648",
            "reviewers",
            "admin");
    private static final List<String> PARAMETERS = List.of(
            "action",
            "toUser",
            "fromUser",
            "newUser",
            "toGroup",
            "fromGroup",
            "newGroup",
            "faultName",
            "duration",
            "deadline",
            "keepTaskData",
            "mode",
            "relation",
            "parentTaskID",
            "taskTemplateID",
            "taskIDs");

    @Test
    void everyQueryParameterAnswersBelow500WithTheErrorBody() throws Exception {
        long seed = Long.getLong("it.hostile.seed", System.nanoTime());
        Random random = new Random(seed);
        HttpClient http = HttpClient.newHttpClient();
        Map<Integer, Integer> statuses = new TreeMap<>();
        String tkiid = null;
        try (Api alice = new Api(base, ALICE)) {
            for (int n = 0; n < CASES; n++) {
                if (n % 40 == 0) {
                    tkiid = alice.create(
                            "{\"name\": \"hostile-" + n + "\", \"potentialOwners\": {\"users\": [\"alice\"]},"
                                    + " \"supportsSubTasks\": true, \"supportsDelegation\": true}");
                }
                String[] target = pick(
                        random,
                        List.of(
                                new String[] {"PUT", V1 + "task/" + tkiid},
                                        new String[] {
                                            "PUT",
                                            V1 + "task/" + tkiid + "/role/"
                                                    + pick(
                                                            random,
                                                            List.of(
                                                                    "potentialOwner",
                                                                    "owner",
                                                                    "reader",
                                                                    "nope",
                                                                    "excludedOwner"))
                                        },
                                new String[] {"PUT", V1 + "task"}, new String[] {"POST", V1 + "task"},
                                new String[] {"GET", V1 + "task/actions"},
                                        new String[] {"PUT", V1 + "task/" + tkiid + "/fault"}));
                StringBuilder query = new StringBuilder("?action=").append(encode(pick(random, ACTIONS)));
                for (int p = random.nextInt(4); p > 0; p--) {
                    String value = random.nextInt(5) == 0 ? randomText(random) : pick(random, VALUES);
                    query.append('&')
                            .append(pick(random, PARAMETERS))
                            .append('=')
                            .append(encode(value));
                }
                if (target[1].endsWith("/task/actions")) {
                    query.append("&taskIDs=").append(encode(tkiid + "," + pick(random, VALUES)));
                }
                String body = target[0].equals("GET")
                        ? null
                        : pick(
                                random,
                                List.of("{}", "{\"name\":\"x\"}", "", "{\"taskIDs\":[\"" + tkiid + "\"]}", "[]"));
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + target[1] + query))
                        .header("Authorization", Api.basic(ALICE, ALICE))
                        .header("Content-Type", "application/json");
                request = body == null
                        ? request.GET()
                        : request.method(target[0], HttpRequest.BodyPublishers.ofString(body));
                HttpResponse<String> reply = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                statuses.merge(reply.statusCode(), 1, Integer::sum);
                String what = "seed " + seed + ", case " + n + ": " + target[0] + " " + target[1] + query + " " + body
                        + " -> " + reply.statusCode() + " " + reply.body();
                assertTrue(reply.statusCode() < 500, what);
                if (reply.statusCode() >= 400) {
                    assertTrue(reply.body().contains("\"errorNumber\":\"HTM0"), what);
                    assertTrue(
                            reply.headers()
                                    .firstValue("Content-Type")
                                    .orElse("")
                                    .startsWith("application/json"),
                            what);
                }
            }
        }
        System.out.println("hostile query parameters: " + CASES + " requests, seed " + seed + ", statuses " + statuses);
    }

    private static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            text.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x20, 0x3000) : random.nextInt(0x20, 0x7f));
        }
        return text.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
