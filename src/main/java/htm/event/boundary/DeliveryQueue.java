package htm.event.boundary;

import static htm.security.control.Role.ADMIN_NAME;
import static htm.security.control.Role.APIREAD_NAME;
import static htm.security.control.Role.APIWRITE_NAME;
import static htm.security.control.Role.ENGINEERING_NAME;
import static htm.security.control.Role.SUPPORT_NAME;

import htm.event.control.TaskEvent;
import htm.event.entity.WebhookSubscription;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The webhook deliveries in the database, for the workers of every server: which are due, leasing one so that
 * only one server sends it, recording how it went, and pruning what is old. Each method is one short
 * transaction of its own; the HTTP request happens between them, outside any transaction. The workers run
 * with no caller, so these are permitted to all; no resource calls them.
 */
@Stateless
@DeclareRoles({ADMIN_NAME, APIWRITE_NAME, APIREAD_NAME, SUPPORT_NAME, ENGINEERING_NAME})
@PermitAll
public class DeliveryQueue {

    /** A delivery to send: the event, where to, and the secrets that sign it now. */
    public record Due(String subscriptionId, URI url, List<String> secrets, int attempts, TaskEvent event) {}

    /**
     * Pending and unleased deliveries whose time has come, each the first pending one of its task for its
     * subscription (those after it wait, so that a task's events arrive in order).
     */
    private static final String DUE = "select d.subscription_id, d.attempts, e.id, e.task_id, e.type, e.event_time,"
            + " e.data from webhook_delivery d join task_event e on e.id = d.event_id"
            + " where d.status = 'PENDING' and d.next_attempt_time <= ? and (d.lease_until is null or d.lease_until < ?)"
            + " and not exists (select 1 from webhook_delivery p where p.subscription_id = d.subscription_id"
            + " and p.task_id = d.task_id and p.status = 'PENDING' and p.event_id < d.event_id)"
            + " order by d.next_attempt_time, d.event_id";

    static final int PRUNE_BATCH = 10_000;

    @Resource(lookup = "jdbc/htm")
    DataSource database;

    @PersistenceContext(unitName = "htm")
    EntityManager em;

    public List<Due> due(Instant now, int limit) {
        List<Due> due = new ArrayList<>();
        Map<String, WebhookSubscription> subscriptions = new HashMap<>();
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement(DUE)) {
            select.setObject(1, utc(now));
            select.setObject(2, utc(now));
            select.setMaxRows(limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    WebhookSubscription subscription = subscriptions.computeIfAbsent(
                            rows.getString(1), id -> em.find(WebhookSubscription.class, id));
                    if (subscription == null) {
                        continue; // removed since
                    }
                    due.add(new Due(
                            subscription.id(),
                            URI.create(subscription.url()),
                            subscription.signingSecrets(now),
                            rows.getInt(2),
                            new TaskEvent(
                                    rows.getLong(3),
                                    rows.getString(4),
                                    rows.getString(5),
                                    rows.getObject(6, OffsetDateTime.class).toInstant(),
                                    rows.getString(7))));
                }
            }
            return due;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the webhook deliveries", e);
        }
    }

    /**
     * Makes the subscription through which the broker hears every event, or removes it (and what it had still
     * to send) when no broker is configured. Two servers starting at once may both insert: one wins, and the
     * other's insert fails harmlessly on the key.
     */
    public void brokerSubscription(String id, String url) {
        WebhookSubscription subscription = em.find(WebhookSubscription.class, id);
        if (url == null && subscription != null) {
            em.createNativeQuery("delete from webhook_delivery where subscription_id = ?1")
                    .setParameter(1, id)
                    .executeUpdate();
            em.remove(subscription);
        } else if (url != null && subscription == null) {
            em.persist(WebhookSubscription.everyEvent(id, url, Instant.now()));
        }
    }

    /** Takes the delivery for this server until the given time; false when another server holds it. */
    public boolean lease(Due due, String owner, Instant now, Instant until) {
        return update(
                        "update webhook_delivery set lease_owner = ?, lease_until = ? where subscription_id = ?"
                                + " and event_id = ? and status = 'PENDING' and (lease_until is null or lease_until < ?)",
                        owner,
                        utc(until),
                        due.subscriptionId(),
                        due.event().id(),
                        utc(now))
                == 1;
    }

    /**
     * Records an attempt and frees the lease: DELIVERED, or PENDING again until the next attempt, or FAILED
     * when none is to come. Only the lease's holder records; a server that lost its lease to another keeps quiet.
     */
    public void attempted(Due due, String owner, Instant now, Integer statusCode, String status, Instant next) {
        update(
                "update webhook_delivery set status = ?, attempts = attempts + 1, last_attempt_time = ?,"
                        + " last_status_code = ?, next_attempt_time = ?, lease_owner = null, lease_until = null"
                        + " where subscription_id = ? and event_id = ? and lease_owner = ?",
                status,
                utc(now),
                statusCode,
                utc(next == null ? now : next),
                due.subscriptionId(),
                due.event().id(),
                owner);
    }

    /**
     * Removes what is older than the given time: finished deliveries, then events no delivery waits for. In
     * batches, so that no statement holds many rows; returns how many events went.
     */
    public int prune(Instant before) {
        update("delete from webhook_delivery where status <> 'PENDING' and event_time < ?", utc(before));
        return update(
                "delete from task_event where id in (select e.id from task_event e where e.event_time < ?"
                        + " and not exists (select 1 from webhook_delivery d where d.event_id = e.id)"
                        + " fetch first " + PRUNE_BATCH + " rows only)",
                utc(before));
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = database.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] == null) {
                    update.setNull(i + 1, Types.INTEGER);
                } else {
                    update.setObject(i + 1, parameters[i]);
                }
            }
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update the webhook deliveries", e);
        }
    }

    private static OffsetDateTime utc(Instant time) {
        return time.atOffset(ZoneOffset.UTC);
    }
}
