import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark's load: plain HTTP from this machine to HTM on loopback, each scenario bounded by a time and
 * by the number of tasks it may use. Run by bench/run; prints one table.
 * Arguments: base URL, number of seeded tasks, seconds per scenario, and pgbench's rates on this machine in the
 * same run: single-row SELECT by key with 1 and with 8 clients, single-row UPDATE with 8 clients.
 */
public class LoadDriver {

    static String base;
    static int tasks;
    static Duration limit;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        base = args[0] + "/rest/bpm/htm/v1/";
        tasks = Integer.parseInt(args[1]);
        limit = Duration.ofSeconds(Long.parseLong(args[2]));
        PostgreSql pg = new PostgreSql(number(args, 3), number(args, 4), number(args, 5));

        warmUp();
        List<Row> rows = new ArrayList<>();
        rows.add(run("GET task by id", "c1", 1, LoadDriver::getById).read(pg.selectC1()));
        rows.add(run("GET task by id", "c8", 8, LoadDriver::getById).read(pg.selectC8()));
        rows.add(run("work list, potentialOwner=me, first page", "c1", 1, LoadDriver::workList).read(pg.selectC1()));
        rows.add(run("work list, potentialOwner=me, first page", "c8", 8, LoadDriver::workList).read(pg.selectC8()));
        rows.add(run("  the same, count=false (no total)", "c1", 1, LoadDriver::workListWithoutTotal)
                .read(pg.selectC1()));
        rows.add(run("  the same, count=false (no total)", "c8", 8, LoadDriver::workListWithoutTotal)
                .read(pg.selectC8()));
        rows.add(run("work list, offered to the user directly", "c8", 8, LoadDriver::directWorkList)
                .read(pg.selectC8()));
        rows.add(run("work list, one big group (10% of tasks)", "c8", 8, LoadDriver::bigGroupWorkList)
                .read(pg.selectC8()));
        rows.add(run("my tasks (owner=me, claimed)", "c8", 8, LoadDriver::myTasks).read(pg.selectC8()));
        rows.add(run("claim + complete, distinct tasks (pairs)", "8 workers", 8, LoadDriver::claimAndComplete)
                .write(pg.update()));
        Set<String> claimed = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        Row claimNext = run("claimNext, one shared queue", "8 workers", 8,
                worker -> claimNext(worker, claimed, duplicates)).write(pg.update());
        rows.add(claimNext.withNote("duplicates: " + duplicates.get()));

