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
 * The webhook deliveries in the database, for the workers of every server: leasing what is due so that only one
 * server sends it, recording how it went, and pruning what is old. Each method is one short transaction of its
 * own, working a whole batch; the HTTP requests happen between a worker's turns, outside any transaction. The
 * workers run with no caller, so these are permitted to all; no resource calls them.
 */
@Stateless
@DeclareRoles({ADMIN_NAME, APIWRITE_NAME, APIREAD_NAME, SUPPORT_NAME, ENGINEERING_NAME})
@PermitAll
public class DeliveryQueue {

    /**
     * A delivery to send: the event, where to, in what format (null: the event itself), with what more headers,
     * and the secrets that sign it now.
     */
    public record Due(
            String subscriptionId,
            URI url,
            String format,
            Map<String, String> headers,
            List<String> secrets,
            int attempts,
            TaskEvent event) {}

    /**
     * How one attempt went, at what time: status DELIVERED, FAILED, or PENDING again until next; the HTTP
     * status code when there was an answer.
     */
    public record Attempt(Due due, Instant time, Integer statusCode, String status, Instant next) {}

    /** How many queued deliveries one turn looks at, at most. */
    static final int WINDOW = 256;

    /**
     * A window of the pending and unleased deliveries whose time has come, in the order they are due, from a place
     * in that order on; each says whether it is the first pending one of its task for its subscription (those
     * after it wait, so that a task's events arrive in order). The window is taken before the joins, so that a
     * long queue costs one index range, never a join per row queued (when the planner's statistics lag
     * behind a growing queue, it would otherwise join all of it to sort it).
     */
    private static final String DUE = "select d.subscription_id, d.attempts, d.next_attempt_time, e.id, e.task_id,"
            + " e.type, e.event_time, e.data, not exists (select 1 from webhook_delivery p"
            + " where p.subscription_id = d.subscription_id and p.task_id = d.task_id and p.status = 'PENDING'"
            + " and p.event_id < d.event_id) from (select subscription_id, event_id, task_id, attempts,"
            + " next_attempt_time from webhook_delivery where status = 'PENDING' and next_attempt_time <= ?"
            + " and (lease_until is null or lease_until < ?) and next_attempt_time >= ?"
            + " and not (next_attempt_time = ? and event_id <= ?) order by next_attempt_time, event_id"
            + " fetch first " + WINDOW + " rows only) d join task_event e on e.id = d.event_id"
            + " order by d.next_attempt_time, d.event_id";

    private static final String LEASE = "update webhook_delivery set lease_owner = ?, lease_until = ?"
            + " where subscription_id = ? and event_id = ? and status = 'PENDING'"
            + " and (lease_until is null or lease_until < ?)";

    private static final String ATTEMPTED = "update webhook_delivery set status = ?, attempts = attempts + 1,"
            + " last_attempt_time = ?, last_status_code = ?, next_attempt_time = ?, lease_owner = null,"
            + " lease_until = null where subscription_id = ? and event_id = ? and lease_owner = ?";

    static final int PRUNE_BATCH = 10_000;

    @Resource(lookup = "jdbc/htm")
    DataSource database;

    @PersistenceContext(unitName = "htm")
    EntityManager em;

    /** A place in the order deliveries are due: before those due later, or due at once with a later event. */
    public record Place(Instant time, long eventId) {
        /** Before every delivery. */
        public static final Place START = new Place(Instant.EPOCH, Long.MIN_VALUE);
    }

    /** What a turn leased, and where the next turn looks from: START, or past a window that held too few. */
    public record Leased(List<Due> due, Place next) {}

