import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks of two-servers, over HTTP against two HTM servers sharing one database. Exits non-zero on the
 * first broken promise. Arguments: URL of server A, URL of server B, process id of A, failover bound (seconds).
 */
public class TwoServers {

    static final String V1 = "/rest/bpm/htm/v1/";
    static final HttpClient HTTP =
            HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16)).build();
    static String a;
    static String b;

    public static void main(String[] args) throws Exception {
        a = args[0];
        b = args[1];
        concurrentClaimsHaveOneWinnerPerTask();
        claimNextNeverHandsOutATaskTwice();
        theDeadlineTimerFailsOverFromAKilledServer(Long.parseLong(args[2]), Integer.parseInt(args[3]));
        System.out.println("two servers, one database: all checks passed");
        System.exit(0);
    }

    static void concurrentClaimsHaveOneWinnerPerTask() throws Exception {
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tasks.add(create("{\"name\": \"race-" + i + "\", \"potentialOwners\": {\"users\": [\"alice\", \"bob\"]}}"));
        }
        String[][] claimants = {{a, "alice"}, {b, "bob"}, {b, "alice"}, {a, "bob"}};
        Map<String, List<String>> winners = new ConcurrentHashMap<>();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(40);
        List<Future<?>> claims = new ArrayList<>();
        for (String tkiid : tasks) {
            for (String[] claimant : claimants) {
                claims.add(pool.submit(() -> {
                    start.await();
                    HttpResponse<String> claimed =
                            send(claimant[0], claimant[1], "PUT", V1 + "task/" + tkiid + "?action=claim", "{}");
                    statuses.merge(claimed.statusCode(), 1, Integer::sum);
                    if (claimed.statusCode() == 200) {
                        winners.computeIfAbsent(tkiid, k -> new ArrayList<>()).add(claimant[1]);
                    } else {
                        check(
                                claimed.statusCode() == 409,
                                "a lost claim answers 409, not " + claimed.statusCode() + ": " + claimed.body());
                    }
                    return null;
                }));
            }
        }
        start.countDown();
        for (Future<?> claim : claims) {
            claim.get();
        }
        pool.shutdown();
        for (String tkiid : tasks) {
            List<String> won = winners.getOrDefault(tkiid, List.of());
            check(won.size() == 1, "task " + tkiid + " has one winner, not " + won);
            String owner =
                    field(send(b, "admin", "GET", V1 + "task/" + tkiid, null).body(), "owner");
            check(won.get(0).equals(owner), "the winner " + won + " owns task " + tkiid + ", not " + owner);
        }
        System.out.println("200 concurrent claims of 50 tasks on two servers: " + statuses
                + " (status: count), one winner per task");
    }

    static void claimNextNeverHandsOutATaskTwice() throws Exception {
        Set<String> offered = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            offered.add(create("{\"name\": \"queue-" + i + "\", \"potentialOwners\": {\"groups\": [\"reviewers\"]}}"));
        }
        String[][] workers = {{a, "alice"}, {b, "bob"}, {a, "bob"}, {b, "alice"}};
        List<String> handedOut = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(workers.length);
        List<Future<?>> runs = new ArrayList<>();
        for (String[] worker : workers) {
            runs.add(pool.submit(() -> {
                while (true) {
                    HttpResponse<String> next =
                            send(worker[0], worker[1], "PUT", V1 + "task?action=claimNext&group=reviewers", "{}");
                    if (next.statusCode() == 204) {
                        return null;
                    }
                    check(
                            next.statusCode() == 200,
                            "claimNext answers 200 or 204, not " + next.statusCode() + ": " + next.body());
                    handedOut.add(field(next.body(), "tkiid"));
                }
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();
        check(handedOut.size() == new HashSet<>(handedOut).size(), "no task handed out twice: " + handedOut);
        check(new HashSet<>(handedOut).equals(offered), "every offered task handed out once");
        System.out.println(
                "claimNext from four workers on two servers: " + handedOut.size() + " tasks handed out, none twice");
    }

    static void theDeadlineTimerFailsOverFromAKilledServer(long pidOfA, int boundSeconds) throws Exception {
        String tkiid = create("{\"name\": \"failover\", \"potentialOwners\": {\"users\": [\"alice\"]}}");
        HttpResponse<String> suspended =
                send(a, "alice", "PUT", V1 + "task/" + tkiid + "?action=suspend&duration=PT5S", "{}");
        check(suspended.statusCode() == 200, "suspended on A: " + suspended.body());
        ProcessHandle.of(pidOfA)
                .orElseThrow(() -> new IllegalStateException("no server A"))
                .destroyForcibly();
        long killed = System.nanoTime();
        System.out.println("server A killed (kill -9) with a suspension due in 5 s; waiting for server B");
        while (field(send(b, "alice", "GET", V1 + "task/" + tkiid, null).body(), "isSuspended")
                .equals("true")) {
            check(
                    System.nanoTime() - killed < boundSeconds * 1_000_000_000L,
                    "server B resumes the task within " + boundSeconds + " s");
            Thread.sleep(2000); // failover takes minutes (Liberty's minimum is 100 s): poll, bounded above
        }
        String history =
                send(b, "alice", "GET", V1 + "task/" + tkiid + "/history", null).body();
        check(
                history.matches("(?s).*\"action\":\"ACTION_RESUME\",[^}]*\"principal\":\"system\".*")
                        || history.matches("(?s).*\"principal\":\"system\"[^}]*\"action\":\"ACTION_RESUME\".*"),
                "the history says system resumed it: " + history);
        System.out.printf(
                "server B resumed the task %d s after server A died%n", (System.nanoTime() - killed) / 1_000_000_000L);
    }

    static String create(String body) throws Exception {
        HttpResponse<String> created = send(a, "alice", "POST", V1 + "task", body);
        check(created.statusCode() == 201, "task created: " + created.body());
        return field(created.body(), "tkiid");
    }

    static HttpResponse<String> send(String server, String user, String method, String path, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path))
                .timeout(Duration.ofSeconds(60))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json");
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of a top-level string or boolean field of a JSON object, enough for these checks. */
    static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\":(\"([^\"]*)\"|true|false|null)")
                .matcher(json);
        check(value.find(), "field " + name + " in " + json);
        return value.group(2) != null ? value.group(2) : value.group(1);
    }

    static void check(boolean promise, String what) {
        if (!promise) {
            System.err.println("FAILED: " + what);
            System.exit(1);
        }
    }
}
