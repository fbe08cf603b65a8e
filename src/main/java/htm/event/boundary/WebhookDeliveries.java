package htm.event.boundary;

import htm.event.boundary.DeliveryQueue.Attempt;
import htm.event.boundary.DeliveryQueue.Due;
import htm.event.boundary.DeliveryQueue.Leased;
import htm.event.boundary.DeliveryQueue.Place;
import htm.event.control.RetrySchedule;
import htm.event.control.WebhookSignature;
import htm.event.control.WebhookTargets;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.NoSuchEJBException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Sends the webhook deliveries (API.md §7). Every server runs this worker over the shared delivery table: it
 * leases what is due, so that each delivery is sent by one server, POSTs it signed, and records the answer — 2xx
 * delivered, anything else tried again later with a growing wait, given up when the retry window has passed.
 * A server killed mid-delivery loses nothing: its lease runs out and another server sends it again. The message
 * broker, where one is configured, is one more subscription (BrokerPublisher): published and confirmed instead
 * of POSTed, retried and ordered the same way. A subscription of another format is sent what its DeliveryFormat
 * writes (A2A's push notifications: the task, read when it goes out).
 */
@ApplicationScoped
public class WebhookDeliveries {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveries.class.getName());
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private static final int SENDING_THREADS = 4;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedThreadFactory threads;

    @EJB
    DeliveryQueue queue;

    @Inject
    MetricRegistry metrics;

    @Inject
    BrokerPublisher broker;

    @Inject
    @Any
    Instance<DeliveryFormat> deliveryFormats;

    @Inject
    @ConfigProperty(name = "htm.events.source", defaultValue = "urn:htm")
    String source;

    @Inject
    @ConfigProperty(name = "htm.webhook.allowed.hosts")
    Optional<String> allowedHosts;

    @Inject
    @ConfigProperty(name = "htm.webhook.poll.millis", defaultValue = "100")
    long pollMillis;

    /** Requests in flight at once from this server. */
    @Inject
    @ConfigProperty(name = "htm.webhook.concurrency", defaultValue = "64")
    int concurrency;

    @Inject
    @ConfigProperty(name = "htm.webhook.timeout.seconds", defaultValue = "10")
    long timeoutSeconds;

    /** How long a lease holds: longer than a request may take, short enough to fail over soon. */
    @Inject
    @ConfigProperty(name = "htm.webhook.lease.seconds", defaultValue = "30")
    long leaseSeconds;

    @Inject
    @ConfigProperty(name = "htm.webhook.retry.first.seconds", defaultValue = "5")
    long firstRetrySeconds;

    @Inject
    @ConfigProperty(name = "htm.webhook.retry.longest.seconds", defaultValue = "3600")
    long longestRetrySeconds;

    @Inject
    @ConfigProperty(name = "htm.webhook.retry.hours", defaultValue = "24")
    long retryHours;

    @Inject
    @ConfigProperty(name = "htm.events.retention.days", defaultValue = "7")
    long retentionDays;

    /** Who holds a lease: this server, for as long as it runs. */
    private final String owner = "htm-" + UUID.randomUUID();

    private WebhookTargets targets;
    private RetrySchedule retries;
    private Semaphore free;
    /**
     * Runs the HTTP client's steps, none of which blocks: a few threads of the server's thread factory, which
     * carry the application's context from their start (a managed executor would capture and apply it again for
     * each of the many small steps of every request).
     */
    private ExecutorService sending;

    /** The formats other than the event itself, by name. */
    private Map<String, DeliveryFormat> formats;

    private HttpClient http;
    private volatile boolean running;
    private ScheduledFuture<?> pruning;
    /** Wakes not yet answered by a turn. */
    private final Semaphore signals = new Semaphore(0);
    /** Attempts that have ended and wait for the next turn to record them. */
    private final Queue<Attempt> ended = new ConcurrentLinkedQueue<>();
    /** Where the next turn looks from in the queue (only turns use it, one at a time). */
    private Place from = Place.START;

    private volatile boolean turnFailed;
    private volatile boolean brokerFailed;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        targets = new WebhookTargets(allowedHosts.orElse(""));
        retries = new RetrySchedule(
                Duration.ofSeconds(firstRetrySeconds),
                Duration.ofSeconds(longestRetrySeconds),
                Duration.ofHours(retryHours));
        free = new Semaphore(concurrency);
        formats = deliveryFormats.stream().collect(Collectors.toMap(DeliveryFormat::name, Function.identity()));
        sending = Executors.newFixedThreadPool(SENDING_THREADS, threads);
        http = HttpClient.newBuilder()
                .executor(sending)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(timeoutSeconds))
                .build();
        try {
            queue.brokerSubscription(BrokerPublisher.SUBSCRIPTION_ID, broker.configured() ? broker.target() : null);
        } catch (RuntimeException e) {
            // another server made it at the same moment, or the URI is wrong (then publishing fails, and says so)
            LOG.info(() -> "Did not set up the broker's subscription: " + e);
        }
        running = true;
        threads.newThread(this::work).start();
        pruning = scheduler.scheduleWithFixedDelay(
                this::prune, PRUNE_EVERY.toMinutes(), PRUNE_EVERY.toMinutes(), TimeUnit.MINUTES);
    }

    /** Asks for a turn now, rather than at the next poll: something has ended, or more is due. */
    void wake() {
        signals.release();
    }

    /**
     * The worker's own thread: a turn whenever woken, and every poll interval (for what other servers queue and
     * for retries coming due). Turns run one at a time; wakes during a turn make one more turn after it.
     */
    private void work() {
        while (running) {
            try {
                signals.tryAcquire(pollMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            signals.drainPermits();
            if (running) {
                turn();
            }
        }
    }

    /**
     * One turn, one transaction: records the attempts that have ended since the last (which frees their room,
     * and makes the next delivery of each task due), then leases what is due, as many as may be in flight, and
     * sends each. When the transaction fails, the ended attempts' leases run out and they are sent again: at
     * least once.
     */
    private void turn() {
        List<Attempt> attempts = new ArrayList<>();
        for (Attempt attempt = ended.poll(); attempt != null; attempt = ended.poll()) {
            attempts.add(attempt);
        }
        int room = free.availablePermits() + attempts.size();
        if (room == 0) {
            return;
        }
        Instant now = Instant.now();
        Leased leased;
        try {
            leased = queue.recordThenLease(attempts, owner, now, room, from, now.plusSeconds(leaseSeconds));
            turnFailed = false;
        } catch (NoSuchEJBException e) {
            return; // the application is stopping: this worker stops with it
        } catch (RuntimeException e) {
            if (!turnFailed) {
                LOG.warning(() -> "Cannot work the webhook deliveries, they wait (" + attempts.size()
                        + " ended attempts are sent again): " + e);
            }
            turnFailed = true;
            return;
        } finally {
            free.release(attempts.size());
        }
        attempts.forEach(this::count);
        from = leased.next();
        free.acquireUninterruptibly(leased.due().size()); // only turns take room, one at a time: it is there
        leased.due().forEach(this::send);
        if (!from.equals(Place.START) && !leased.due().isEmpty() && free.availablePermits() > 0) {
            wake(); // more is queued than this turn looked at (a window of waiting ones waits for the poll)
        }
    }

    private void send(Due due) {
        if (due.subscriptionId().equals(BrokerPublisher.SUBSCRIPTION_ID)) {
            executor.execute(() -> publish(due));
            return;
        }
        if (!targets.allows(due.url().getHost())) {
            // the administrator has taken the host off the list since the subscription was made
            ended(due, null, false);
            return;
        }
        String body;
        String contentType = "application/cloudevents+json";
        if (due.format() == null) {
            body = due.event().cloudEvent(source);
        } else {
            DeliveryFormat format = formats.get(due.format());
            Optional<String> formatted;
            try {
                formatted = format.body(due.event());
            } catch (RuntimeException e) {
                ended(due, null, false); // cannot read what to send now: later
                return;
            }
            if (formatted.isEmpty()) {
                ended(due, null, true); // nothing to send of it any more
                return;
            }
            body = formatted.get();
            contentType = format.contentType();
        }
        String id = String.valueOf(due.event().id());
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(due.url())
                .timeout(Duration.ofSeconds(timeoutSeconds))
                .header("Content-Type", contentType)
                .header("webhook-id", id)
                .header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", WebhookSignature.header(due.secrets(), id, timestamp, body));
        due.headers().forEach(request::header);
        try {
            http.sendAsync(
                            request.POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        Integer status = response == null ? null : response.statusCode();
                        ended(due, status, status != null && status / 100 == 2);
                    });
        } catch (RuntimeException e) {
            ended(due, null, false);
        }
    }

    private void publish(Due due) {
        boolean confirmed = false;
        try {
            broker.publish(due.event(), due.event().cloudEvent(source), source);
            confirmed = true;
            brokerFailed = false;
        } catch (Exception e) {
            if (!brokerFailed) {
                LOG.warning(() -> "Cannot publish to the broker, its messages wait and are retried: " + e);
            }
            brokerFailed = true;
        }
        ended(due, null, confirmed);
    }

    /** An attempt has ended: it waits to be recorded by the next turn, which it asks for. */
    private void ended(Due due, Integer statusCode, boolean delivered) {
        Instant now = Instant.now();
        if (delivered) {
            ended.add(new Attempt(due, now, statusCode, "DELIVERED", null));
        } else {
            Optional<Instant> next =
                    retries.next(due.attempts() + 1, due.event().time(), now);
            ended.add(new Attempt(due, now, statusCode, next.isPresent() ? "PENDING" : "FAILED", next.orElse(null)));
        }
        wake();
    }

    private void count(Attempt attempt) {
        Due due = attempt.due();
        switch (attempt.status()) {
            case "DELIVERED" -> {
                metrics.counter("htm.events.delivered").inc();
                metrics.timer("htm.events.delivery.latency")
                        .update(Duration.between(due.event().time(), attempt.time()));
            }
            case "PENDING" -> metrics.counter("htm.events.delivery.retried").inc();
            default -> {
                metrics.counter("htm.events.delivery.failed").inc();
                LOG.warning(
                        () -> "Gave up webhook delivery of event " + due.event().id() + " to subscription "
                                + due.subscriptionId() + " after " + (due.attempts() + 1) + " attempts");
            }
        }
    }

    private void prune() {
        Instant before = Instant.now().minus(Duration.ofDays(retentionDays));
        try {
            while (queue.prune(before) == DeliveryQueue.PRUNE_BATCH) {
                // another batch
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "Cannot prune the event outbox: " + e);
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        wake();
        if (pruning != null) {
            pruning.cancel(false);
        }
        if (sending != null) {
            sending.shutdown();
        }
    }
}
