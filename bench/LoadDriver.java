import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

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

        Set<String> claimed = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        List<Scenario> scenarios = List.of(
                new Scenario("GET task by id", "c1", 1, LoadDriver::getById, pg.selectC1()),
                new Scenario("GET task by id", "c8", 8, LoadDriver::getById, pg.selectC8()),
                new Scenario("work list, potentialOwner=me, first page", "c1", 1, LoadDriver::workList,
                        pg.selectC1()),
                new Scenario("work list, potentialOwner=me, first page", "c8", 8, LoadDriver::workList,
                        pg.selectC8()),
                new Scenario("  the same, count=false (no total)", "c1", 1, LoadDriver::workListWithoutTotal,
                        pg.selectC1()),
                new Scenario("  the same, count=false (no total)", "c8", 8, LoadDriver::workListWithoutTotal,
                        pg.selectC8()),
                new Scenario("work list, offered to the user directly", "c8", 8, LoadDriver::directWorkList,
                        pg.selectC8()),
                new Scenario("work list, one big group (10% of tasks)", "c8", 8, LoadDriver::bigGroupWorkList,
                        pg.selectC8()),
                new Scenario("work list, me, input.region=EU (1 in 4)", "c8", 8, LoadDriver::workListByRegion,
                        pg.selectC8()),
                new Scenario("work list, me, input.orderId=<one task>", "c8", 8, LoadDriver::workListByOrder,
                        pg.selectC8()),
                new Scenario("work list, me, input.amount>4000 (1 in 5)", "c8", 8, LoadDriver::workListByAmount,
                        pg.selectC8()),
                new Scenario("my tasks (owner=me, claimed)", "c8", 8, LoadDriver::myTasks, pg.selectC8()),
                new Scenario("claim + complete, distinct tasks (pairs)", "8 workers", 8, LoadDriver::claimAndComplete,
                        pg.update()),
                new Scenario(WEBHOOKED, "8 workers", 8, LoadDriver::claimAndComplete, pg.update()),
                new Scenario("claimNext, one shared queue", "8 workers", 8,
                        worker -> claimNext(worker, claimed, duplicates), pg.update()));
        Pattern only = Pattern.compile(System.getenv().getOrDefault("BENCH_ONLY", ".*"));
        Profiler profiler = Profiler.fromEnvironment();

        warmUp();
        List<Row> rows = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            if (!only.matcher(scenario.name() + " " + scenario.clients()).find()) {
                continue;
            }
            Webhook webhook = scenario.name().equals(WEBHOOKED) ? Webhook.subscribe() : null;
            profiler.start();
            CpuUse before = CpuUse.now();
            Row row = run(scenario.name(), scenario.clients(), scenario.threads(), scenario.operation())
                    .against(scenario.pgRate());
            row = row.withNote(CpuUse.now().perOperationSince(before, row));
            profiler.stop(scenario.name() + " " + scenario.clients());
            if (webhook != null) {
                row = row.withNote(webhook.unsubscribe());
            }
            rows.add(scenario.name().startsWith("claimNext") ? row.withNote("duplicates: " + duplicates.get()) : row);
        }

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

    static final String WEBHOOKED = "  the same, one webhook subscription";

    /**
     * A webhook receiver on loopback, subscribed to every event for one scenario: how long from each event's time
     * (the change, on the server's clock, which is this machine's) to its arrival here.
     */
    record Webhook(HttpServer receiver, String id, ConcurrentLinkedQueue<Long> latenciesNanos) {
        static Webhook subscribe() throws Exception {
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            receiver.createContext("/hook", exchange -> {
                java.time.Instant arrived = java.time.Instant.now();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int at = body.indexOf("\"time\":\"") + 8;
                java.time.Instant time = java.time.Instant.parse(body.substring(at, body.indexOf('"', at)));
                latencies.add(Duration.between(time, arrived).toNanos());
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            // daemon threads: the load driver ends when its scenarios do
            receiver.setExecutor(Executors.newFixedThreadPool(4, work -> {
                Thread thread = new Thread(work);
                thread.setDaemon(true);
                return thread;
            }));
            receiver.start();
            HttpResponse<String> created = sendAs("admin", "admin", "POST", "subscriptions",
                    "{\"url\": \"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\"}");
            expect(201, created);
            String body = created.body();
            int at = body.indexOf("\"id\":\"") + 6;
            return new Webhook(receiver, body.substring(at, body.indexOf('"', at)), latencies);
        }

        /** Waits for the deliveries to drain (at most 30 s), unsubscribes; answers the latencies as a note. */
        String unsubscribe() throws Exception {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < until && sendAs("admin", "admin", "GET",
                    "subscriptions/" + id + "/deliveries?status=PENDING&limit=1", null).body().contains("eventId")) {
                Thread.sleep(200);
            }
            expect(204, sendAs("admin", "admin", "DELETE", "subscriptions/" + id, null));
            receiver.stop(0);
            long[] sorted = latenciesNanos.stream().mapToLong(Long::longValue).sorted().toArray();
            return String.format(Locale.ROOT, "%d events delivered, latency p50 %.1f ms, p99 %.1f ms", sorted.length,
                    percentile(sorted, 50), percentile(sorted, 99));
        }
    }

    /** What PostgreSQL itself does on this machine in the same run (pgbench), to read HTM's figures against. */
    record PostgreSql(double selectC1, double selectC8, double update) {
    }

    private static double number(String[] args, int index) {
        return args.length > index && !args[index].isBlank() ? Double.parseDouble(args[index]) : Double.NaN;
    }

    /** One measured line of the table: a name, its clients and what the rate is compared with. */
    record Scenario(String name, String clients, int threads, Operation operation, double pgRate) {
    }

    /**
     * A CPU profile of the server per scenario, when BENCH_PROFILER names async-profiler's library and
     * BENCH_SERVER_PID the server: started and stopped with jcmd, written under target/ as a flame graph and as
     * collapsed stacks (bench/run sets both for BENCH_PROFILE=1).
     */
    record Profiler(String library, String pid) {
        static Profiler fromEnvironment() {
            return new Profiler(System.getenv("BENCH_PROFILER"), serverPid());
        }

        void start() throws Exception {
            command("start,event=cpu,interval=1ms");
        }

        void stop(String scenario) throws Exception {
            Path file = Path.of("target", "profile-" + scenario.trim().replaceAll("[^A-Za-z0-9]+", "-"));
            if (command("dump,file=" + file.toAbsolutePath() + ".collapsed")
                    && command("stop,file=" + file.toAbsolutePath() + ".html")) {
                System.out.println("profile of \"" + scenario.trim() + "\": " + file + ".html (and .collapsed)");
            }
        }

        /** Loads the agent with these options; jcmd splits an argument at '=' unless it is quoted. */
        private boolean command(String options) throws Exception {
            if (library == null || pid == null) {
                return false;
            }
            Process jcmd = new ProcessBuilder("jcmd", pid, "JVMTI.agent_load", library, "\"" + options + "\"")
                    .redirectErrorStream(true).start();
            String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (jcmd.waitFor() != 0 || !output.contains("return code: 0")) {
                System.out.println("the profiler refused \"" + options + "\": " + output.strip());
                return false;
            }
            return true;
        }
    }

    /** One operation of a worker; answers false when the worker has nothing left to do. */
    interface Operation {
        boolean perform(Worker worker) throws Exception;
    }

    /** Where each worker's claim + complete stands, kept from one scenario to the next that claims. */
    static final int[] CLAIM_CURSORS = new int[8];

    /** A load thread: its user (u1..u8), its own task candidates, its latencies. */
    static final class Worker {
        final int number;
        final String user;
        final String queueUser;
        final String directUser;
        final String bigGroupUser;
        final List<Long> latencies = new ArrayList<>();
        /** Where this worker's claim + complete is in the lower half of the seeded tasks. */
        int cursor;

        Worker(int number) {
            this.number = number;
            this.cursor = CLAIM_CURSORS[number % 8];
            this.user = "u" + (number % 8 + 1);
            this.queueUser = "q" + (number % 8 + 1);
            this.directUser = "d" + (number % 8 + 1);
            this.bigGroupUser = "b" + (number % 8 + 1);
        }

        /** The next of this worker's own ready tasks in the lower half of the seeded tasks (claim + complete). */
        int nextOwnReadyTask() {
            while (cursor < tasks / 2) {
                int i = ++cursor;
                if (owns(i)) {
                    CLAIM_CURSORS[number % 8] = cursor;
                    return i;
                }
            }
            return -1;
        }

        /** Whether seeded task i is ready and offered to one of this worker's three groups alone. */
        boolean owns(int i) {
            int k = number % 8 + 1;
            int group = (i / 10) % 50 + 1;
            return i % 10 == 7 && group >= 3 * k - 2 && group <= 3 * k;
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
        // when the first worker ran out of work before the deadline: the rate is then not the steady one
        AtomicLong ranOut = new AtomicLong(Long.MAX_VALUE);
        for (int t = 0; t < threads; t++) {
            Worker worker = new Worker(t);
            workers.add(worker);
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    long begin = System.nanoTime();
                    if (!operation.perform(worker)) {
                        ranOut.accumulateAndGet(begin, Math::min);
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
        String note = ranOut.get() == Long.MAX_VALUE ? "" : String.format(Locale.ROOT,
                "RAN OUT of tasks after %.1f s: seed more (bench/run TASKS)", (ranOut.get() - start) / 1e9);
        return new Row(name, clients, rate, percentile(all, 50), percentile(all, 99), note, Double.NaN);
    }

    static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    record Row(String name, String clients, double rate, double p50, double p99, String note, double pgRate) {
        /** With one more note after those it has. */
        Row withNote(String text) {
            return new Row(name, clients, rate, p50, p99, note.isEmpty() ? text : note + "; " + text, pgRate);
        }

        /** With the rate of PostgreSQL's own statement it is read against (SELECT for reads, UPDATE for writes). */
        Row against(double pgRate) {
            return new Row(name, clients, rate, p50, p99, note, pgRate);
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

    /** Work lists filtered by a field of the input (bench/seed.sql gives each task an order as its input). */
    static boolean workListByRegion(Worker worker) throws Exception {
        return read(worker.user, READY_FOR_ME + "&input.region=EU");
    }

    static boolean workListByOrder(Worker worker) throws Exception {
        return read(worker.user, READY_FOR_ME + "&input.orderId=" + ThreadLocalRandom.current().nextInt(1, tasks + 1));
    }

    static boolean workListByAmount(Worker worker) throws Exception {
        return read(worker.user, READY_FOR_ME + "&input.amount%3E4000");
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
        if (!claimed.add(tkiid(response))) {
            duplicates.incrementAndGet();
        }
        return true;
    }

    /**
     * Until the JIT compiler has compiled the request paths, HTM answers at a fraction of its steady rate: under
     * this load the server still spends a fifth to a half of its CPU compiling after a minute, and its GET rate
     * grows by half when that stops, after about four. So the scenarios first run unmeasured, in rounds of 5 s
     * each as eight clients, until the compiler threads take under 5% of the server's CPU over a round: at least
     * BENCH_WARMUP seconds (default 60), at most BENCH_WARMUP_MAX (default 360); without the server's pid
     * (BENCH_SERVER_PID) just BENCH_WARMUP. The writes work the upper half of the seeded tasks and hand most claims
     * back, so that the warm-up uses up neither the tasks the measured run claims nor the shared queue. A
     * webhook subscription receives the warm-up's events, so that delivering them is compiled as well.
     */
    static void warmUp() throws Exception {
        Duration measured = limit;
        limit = Duration.ofSeconds(5);
        long least = System.nanoTime() + Duration.ofSeconds(seconds("BENCH_WARMUP", 60)).toNanos();
        long most = System.nanoTime() + Duration.ofSeconds(seconds("BENCH_WARMUP_MAX", 360)).toNanos();
        String pid = serverPid();
        // with a webhook receiver, so that the deliveries' code is compiled too before the events scenario
        Webhook webhook = Webhook.subscribe();
        for (int round = 1; ; round++) {
            CpuTicks before = CpuTicks.of(pid);
            run("warm-up", "c8", 8, LoadDriver::getById);
            run("warm-up", "c8", 8, LoadDriver::workList);
            run("warm-up", "c8", 8, LoadDriver::workListWithoutTotal);
            run("warm-up", "c8", 8, LoadDriver::myTasks);
            run("warm-up", "8 workers", 8, LoadDriver::claimAndHandBack);
            run("warm-up", "8 workers", 8, LoadDriver::claimNextAndHandBack);
            double compiling = pid == null ? Double.NaN : CpuTicks.of(pid).compilingSince(before);
            System.out.printf(Locale.ROOT, "warm-up round %d: the JIT compiler took %.0f%% of the server's CPU%n",
                    round, 100 * compiling);
            long now = System.nanoTime();
            if (now > most || now > least && (pid == null || compiling < 0.05)) {
                break;
            }
        }
        System.out.println("warm-up's webhook: " + webhook.unsubscribe());
        limit = measured;
    }

    private static String serverPid() {
        String pid = System.getenv("BENCH_SERVER_PID");
        return pid == null || pid.isBlank() ? null : pid;
    }

    private static long seconds(String variable, long otherwise) {
        return Long.parseLong(System.getenv().getOrDefault(variable, Long.toString(otherwise)));
    }

    /** CPU time of a process so far (clock ticks, from /proc): in all, and in each of its JIT compiler threads. */
    record CpuTicks(long all, Map<String, Long> compilers) {
        static CpuTicks of(String pid) throws Exception {
            if (pid == null) {
                return new CpuTicks(0, Map.of());
            }
            Map<String, Long> compilers = new HashMap<>();
            try (var threads = Files.list(Path.of("/proc", pid, "task"))) {
                for (Path thread : threads.toList()) {
                    try {
                        String[] stat = stat(Files.readString(thread.resolve("stat")));
                        if (stat[0].startsWith("C1 CompilerThre") || stat[0].startsWith("C2 CompilerThre")) {
                            compilers.put(thread.getFileName().toString(), ticks(stat));
                        }
                    } catch (java.io.IOException ended) {
                        // the thread is gone
                    }
                }
            }
            return new CpuTicks(ticks(stat(Files.readString(Path.of("/proc", pid, "stat")))), compilers);
        }

        /** The share of the CPU used since then that went to compiling (a thread gone meanwhile not counted). */
        double compilingSince(CpuTicks then) {
            long compiling = compilers.entrySet().stream()
                    .mapToLong(c -> c.getValue() - then.compilers.getOrDefault(c.getKey(), 0L)).sum();
            return (double) compiling / Math.max(1, all - then.all);
        }

        /** The name, then the fields after it, of a /proc stat line. */
        static String[] stat(String line) {
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            fields[0] = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
            return fields;
        }

        /** utime + stime (the 14th and 15th fields of the line). */
        static long ticks(String[] stat) {
            return Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
        }
    }

    /**
     * CPU time used so far by the server, by PostgreSQL (every process named postgres) and by this driver (with a
     * scenario's webhook receiver), and by the whole machine: where a scenario's CPU went, per operation.
     */
    record CpuUse(long server, long postgres, long driver, long machine, long wall) {
        /** Clock ticks per second of /proc's figures (USER_HZ, 100 on Linux). */
        static final double HZ = 100;

        static CpuUse now() throws Exception {
            String pid = serverPid();
            long postgres = 0;
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.toList()) {
                    if (!process.getFileName().toString().chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String[] stat = CpuTicks.stat(Files.readString(process.resolve("stat")));
                        if (stat[0].equals("postgres")) {
                            postgres += CpuTicks.ticks(stat);
                        }
                    } catch (java.io.IOException ended) {
                        // the process is gone
                    }
                }
            }
            String[] machine = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split(" +");
            long busy = 0;
            for (int i = 1; i <= 8; i++) {
                busy += i == 4 || i == 5 ? 0 : Long.parseLong(machine[i]); // user to steal, but idle and iowait
            }
            return new CpuUse(
                    pid == null ? 0 : CpuTicks.ticks(CpuTicks.stat(Files.readString(Path.of("/proc", pid, "stat")))),
                    postgres,
                    CpuTicks.ticks(CpuTicks.stat(Files.readString(Path.of("/proc/self/stat")))),
                    busy,
                    System.nanoTime());
        }

        /** The CPU milliseconds per operation of the row since then, and how busy the machine's cores were. */
        String perOperationSince(CpuUse then, Row row) {
            double seconds = (wall - then.wall) / 1e9;
            double operations = row.rate() * seconds;
            return String.format(Locale.ROOT, "CPU ms per op: HTM %.2f, PostgreSQL %.2f, driver %.2f; cores %.0f%% busy",
                    1000 * (server - then.server) / HZ / operations,
                    1000 * (postgres - then.postgres) / HZ / operations,
                    1000 * (driver - then.driver) / HZ / operations,
                    100 * (machine - then.machine) / HZ / seconds / Runtime.getRuntime().availableProcessors());
        }
    }

    /** Where each worker's warm-up writes are in the upper half of the seeded tasks, and which it completed. */
    static final int[] WARM_UP_CURSOR = new int[8];
    static final Set<Integer> WARM_UP_COMPLETED = ConcurrentHashMap.newKeySet();

    /** Claims the worker's next task of the upper half (round and round), and completes one in eight. */
    static boolean claimAndHandBack(Worker worker) throws Exception {
        int i = WARM_UP_CURSOR[worker.number];
        do {
            i = i < tasks / 2 || i >= tasks ? tasks / 2 + 1 : i + 1;
        } while (!worker.owns(i) || WARM_UP_COMPLETED.contains(i));
        WARM_UP_CURSOR[worker.number] = i;
        String task = "task/" + tkiid(i);
        expect(200, send(worker.user, "PUT", task + "?action=claim", null));
        if ((i / 10) % 8 == 0 && WARM_UP_COMPLETED.add(i)) {
            expect(200, send(worker.user, "PUT", task + "?action=complete", "{\"done\":true}"));
        } else {
            expect(200, send(worker.user, "PUT", task + "?action=cancelClaim", null));
        }
        return true;
    }

    static boolean claimNextAndHandBack(Worker worker) throws Exception {
        HttpResponse<String> response = send(worker.queueUser, "PUT", "task?action=claimNext&group=gshared", null);
        if (response.statusCode() == 204) {
            return false;
        }
        expect(200, response);
        expect(200, send(worker.queueUser, "PUT", "task/" + tkiid(response) + "?action=cancelClaim", null));
        return true;
    }

    static HttpResponse<String> send(String user, String method, String path, String json) throws Exception {
        return sendAs(user, "bench", method, path, json);
    }

    static HttpResponse<String> sendAs(String user, String password, String method, String path, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
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

    /** The tkiid of the task in an answer. */
    static String tkiid(HttpResponse<String> response) {
        String body = response.body();
        int at = body.indexOf("\"tkiid\":\"") + 9;
        return body.substring(at, body.indexOf('"', at));
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