    /**
     * Leases for this server, until the given time, up to limit deliveries that are due, looking from a place in
     * their order on: one query and one batch of conditional updates. A delivery another server
     * leased in between is left to it. Each turn looks from the head of the queue, where the oldest are, unless
     * the last one's whole window held too few it could send (deliveries waiting for an earlier one of their
     * task): then it goes on past that window, so that every delivery due is reached however many wait before
     * it. The updates take their rows in the order of the query, the same on every server, so that two servers
     * leasing at once wait for each other at worst and never deadlock.
     */
    private Leased lease(Instant now, int limit, Place from, String owner, Instant until) {
        List<Due> due = new ArrayList<>();
        Place next;
        Map<String, WebhookSubscription> subscriptions = new HashMap<>();
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement(DUE);
                PreparedStatement lease = connection.prepareStatement(LEASE)) {
            set(select, utc(now), utc(now), utc(from.time()), utc(from.time()), from.eventId());
            try (ResultSet rows = select.executeQuery()) {
                int looked = 0;
                Place last = Place.START;
                while (due.size() < limit && rows.next()) {
                    looked++;
                    last = new Place(rows.getObject(3, OffsetDateTime.class).toInstant(), rows.getLong(4));
                    WebhookSubscription subscription = subscriptions.computeIfAbsent(
                            rows.getString(1), id -> em.find(WebhookSubscription.class, id));
                    if (!rows.getBoolean(9) || subscription == null) {
                        continue; // waits for an earlier one of its task, or the subscription is gone
                    }
                    due.add(new Due(
                            subscription.id(),
                            URI.create(subscription.url()),
                            subscription.format(),
                            subscription.headers(),
                            subscription.signingSecrets(now),
                            rows.getInt(2),
                            new TaskEvent(
                                    rows.getLong(4),
                                    rows.getString(5),
                                    rows.getString(6),
                                    rows.getObject(7, OffsetDateTime.class).toInstant(),
                                    rows.getString(8))));
                }
                // from the head again, unless the whole window was held back: then on past it
                next = looked == WINDOW && due.size() < limit ? last : Place.START;
            }
            if (due.isEmpty()) {
                return new Leased(due, next);
            }
            for (Due delivery : due) {
                set(
                        lease,
                        owner,
                        utc(until),
                        delivery.subscriptionId(),
                        delivery.event().id(),
                        utc(now));
                lease.addBatch();
            }
            int[] leased = lease.executeBatch();
            List<Due> ours = new ArrayList<>(due.size());
            for (int i = 0; i < leased.length; i++) {
                if (leased[i] == 1) {
                    ours.add(due.get(i));
                }
            }
            return new Leased(ours, next);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot lease the webhook deliveries", e);
        }
    }

    /**
     * A worker's turn, in one transaction: records the attempts that have ended, then leases what is due (the
     * recorded ones make the next delivery of their tasks due at once).
     */
    public Leased recordThenLease(
            List<Attempt> attempts, String owner, Instant now, int limit, Place from, Instant until) {
        if (!attempts.isEmpty()) {
            attempted(attempts, owner);
        }
        return lease(now, limit, from, owner, until);
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

    /**
     * Records attempts and frees their leases: each DELIVERED, or PENDING again until its
     * next attempt, or FAILED when none is to come. Only the lease's holder records; a server that lost a lease
     * to another keeps quiet about it.
     */
    private void attempted(List<Attempt> attempts, String owner) {
        try (Connection connection = database.getConnection();
                PreparedStatement update = connection.prepareStatement(ATTEMPTED)) {
            for (Attempt attempt : attempts) {
                set(
                        update,
                        attempt.status(),
                        utc(attempt.time()),
                        attempt.statusCode(),
                        utc(attempt.next() == null ? attempt.time() : attempt.next()),
                        attempt.due().subscriptionId(),
                        attempt.due().event().id(),
                        owner);
                update.addBatch();
            }
            update.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the webhook deliveries", e);
        }
    }

    /**
     * Removes what is older than the given time: finished deliveries, pushes of tasks that are gone, then events no
     * delivery waits for. In
     * batches, so that no statement holds many rows; returns how many events went.
     */
    public int prune(Instant before) {
        update("delete from webhook_delivery where status <> 'PENDING' and event_time < ?", utc(before));
        // pushes of tasks that are gone, once nothing waits to be sent
        update(
                "delete from webhook_subscription s where s.task_id is not null and s.creation_time < ?"
                        + " and not exists (select 1 from task t where t.tkiid = s.task_id)"
                        + " and not exists (select 1 from webhook_delivery d where d.subscription_id = s.id"
                        + " and d.status = 'PENDING')",
                utc(before));
        return update(
                "delete from task_event where id in (select e.id from task_event e where e.event_time < ?"
                        + " and not exists (select 1 from webhook_delivery d where d.event_id = e.id)"
                        + " fetch first " + PRUNE_BATCH + " rows only)",
                utc(before));
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = database.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            set(update, parameters);
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update the webhook deliveries", e);
        }
    }

    /** Sets the statement's parameters in order; a null is the only nullable column's type, an integer. */
    private static void set(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == null) {
                statement.setNull(i + 1, Types.INTEGER);
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
    }

    private static OffsetDateTime utc(Instant time) {
        return time.atOffset(ZoneOffset.UTC);
    }
}
