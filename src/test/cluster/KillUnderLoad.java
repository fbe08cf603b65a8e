import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two servers on one database, 8 clients creating, claiming and completing tasks on either for 60 s; server A is
 * killed with kill -9 after 20 s and started again. Afterwards, from the tasks and their histories: every request
 * answered 2xx took effect exactly once, no request answered with an error left a change, no task was claimed or
 * completed twice, and the counts add up. A request whose answer was lost with the server may have taken effect
 * or not, but at most once. A webhook subscription hears every claim and completion that took effect, in order per
 * task, each once, but for those a killed server had in flight (at most its htm.webhook.concurrency). Usage: java KillUnderLoad.java url-A url-B pid-file-of-A start-command-of-A
 */
public class KillUnderLoad {

    private static final String V1 = "/rest/bpm/htm/v1/";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern TKIID = Pattern.compile("\"tkiid\":\"([^\"]+)\"");
    private static final String[] USERS = {"alice", "bob", "carol"};

    /** What a client asked for and what it heard: 2xx, an error status, or nothing (-1: the server died). */
    private record Step(String name, String action, int status) {}

    private static final ConcurrentLinkedQueue<Step> STEPS = new ConcurrentLinkedQueue<>();
    private static final Map<String, String> TKIIDS = new ConcurrentHashMap<>();
    private static final AtomicBoolean RUNNING = new AtomicBoolean(true);
    /** The largest number of deliveries a server has in flight (htm.webhook.concurrency): a kill may repeat those. */
    private static final int IN_FLIGHT = 64;

    private static final Pattern SUBJECT = Pattern.compile("\"subject\":\"([^\"]+)\"");
    private static final Pattern TYPE = Pattern.compile("\"type\":\"([^\"]+)\"");
    /** What the webhook receiver heard: per task, the event ids in the order they came, and "type id" pairs. */
    private static final Map<String, List<Long>> HOOKED = new ConcurrentHashMap<>();

    private static final Map<String, List<String>> HOOKED_TYPES = new ConcurrentHashMap<>();

    private static String a;
    private static String b;

