package htm.event.boundary;

import htm.event.boundary.DeliveryQueue.Due;
import htm.event.control.RetrySchedule;
import htm.event.control.WebhookSignature;
import htm.event.control.WebhookTargets;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.NoSuchEJBException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Sends the webhook deliveries (API.md §7). Every server runs this worker over the shared delivery table: it
 * leases what is due, so that each delivery is sent by one server, POSTs it signed, and records the answer — 2xx
 * delivered, anything else tried again later with a growing wait, given up when the retry window has passed.
 * A server killed mid-delivery loses nothing: its lease runs out and another server sends it again. The message
 * broker, where one is configured, is one more subscription (BrokerPublisher): published and confirmed instead
 * of POSTed, retried and ordered the same way.
 */
@ApplicationScoped
public class WebhookDeliveries {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveries.class.getName());
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    @EJB
    DeliveryQueue queue;

    @Inject
    MetricRegistry metrics;

    @Inject
    BrokerPublisher broker;

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
    @ConfigProperty(name = "htm.webhook.concurrency", defaultValue = "16")
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
    private HttpClient http;
    private ScheduledFuture<?> polling;
    private ScheduledFuture<?> pruning;
    private volatile boolean pollFailed;
    private volatile boolean brokerFailed;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        targets = new WebhookTargets(allowedHosts.orElse(""));
        retries = new RetrySchedule(
                Duration.ofSeconds(firstRetrySeconds),
                Duration.ofSeconds(longestRetrySeconds),
                Duration.ofHours(retryHours));
        free = new Semaphore(concurrency);
        http = HttpClient.newBuilder()
                .executor(executor)
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
        polling = scheduler.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
        pruning = scheduler.scheduleWithFixedDelay(
                this::prune, PRUNE_EVERY.toMinutes(), PRUNE_EVERY.toMinutes(), TimeUnit.MINUTES);
    }

    /** One turn: lease what is due, as many as may be in flight, and send each. */
    void poll() {
        int room = free.availablePermits();
        if (room == 0) {
            return;
        }
        try {
            Instant now = Instant.now();
            for (Due due : queue.due(now, room)) {
                if (!free.tryAcquire()) {
                    break;
                }
                boolean leased = false;
                try {
                    leased = queue.lease(due, owner, now, now.plusSeconds(leaseSeconds));
                } finally {
                    if (!leased) {
                        free.release(); // another server has it
                    }
                }
                if (leased) {
                    send(due);
                }
            }
            pollFailed = false;
        } catch (NoSuchEJBException e) {
            // the application is stopping: this worker stops with it
        } catch (RuntimeException e) {
            if (!pollFailed) {
                LOG.warning(() -> "Cannot read the webhook deliveries, they wait: " + e);
            }
            pollFailed = true;
        }
    }

    private void send(Due due) {
        if (due.subscriptionId().equals(BrokerPublisher.SUBSCRIPTION_ID)) {
            executor.execute(() -> publish(due));
            return;
        }
        if (!targets.allows(due.url().getHost())) {
            // the administrator has taken the host off the list since the subscription was made
            record(due, null, Instant.now(), false);
            return;
        }
        String body = due.event().cloudEvent(source);
        String id = String.valueOf(due.event().id());
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(due.url())
                .timeout(Duration.ofSeconds(timeoutSeconds))
                .header("Content-Type", "application/cloudevents+json")
                .header("webhook-id", id)
                .header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", WebhookSignature.header(due.secrets(), id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                Integer status = response == null ? null : response.statusCode();
                record(due, status, Instant.now(), status != null && status / 100 == 2);
            });
        } catch (RuntimeException e) {
            record(due, null, Instant.now(), false);
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
        record(due, null, Instant.now(), confirmed);
    }

    private void record(Due due, Integer status, Instant now, boolean delivered) {
        try {
            if (delivered) {
                queue.attempted(due, owner, now, status, "DELIVERED", null);
                metrics.counter("htm.events.delivered").inc();
                metrics.timer("htm.events.delivery.latency")
                        .update(Duration.between(due.event().time(), now));
                return;
            }
            Optional<Instant> next =
                    retries.next(due.attempts() + 1, due.event().time(), now);
            queue.attempted(due, owner, now, status, next.isPresent() ? "PENDING" : "FAILED", next.orElse(null));
            metrics.counter(next.isPresent() ? "htm.events.delivery.retried" : "htm.events.delivery.failed")
                    .inc();
            if (next.isEmpty()) {
                LOG.warning(
                        () -> "Gave up webhook delivery of event " + due.event().id() + " to subscription "
                                + due.subscriptionId() + " after " + (due.attempts() + 1) + " attempts");
            }
        } catch (RuntimeException e) {
            // the lease runs out and the delivery is sent again: at least once
            LOG.warning(() ->
                    "Cannot record the webhook delivery of event " + due.event().id() + ": " + e);
        } finally {
            free.release();
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
        for (ScheduledFuture<?> task : List.of(polling, pruning)) {
            if (task != null) {
                task.cancel(false);
            }
        }
    }
}
