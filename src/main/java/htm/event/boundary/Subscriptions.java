package htm.event.boundary;

import static htm.security.control.Role.ADMIN_NAME;
import static htm.security.control.Role.APIREAD_NAME;
import static htm.security.control.Role.APIWRITE_NAME;
import static htm.security.control.Role.ENGINEERING_NAME;
import static htm.security.control.Role.SUPPORT_NAME;

import htm.event.control.EventTypes;
import htm.event.control.WebhookTargets;
import htm.event.entity.WebhookSubscription;
import htm.problem.entity.HtmException;
import htm.security.boundary.CurrentCaller;
import htm.task.control.JsonInput;
import htm.task.control.Times;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Webhook subscriptions (API.md §7): engineering and administrators make, read, rotate and remove them. An
 * agent's push notifications to one task are subscriptions too, made and kept by A2A (PushConfigs), not here.
 */
@Stateless
@DeclareRoles({ADMIN_NAME, APIWRITE_NAME, APIREAD_NAME, SUPPORT_NAME, ENGINEERING_NAME})
@RolesAllowed({ADMIN_NAME, ENGINEERING_NAME})
public class Subscriptions {

    static final int MAX_SUBSCRIPTIONS = 1000;
    static final int MAX_DELIVERIES_LISTED = 1000;
    private static final Set<String> FIELDS = Set.of("url", "types", "filter");
    private static final Set<String> FILTERS = Set.of("namespace", "namePrefix", "taskTemplateID");
    private static final Set<String> STATUSES = Set.of("PENDING", "DELIVERED", "FAILED");

    @PersistenceContext(unitName = "htm")
    EntityManager em;

    @Resource(lookup = "jdbc/htm")
    DataSource database;

    @Inject
    CurrentCaller caller;

    @Inject
    @ConfigProperty(name = "htm.webhook.allowed.hosts")
    Optional<String> allowedHosts;

    /** How long a rotated-out secret keeps signing. */
    @Inject
    @ConfigProperty(name = "htm.webhook.secret.overlap.hours", defaultValue = "24")
    long secretOverlapHours;

    public SubscriptionView create(JsonObject body) {
        onlyFields(body, FIELDS, "");
        String url = new WebhookTargets(allowedHosts.orElse(""))
                .check(JsonInput.string(body, "url", 2000))
                .toString();
        Set<String> types = new LinkedHashSet<>();
        for (String type : JsonInput.strings(body, "types", "types", 60)) {
            types.add(EventTypes.named(type, "types"));
        }
        JsonObject filter = JsonInput.optionalObject(body, "filter");
        if (filter == null) {
            filter = JsonObject.EMPTY_JSON_OBJECT;
        }
        onlyFields(filter, FILTERS, "filter.");
        long count = em.createQuery("select count(s) from WebhookSubscription s where s.taskId is null", Long.class)
                .getSingleResult();
        if (count >= MAX_SUBSCRIPTIONS) {
            throw HtmException.invalidInput("url", "there are " + MAX_SUBSCRIPTIONS + " subscriptions already");
        }
        WebhookSubscription subscription = new WebhookSubscription(
                url,
                List.copyOf(types),
                filterValue(filter, "namespace", 255),
                filterValue(filter, "namePrefix", 255),
                filterValue(filter, "taskTemplateID", 36),
                caller.name(),
                Instant.now());
        em.persist(subscription);
        return SubscriptionView.withSecret(subscription);
    }

    public List<SubscriptionView> list() {
        return em.createQuery(
                        "select s from WebhookSubscription s where s.taskId is null order by s.creationTime, s.id",
                        WebhookSubscription.class)
                .setMaxResults(MAX_SUBSCRIPTIONS)
                .getResultStream()
                .map(SubscriptionView::of)
                .toList();
    }

    public SubscriptionView find(String id) {
        return SubscriptionView.of(subscription(id));
    }

    /** A new secret, shown once; the old one signs too until the overlap ends. */
    public SubscriptionView rotateSecret(String id) {
        WebhookSubscription subscription = subscription(id);
        subscription.rotateSecret(Instant.now(), Duration.ofHours(secretOverlapHours));
        return SubscriptionView.withSecret(subscription);
    }

    /** Removes the subscription and what it had still to deliver. */
    public void delete(String id) {
        WebhookSubscription subscription = subscription(id);
        em.createNativeQuery("delete from webhook_delivery where subscription_id = ?1")
                .setParameter(1, subscription.id())
                .executeUpdate();
        em.remove(subscription);
    }

    /** The subscription's deliveries, newest event first; a status narrows them. */
    public List<DeliveryView> deliveries(String id, String status, int limit) {
        String wanted = subscription(id).id();
        if (status != null && !STATUSES.contains(status)) {
            throw HtmException.invalidInput("status", "must be one of " + STATUSES);
        }
        if (limit < 1 || limit > MAX_DELIVERIES_LISTED) {
            throw HtmException.invalidInput("limit", "must be 1 to " + MAX_DELIVERIES_LISTED);
        }
        String sql = "select d.event_id, e.type, d.task_id, d.attempts, d.status, d.last_attempt_time,"
                + " d.next_attempt_time, d.last_status_code from webhook_delivery d"
                + " left join task_event e on e.id = d.event_id where d.subscription_id = ?"
                + (status == null ? "" : " and d.status = ?") + " order by d.event_id desc";
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, wanted);
            if (status != null) {
                select.setString(2, status);
            }
            select.setMaxRows(limit);
            List<DeliveryView> deliveries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    boolean pending = rows.getString(5).equals("PENDING");
                    deliveries.add(new DeliveryView(
                            String.valueOf(rows.getLong(1)),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getInt(4),
                            rows.getString(5),
                            time(rows.getObject(6, OffsetDateTime.class)),
                            pending ? time(rows.getObject(7, OffsetDateTime.class)) : null,
                            rows.getObject(8, Integer.class)));
                }
            }
            return deliveries;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the webhook deliveries", e);
        }
    }

    /** A subscription of this API; an agent's push to a task is A2A's to manage. */
    private WebhookSubscription subscription(String id) {
        WebhookSubscription subscription =
                id == null || id.length() > 36 ? null : em.find(WebhookSubscription.class, id);
        if (subscription == null || subscription.taskId() != null) {
            throw HtmException.notFound("Subscription", id);
        }
        return subscription;
    }

    private static String filterValue(JsonObject filter, String field, int maxLength) {
        String value = JsonInput.string(filter, field, maxLength);
        if (value != null && value.isEmpty()) {
            throw HtmException.invalidInput("filter." + field, "must not be empty; leave it out to match every task");
        }
        return value;
    }

    /** A misspelt field would widen what a subscription hears, so unknown fields are refused. */
    private static void onlyFields(JsonObject object, Set<String> fields, String prefix) {
        for (String name : object.keySet()) {
            if (!fields.contains(name)) {
                throw HtmException.invalidInput(prefix + name, "is not a field here; use " + fields);
            }
        }
    }

    private static String time(OffsetDateTime time) {
        return time == null ? null : Times.format(time.toInstant());
    }
}