    public static void main(String[] args) throws Exception {
        a = args[0];
        b = args[1];
        subscribe(receiver());
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            int client = c;
            Thread thread = new Thread(() -> work(client));
            thread.start();
            clients.add(thread);
        }
        Thread.sleep(20_000); // 20 s of load on both servers before A is killed
        long pid = Long.parseLong(Files.readString(Path.of(args[2])).strip());
        new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor();
        System.out.println("kill under load: server A (pid " + pid + ") killed with kill -9 after 20 s");
        Thread.sleep(5_000); // A stays down 5 s while the clients go on against B
        new ProcessBuilder("bash", "-c", args[3]).inheritIO().start().waitFor();
        long restarted = System.nanoTime();
        if (!awaitReady(a, Duration.ofSeconds(120))) {
            System.out.println("FAIL: server A did not become ready within 120 s of its restart");
            System.exit(1);
        }
        long left = 35_000 - Duration.ofNanos(System.nanoTime() - restarted).toMillis();
        System.out.println("kill under load: server A ready again after "
                + Duration.ofNanos(System.nanoTime() - restarted).toSeconds() + " s");
        Thread.sleep(Math.max(left, 10_000)); // the rest of the 60 s of load, with A back
        RUNNING.set(false);
        for (Thread thread : clients) {
            thread.join();
        }
        System.exit(check() ? 0 : 1);
    }

    /**
     * Liberty answers HTTP (with its own "context root not found" page) before the application has started, so
     * "started" is not "ready": wait for the application's readiness check.
     */
    private static boolean awaitReady(String server, Duration limit) throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < until) {
            try {
                HttpResponse<String> ready = HTTP.send(
                        HttpRequest.newBuilder(URI.create(server + "/health/ready"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return true;
                }
            } catch (Exception e) {
                // not up yet
            }
            Thread.sleep(500); // polls, bounded by the limit
        }
        return false;
    }

    private static void work(int client) {
        String user = USERS[client % USERS.length];
        for (int n = 0; RUNNING.get(); n++) {
            String name = "kill-" + client + "-" + n;
            HttpResponse<String> created = send(
                    user,
                    "POST",
                    V1 + "task",
                    "{\"name\":\"" + name + "\",\"potentialOwners\":{\"users\":[\"" + user + "\"]}}");
            record(name, "create", created);
            if (created == null || created.statusCode() != 201) {
                continue;
            }
            Matcher tkiid = TKIID.matcher(created.body());
            tkiid.find();
            TKIIDS.put(name, tkiid.group(1));
            HttpResponse<String> claimed = send(user, "PUT", V1 + "task/" + tkiid.group(1) + "?action=claim", "{}");
            record(name, "claim", claimed);
            if (claimed != null && claimed.statusCode() == 200) {
                record(name, "complete", send(user, "PUT", V1 + "task/" + tkiid.group(1) + "?action=complete", "{}"));
            }
        }
    }

    private static void record(String name, String action, HttpResponse<String> reply) {
        STEPS.add(new Step(name, action, reply == null ? -1 : reply.statusCode()));
    }

    /** To a server picked at random; null when it does not answer (killed mid-request, or down). */
    private static HttpResponse<String> send(String user, String method, String path, String body) {
        String server = ThreadLocalRandom.current().nextBoolean() ? a : b;
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(server + path))
                            .timeout(Duration.ofSeconds(30))
                            .header(
                                    "Authorization",
                                    "Basic "
                                            + Base64.getEncoder()
                                                    .encodeToString(
                                                            (user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                            .header("Content-Type", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            return null;
        }
    }

    /** A webhook receiver on loopback that notes each event it hears, per task, answering 204. */
    private static String receiver() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher subject = SUBJECT.matcher(body);
            Matcher type = TYPE.matcher(body);
            if (subject.find() && type.find()) {
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                synchronized (HOOKED) {
                    HOOKED.computeIfAbsent(subject.group(1), k -> new ArrayList<>())
                            .add(Long.parseLong(id));
                    HOOKED_TYPES
                            .computeIfAbsent(subject.group(1), k -> new ArrayList<>())
                            .add(type.group(1) + " " + id);
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private static void subscribe(String url) {
        HttpResponse<String> created = send(
                "admin",
                "POST",
                V1 + "subscriptions",
                "{\"url\": \"" + url
                        + "\", \"types\": [\"claimed\", \"completed\"], \"filter\": {\"namePrefix\": \"kill-\"}}");
        if (created == null || created.statusCode() != 201) {
            System.out.println(
                    "FAIL: cannot subscribe the webhook receiver: " + (created == null ? "no answer" : created.body()));
            System.exit(1);
        }
    }

    /**
     * Waits (at most 120 s: a killed server's leases run out after 30 s) until the receiver has heard, for each
     * task, as many distinct claims and completions as its history holds; then checks order and repeats.
     */
    private static List<String> webhooksHeard(Map<String, int[]> expected) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        List<String> missing = missing(expected);
        while (!missing.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(1000); // deliveries are retried with back-off: poll, bounded above
            missing = missing(expected);
        }
        List<String> broken = new ArrayList<>(missing.stream().limit(20).toList());
        int repeated = 0;
        synchronized (HOOKED) {
            for (Map.Entry<String, List<Long>> task : HOOKED.entrySet()) {
                List<Long> firsts = task.getValue().stream().distinct().toList();
                for (int i = 1; i < firsts.size(); i++) {
                    if (firsts.get(i) < firsts.get(i - 1)) {
                        broken.add("task " + task.getKey() + ": events out of order " + task.getValue());
                        break;
                    }
                }
                repeated += task.getValue().size() - firsts.size();
            }
        }
        if (repeated > IN_FLIGHT) {
            broken.add(repeated + " webhook deliveries repeated, more than the " + IN_FLIGHT
                    + " a killed server had in flight");
        }
        System.out.println("kill under load: the webhook receiver heard "
                + HOOKED.values().stream().mapToInt(List::size).sum() + " deliveries of " + HOOKED.size()
                + " tasks' claims and completions, " + repeated + " repeated");
        return broken;
    }

    private static List<String> missing(Map<String, int[]> expected) {
        List<String> missing = new ArrayList<>();
        synchronized (HOOKED) {
            expected.forEach((tkiid, counts) -> {
                List<String> heard = HOOKED_TYPES.getOrDefault(tkiid, List.of()).stream()
                        .distinct()
                        .toList();
                long claims = heard.stream()
                        .filter(event -> event.startsWith("htm.task.claimed "))
                        .count();
                long completions = heard.stream()
                        .filter(event -> event.startsWith("htm.task.completed "))
                        .count();
                if (claims != counts[0] || completions != counts[1]) {
                    missing.add("task " + tkiid + ": the webhook heard " + claims + " claims and " + completions
                            + " completions, its history has " + counts[0] + " and " + counts[1]);
                }
            });
        }
        return missing;
    }

    private static boolean check() throws Exception {
        Map<String, AtomicInteger> counts = new TreeMap<>();
        List<String> broken = new ArrayList<>();
        Map<String, Map<String, Integer>> heard = new ConcurrentHashMap<>();
        Map<String, int[]> expectedHooks = new TreeMap<>();
        for (Step step : STEPS) {
            String outcome =
                    step.status() < 0 ? "no answer" : step.status() < 300 ? "2xx" : Integer.toString(step.status());
            counts.computeIfAbsent(step.action() + " " + outcome, k -> new AtomicInteger())
                    .incrementAndGet();
            heard.computeIfAbsent(step.name(), k -> new ConcurrentHashMap<>()).put(step.action(), step.status());
        }
        int tasks = 0;
        int claims = 0;
        int completions = 0;
        for (Map.Entry<String, Map<String, Integer>> entry : heard.entrySet()) {
            String name = entry.getKey();
            Map<String, Integer> statuses = entry.getValue();
            HttpResponse<String> found = send("admin", "GET", V1 + "tasks?name=" + name + "&size=5", "");
            if (found == null || found.statusCode() != 200) {
                broken.add("cannot list tasks named " + name + ": "
                        + (found == null
                                ? "no answer"
                                : found.uri().getAuthority() + " answered " + found.statusCode() + " " + found.body()));
                continue;
            }
            List<String> ids = new ArrayList<>();
            Matcher id = TKIID.matcher(found.body());
            while (id.find()) {
                ids.add(id.group(1));
            }
            int created = statuses.get("create");
            if (ids.size() > 1) {
                broken.add(name + " was created " + ids.size() + " times");
            }
            if (created == 201 && ids.size() != 1 || created > 0 && created != 201 && !ids.isEmpty()) {
                broken.add(name + ": create answered " + created + " but " + ids.size() + " tasks exist");
            }
            tasks += ids.size();
            for (String tkiid : ids) {
                HttpResponse<String> history = send("admin", "GET", V1 + "task/" + tkiid + "/history", "");
                String text = history == null ? "" : history.body();
                int claimed = occurrences(text, "\"ACTION_CLAIM\"");
                int completed = occurrences(text, "\"ACTION_COMPLETE\"");
                claims += claimed;
                completions += completed;
                expectedHooks.put(tkiid, new int[] {claimed, completed});
                broken.addAll(exactly(name, "claim", statuses.get("claim"), claimed));
                broken.addAll(exactly(name, "complete", statuses.get("complete"), completed));
            }
        }
        broken.addAll(webhooksHeard(expectedHooks));
        System.out.println("kill under load: requests " + counts + "; afterwards " + tasks + " tasks, " + claims
                + " claims and " + completions + " completions in the histories");
        broken.stream().limit(20).forEach(problem -> System.out.println("FAIL: " + problem));
        if (broken.isEmpty()) {
            System.out.println("kill under load: every answered request took effect exactly once, none twice");
        }
        return broken.isEmpty();
    }

    /** 2xx: once; an error: never; no answer (or never sent): at most once. */
    private static List<String> exactly(String name, String action, Integer status, int times) {
        if (status != null && status >= 200 && status < 300 && times != 1
                || status != null && status >= 300 && times != 0
                || times > 1) {
            return List.of(name + ": " + action + " answered " + status + " but is in the history " + times + " times");
        }
        return List.of();
    }

    private static int occurrences(String text, String what) {
        int count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            count++;
        }
        return count;
    }
}