        System.out.printf(Locale.ROOT, "%n%d tasks, %d s per scenario; PostgreSQL alone: single-row SELECT by key "
                        + "%.0f/s (c1), %.0f/s (c8), single-row UPDATE %.0f/s (c8)%n%n", tasks, limit.toSeconds(),
                pg.selectC1(), pg.selectC8(), pg.update());
        System.out.printf(Locale.ROOT, "%-44s %-10s %10s %9s %9s %9s  %s%n", "scenario", "clients", "per s",
                "p50 ms", "p99 ms", "vs pg", "");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "%-44s %-10s %10.0f %9.2f %9.2f %8.1f%%  %s%n", row.name, row.clients,
                    row.rate, row.p50, row.p99, 100 * row.rate / row.pgRate, row.note);
        }
        System.out.println("\nvs pg: a read as a share of PostgreSQL's SELECT by key with as many clients, a write"
                + " as a share of its UPDATE");
    }

    /** What PostgreSQL itself does on this machine in the same run (pgbench), to read HTM's figures against. */
    record PostgreSql(double selectC1, double selectC8, double update) {
    }

    private static double number(String[] args, int index) {
        return args.length > index && !args[index].isBlank() ? Double.parseDouble(args[index]) : Double.NaN;
    }

    /** One operation of a worker; answers false when the worker has nothing left to do. */
    interface Operation {
        boolean perform(Worker worker) throws Exception;
    }

    /** A load thread: its user (u1..u8), its own task candidates, its latencies. */
    static final class Worker {
        final int number;
        final String user;
        final String queueUser;
        final String directUser;
        final String bigGroupUser;
        final List<Long> latencies = new ArrayList<>();
        int cursor;

        Worker(int number) {
            this.number = number;
            this.user = "u" + (number % 8 + 1);
            this.queueUser = "q" + (number % 8 + 1);
            this.directUser = "d" + (number % 8 + 1);
            this.bigGroupUser = "b" + (number % 8 + 1);
        }

        /** The next seeded task index of this worker's own ready tasks (claim + complete). */
        int nextOwnReadyTask() {
            int k = number % 8 + 1;
            while (cursor < tasks) {
                int i = ++cursor;
                int group = (i / 10) % 50 + 1;
                if (i % 10 == 7 && group >= 3 * k - 2 && group <= 3 * k) {
                    return i;
                }
            }
            return -1;
        }

        int visibleTask(java.util.Random random) {
            int k = number % 8 + 1;
            int block = random.nextInt(Math.max(1, tasks / 500));
            int group = 3 * k - 2 + random.nextInt(3);
            int i = block * 500 + (group - 1) * 10 + 7;
            return i >= 1 && i <= tasks ? i : 7 + (group - 1) * 10;
        }
    }

    static Row run(String name, String clients, int threads, Operation operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Worker> workers = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Worker worker = new Worker(t);
            workers.add(worker);
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    long begin = System.nanoTime();
                    if (!operation.perform(worker)) {
                        break;
                    }
                    worker.latencies.add(System.nanoTime() - begin);
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get(limit.toSeconds() + 120, TimeUnit.SECONDS);
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        long[] all = workers.stream().flatMap(w -> w.latencies.stream()).mapToLong(Long::longValue).sorted().toArray();
        double rate = all.length / (elapsed / 1e9);
        return new Row(name, clients, rate, percentile(all, 50), percentile(all, 99), "", Double.NaN);
    }

    static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    record Row(String name, String clients, double rate, double p50, double p99, String note, double pgRate) {
        Row withNote(String text) {
            return new Row(name, clients, rate, p50, p99, text, pgRate);
        }

        Row read(double pgSelect) {
            return new Row(name, clients, rate, p50, p99, note, pgSelect);
        }

        Row write(double pgUpdate) {
            return new Row(name, clients, rate, p50, p99, note, pgUpdate);
        }
    }

    static final ThreadLocal<java.util.Random> RANDOM = ThreadLocal.withInitial(java.util.Random::new);

    static boolean getById(Worker worker) throws Exception {
        expect(200, send(worker.user, "GET", "task/" + tkiid(worker.visibleTask(RANDOM.get())), null));
        return true;
    }

    static final String READY_FOR_ME = "tasks?potentialOwner=me&state=STATE_READY&size=50";

    static boolean workList(Worker worker) throws Exception {
        return read(worker.user, READY_FOR_ME);
    }

    static boolean workListWithoutTotal(Worker worker) throws Exception {
        return read(worker.user, READY_FOR_ME + "&count=false");
    }

    static boolean directWorkList(Worker worker) throws Exception {
        return read(worker.directUser, READY_FOR_ME);
    }

    static boolean bigGroupWorkList(Worker worker) throws Exception {
        return read(worker.bigGroupUser, READY_FOR_ME);
    }

    static boolean myTasks(Worker worker) throws Exception {
        return read(worker.user, "tasks?owner=" + worker.user + "&state=STATE_CLAIMED&size=50");
    }

    private static boolean read(String user, String path) throws Exception {
        expect(200, send(user, "GET", path, null));
        return true;
    }

    static boolean claimAndComplete(Worker worker) throws Exception {
        int i = worker.nextOwnReadyTask();
        if (i < 0) {
            return false;
        }
        String task = "task/" + tkiid(i);
        expect(200, send(worker.user, "PUT", task + "?action=claim", null));
        expect(200, send(worker.user, "PUT", task + "?action=complete", "{\"done\":true}"));
        return true;
    }

    static boolean claimNext(Worker worker, Set<String> claimed, AtomicInteger duplicates) throws Exception {
        HttpResponse<String> response = send(worker.queueUser, "PUT", "task?action=claimNext&group=gshared", null);
        if (response.statusCode() == 204) {
            return false;
        }
        expect(200, response);
        String body = response.body();
        int at = body.indexOf("\"tkiid\":\"") + 9;
        if (!claimed.add(body.substring(at, body.indexOf('"', at)))) {
            duplicates.incrementAndGet();
        }
        return true;
    }

    /**
     * Until the JIT compiler has compiled the request paths, HTM answers at a third of its steady rate: every
     * read scenario runs for a while first, unmeasured, as eight clients.
     */
    static void warmUp() throws Exception {
        Duration measured = limit;
        limit = Duration.ofSeconds(Long.getLong("bench.warmup.seconds", 20) / 4);
        run("warm-up", "c8", 8, LoadDriver::getById);
        run("warm-up", "c8", 8, LoadDriver::workList);
        run("warm-up", "c8", 8, LoadDriver::workListWithoutTotal);
        run("warm-up", "c8", 8, LoadDriver::myTasks);
        limit = measured;
    }

    static HttpResponse<String> send(String user, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":bench").getBytes(StandardCharsets.UTF_8)));
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }

    /** The id the seed gave task i: md5 of its number, written as a UUID. */
    static String tkiid(int i) throws Exception {
        byte[] md5 = MessageDigest.getInstance("MD5").digest(Integer.toString(i).getBytes(StandardCharsets.US_ASCII));
        StringBuilder hex = new StringBuilder();
        for (byte b : md5) {
            hex.append(String.format("%02x", b));
        }
        return hex.insert(20, '-').insert(16, '-').insert(12, '-').insert(8, '-').toString();
    }
}
