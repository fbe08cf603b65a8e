package htm.event.entity;

import static htm.task.control.JsonApi.JSON;

import htm.task.entity.Assignment;
import htm.task.entity.HistoryEntry;
import htm.task.entity.PeopleRole;
import htm.task.entity.Task;
import htm.task.entity.TaskAction;
import htm.task.entity.TaskState;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PreDeleteEvent;
import org.hibernate.event.spi.PreDeleteEventListener;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Writes the event of every change of a task into the outbox table task_event, in the flush that stores the
 * change and so in its transaction: one per history entry the task writes, and one when a task is deleted. A
 * change that rolls back leaves no event; no path that changes a task can skip this. The row keeps what the
 * event says (API.md §7: the actor, the states before and after, a summary of the task as it is now); the
 * CloudEvents envelope around it is put on when the event is read. The same statement queues the event's
 * delivery to every webhook subscription that wants it (webhook_delivery), so that the deliveries are as
 * durable as the change.
 */
public class EventOutbox implements Integrator, PostInsertEventListener, PreDeleteEventListener {

    private static final String INSERT_EVENT = "insert into task_event (id, task_id, type, event_time, data) values (";
    private static final String INSERT_DELIVERIES = "insert into webhook_delivery (subscription_id, task_id, "
            + "status, attempts, event_time, next_attempt_time, event_id) select s.id, ?, 'PENDING', 0, ?, ?, ";
    private static final String FROM_SUBSCRIPTIONS = " from webhook_subscription s";
    /** The subscriptions that want an event: its type, the task's namespace, name and template, or the task. */
    private static final String WANTED = " where (s.types = '*' or s.types like ?)"
            + " and (s.namespace is null or s.namespace = ?)"
            + " and (s.name_prefix is null or left(cast(? as varchar(255)), length(s.name_prefix)) = s.name_prefix)"
            + " and (s.task_template_id is null or s.task_template_id = ?)"
            + " and (s.task_id is null or s.task_id = ?)";

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrap, SessionFactoryImplementor sessionFactory) {
        EventListenerRegistry listeners = sessionFactory.getEventListenerRegistry();
        listeners.appendListeners(EventType.POST_INSERT, this);
        listeners.appendListeners(EventType.PRE_DELETE, this);
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        if (event.getEntity() instanceof HistoryEntry entry) {
            write(
                    event.getSession(),
                    entry.task(),
                    entry.action(),
                    entry.principal(),
                    entry.fromState(),
                    entry.toState(),
                    entry.eventTime());
        }
    }

    @Override
    public boolean onPreDelete(PreDeleteEvent event) {
        if (event.getEntity() instanceof Task task) {
            String actor = task.deletedBy() == null ? "system" : task.deletedBy();
            write(event.getSession(), task, TaskAction.DELETE, actor, task.state(), null, Instant.now());
        }
        return false;
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private static void write(
            SharedSessionContractImplementor session,
            Task task,
            TaskAction action,
            String actor,
            TaskState from,
            TaskState to,
            Instant time) {
        boolean postgres = session.getJdbcServices().getDialect() instanceof PostgreSQLDialect;
        String data = data(task, actor, from, to);
        OffsetDateTime at = time.atOffset(ZoneOffset.UTC);
        session.doWork(connection -> {
            if (postgres) {
                // one round trip: the event, and a delivery of it to every subscription that wants it
                try (PreparedStatement insert = connection.prepareStatement("with e as (" + INSERT_EVENT
                        + "nextval('task_event_seq'), ?, ?, ?, ?) returning id) " + INSERT_DELIVERIES
                        + "e.id" + FROM_SUBSCRIPTIONS + ", e" + WANTED)) {
                    int next = event(insert, 1, task, action, at, data);
                    deliveries(insert, next, task, action, at);
                    insert.executeUpdate();
                }
                return;
            }
            long id;
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select next value for task_event_seq")) {
                rows.next();
                id = rows.getLong(1);
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT_EVENT + id + ", ?, ?, ?, ?)")) {
                event(insert, 1, task, action, at, data);
                insert.executeUpdate();
            }
            try (PreparedStatement insert =
                    connection.prepareStatement(INSERT_DELIVERIES + id + FROM_SUBSCRIPTIONS + WANTED)) {
                deliveries(insert, 1, task, action, at);
                insert.executeUpdate();
            }
        });
    }

    /** Sets the event's columns from the given parameter on; returns the next parameter. */
    private static int event(
            PreparedStatement insert, int first, Task task, TaskAction action, OffsetDateTime at, String data)
            throws SQLException {
        insert.setString(first, task.tkiid());
        insert.setString(first + 1, action.eventType());
        insert.setObject(first + 2, at);
        insert.setString(first + 3, data);
        return first + 4;
    }

    private static void deliveries(PreparedStatement insert, int first, Task task, TaskAction action, OffsetDateTime at)
            throws SQLException {
        insert.setString(first, task.tkiid());
        insert.setObject(first + 1, at);
        insert.setObject(first + 2, at);
        insert.setString(first + 3, "%," + action.eventType() + ",%");
        insert.setString(first + 4, task.namespace());
        insert.setString(first + 5, task.name());
        insert.setString(first + 6, task.taskTemplateID());
        insert.setString(first + 7, task.tkiid());
    }

    /** The event's data: who did it, the states before and after (null when the state stayed), the task now. */
    static String data(Task task, String actor, TaskState from, TaskState to) {
        JsonObjectBuilder data = JSON.createObjectBuilder().add("actor", actor);
        addNullable(data, "fromState", from == null ? null : from.name());
        addNullable(data, "toState", to == null ? null : to.name());
        JsonObjectBuilder summary =
                JSON.createObjectBuilder().add("tkiid", task.tkiid()).add("name", task.name());
        addNullable(summary, "namespace", task.namespace());
        summary.add("priority", task.priority());
        addNullable(
                summary,
                "dueTime",
                task.dueTime() == null ? null : task.dueTime().toString());
        addNullable(summary, "owner", task.owner());
        summary.add("state", task.state().name()).add("isSuspended", task.isSuspended());
        JsonArrayBuilder users = JSON.createArrayBuilder();
        JsonArrayBuilder groups = JSON.createArrayBuilder();
        for (Assignment assignment : task.people()) {
            if (assignment.role() == PeopleRole.POTENTIAL_OWNER) {
                (assignment.isGroup() ? groups : users).add(assignment.principal());
            }
        }
        summary.add(
                "potentialOwners",
                JSON.createObjectBuilder().add("users", users).add("groups", groups));
        return data.add("task", summary).build().toString();
    }

    private static void addNullable(JsonObjectBuilder object, String name, String value) {
        if (value == null) {
            object.addNull(name);
        } else {
            object.add(name, value);
        }
    }
}
