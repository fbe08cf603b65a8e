import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database goes away under load and comes back: while it is away every request answers 503 with the HTM body
 * and Retry-After (never a 500), /health/ready is DOWN; afterwards the server serves again without a restart, and
 * every task it said it created is there. Usage: java DatabaseOutage.java base-url stop-command start-command
 */
public class DatabaseOutage {

    private static final String AUTH =
            "Basic " + Base64.getEncoder().encodeToString("alice:alice".getBytes(StandardCharsets.UTF_8));
    private static final Pattern TKIID = Pattern.compile("\"tkiid\":\"([^\"]+)\"");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static final Map<Integer, AtomicInteger> STATUSES = new ConcurrentHashMap<>();
    private static final Map<Integer, AtomicInteger> DURING_OUTAGE = new ConcurrentHashMap<>();
    private static final ConcurrentLinkedQueue<String> CREATED = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<String> FAILURES = new ConcurrentLinkedQueue<>();
    private static final AtomicBoolean OUTAGE = new AtomicBoolean();
    private static final AtomicBoolean RUNNING = new AtomicBoolean(true);

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int worker = w;
            Thread thread = new Thread(() -> work(base, worker));
            thread.start();
            workers.add(thread);
        }
        Thread.sleep(8_000); // the load runs a while against a healthy database first
        run(args[1]);
        OUTAGE.set(true);
        long stopped = System.nanoTime();
        boolean sawDown = false;
        while (System.nanoTime() - stopped < Duration.ofSeconds(20).toNanos()) {
            sawDown |= get(base + "/health/ready").statusCode() == 503;
            Thread.sleep(1_000); // the outage lasts 20 s; readiness is sampled once a second meanwhile
        }
        OUTAGE.set(false);
        run(args[2]);
        long started = System.nanoTime();
        boolean ready = false;
        while (!ready && System.nanoTime() - started < Duration.ofSeconds(120).toNanos()) {
            Thread.sleep(500); // polls readiness, bounded by 120 s
            ready = get(base + "/health/ready").statusCode() == 200;
        }
        long recoveredAfter = Duration.ofNanos(System.nanoTime() - started).toMillis();
        int createdBefore = CREATED.size();
        Thread.sleep(5_000); // load after the recovery: tasks created now must be there too
        RUNNING.set(false);
        for (Thread thread : workers) {
            thread.join();
        }
        int lost = 0;
        for (String tkiid : CREATED) {
            if (send(HttpRequest.newBuilder(URI.create(base + "/rest/bpm/htm/v1/task/" + tkiid))
                                    .header("Authorization", AUTH)
                                    .GET())
                            .statusCode()
                    != 200) {
                lost++;
            }
        }
        System.out.println("database outage: all answers " + new TreeMap<>(STATUSES) + ", while the database was away "
                + new TreeMap<>(DURING_OUTAGE) + " (status: count); /health/ready DOWN seen: " + sawDown
                + "; ready again " + recoveredAfter + " ms after the database started; created after it: "
                + (CREATED.size() - createdBefore) + "; tasks answered 201 and not found afterwards: " + lost);
        List<String> problems = new ArrayList<>(FAILURES);
        if (!sawDown) {
            problems.add("/health/ready never went DOWN");
        }
        if (!ready) {
            problems.add("/health/ready did not come back UP");
        }
        if (CREATED.size() == createdBefore) {
            problems.add("nothing was created after the database came back");
        }
        if (DURING_OUTAGE.getOrDefault(503, new AtomicInteger()).get() == 0) {
            problems.add("no request answered 503 while the database was away");
        }
        if (lost > 0) {
            problems.add(lost + " tasks answered 201 are missing");
        }
        if (!problems.isEmpty()) {
            problems.stream().limit(10).forEach(p -> System.out.println("FAIL: " + p));
            System.exit(1);
        }
        System.out.println("database outage: all checks passed");
    }

    private static void work(String base, int worker) {
        for (int n = 0; RUNNING.get(); n++) {
            boolean away = OUTAGE.get();
            HttpResponse<String> reply;
            try {
                reply = HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + "/rest/bpm/htm/v1/task"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", AUTH)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"outage-" + worker + "-" + n
                                        + "\",\"potentialOwners\":{\"users\":[\"alice\"]}}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                FAILURES.add("no answer: " + e);
                continue;
            }
            int status = reply.statusCode();
            STATUSES.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            if (away) {
                DURING_OUTAGE.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            }
            if (status == 201) {
                Matcher tkiid = TKIID.matcher(reply.body());
                if (tkiid.find()) {
                    CREATED.add(tkiid.group(1));
                }
            } else if (status != 503
                    || !reply.body().contains("\"errorNumber\":\"HTM0503E\"")
                    || reply.headers().firstValue("Retry-After").isEmpty()) {
                FAILURES.add(
                        status + " " + reply.headers().firstValue("Retry-After").orElse("(no Retry-After)") + " "
                                + reply.body().lines().findFirst().orElse(""));
            } else {
                sleep(200); // a correct 503 while the database is away: back off briefly, then try again
            }
        }
    }

    private static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(String command) throws Exception {
        Process process = new ProcessBuilder("bash", "-c", command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("failed: " + command);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
