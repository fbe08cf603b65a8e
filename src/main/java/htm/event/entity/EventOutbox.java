package htm.event.entity;

import htm.task.entity.Assignment;
import htm.task.entity.HistoryEntry;
import htm.task.entity.PeopleRole;
import htm.task.entity.Task;
import htm.task.entity.TaskAction;
import htm.task.entity.TaskState;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
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
 * CloudEvents envelope around it is put on when the event is read.
 */
public class EventOutbox implements Integrator, PostInsertEventListener, PreDeleteEventListener {

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
        String nextId = session.getJdbcServices()
                .getDialect()
                .getSequenceSupport()
                .getSelectSequenceNextValString("task_event_seq");
        String data = data(task, actor, from, to);
        session.doWork(connection -> {
            try (PreparedStatement insert =
                    connection.prepareStatement("insert into task_event (id, task_id, type, event_time, data) values ("
                            + nextId + ", ?, ?, ?, ?)")) {
                insert.setString(1, task.tkiid());
                insert.setString(2, action.eventType());
                insert.setObject(3, time.atOffset(ZoneOffset.UTC));
                insert.setString(4, data);
                insert.executeUpdate();
            }
        });
    }

    /** The event's data: who did it, the states before and after (null when the state stayed), the task now. */
    static String data(Task task, String actor, TaskState from, TaskState to) {
        JsonObjectBuilder data = Json.createObjectBuilder().add("actor", actor);
        addNullable(data, "fromState", from == null ? null : from.name());
        addNullable(data, "toState", to == null ? null : to.name());
        JsonObjectBuilder summary =
                Json.createObjectBuilder().add("tkiid", task.tkiid()).add("name", task.name());
        addNullable(summary, "namespace", task.namespace());
        summary.add("priority", task.priority());
        addNullable(
                summary,
                "dueTime",
                task.dueTime() == null ? null : task.dueTime().toString());
        addNullable(summary, "owner", task.owner());
        summary.add("state", task.state().name()).add("isSuspended", task.isSuspended());
        JsonArrayBuilder users = Json.createArrayBuilder();
        JsonArrayBuilder groups = Json.createArrayBuilder();
        for (Assignment assignment : task.people()) {
            if (assignment.role() == PeopleRole.POTENTIAL_OWNER) {
                (assignment.isGroup() ? groups : users).add(assignment.principal());
            }
        }
        summary.add(
                "potentialOwners",
                Json.createObjectBuilder().add("users", users).add("groups", groups));
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
