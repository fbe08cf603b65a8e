package htm.worklist.entity;

import htm.task.entity.Task;
import htm.task.entity.WorkItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.event.spi.PreDeleteEvent;
import org.hibernate.event.spi.PreDeleteEventListener;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Keeps every task's work items in step with it, in the flush that stores the task and so in its transaction:
 * a new task's work items are written with it; a change that touches what they hold (the people, owner,
 * originator, starter, delegate, or a list column) writes them anew; a deleted task's go before it. No path
 * that changes a task can skip this, and a task's work items are never loaded: a change costs two statements
 * (delete, and one insert of all rows), on the session's own connection.
 */
public class WorkItemIndex
        implements Integrator, PostInsertEventListener, PostUpdateEventListener, PreDeleteEventListener {

    /** The properties of Task that its work items depend on (the people through the read copy). */
    private static final Set<String> INDEXED = Set.of(
            "readCopy",
            "owner",
            "originator",
            "starter",
            "delegate",
            "state",
            "suspended",
            "priority",
            "creationTime",
            "activationTime",
            "dueTime",
            "name");

    private static final String COLUMNS = "(id, task_id, principal, is_group, reason, state, suspended, priority,"
            + " creation_time, activation_time, due_time, name)";

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrap, SessionFactoryImplementor sessionFactory) {
        EventListenerRegistry listeners = sessionFactory.getEventListenerRegistry();
        listeners.appendListeners(EventType.POST_INSERT, this);
        listeners.appendListeners(EventType.POST_UPDATE, this);
        listeners.appendListeners(EventType.PRE_DELETE, this);
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        if (event.getEntity() instanceof Task task) {
            // the task's own insert may wait in a JDBC batch; its work items refer to it
            event.getSession().getJdbcCoordinator().executeBatch();
            write(event.getSession(), task, false);
        }
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        if (event.getEntity() instanceof Task task && touchesWorkItems(event)) {
            write(event.getSession(), task, true);
        }
    }

    @Override
    public boolean onPreDelete(PreDeleteEvent event) {
        if (event.getEntity() instanceof Task task) {
            event.getSession().doWork(connection -> delete(connection, task.tkiid()));
        }
        return false;
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private static boolean touchesWorkItems(PostUpdateEvent event) {
        int[] dirty = event.getDirtyProperties();
        if (dirty == null) {
            return true;
        }
        String[] names = event.getPersister().getPropertyNames();
        for (int property : dirty) {
            if (INDEXED.contains(names[property])) {
                return true;
            }
        }
        return false;
    }

    private static void write(SharedSessionContractImplementor session, Task task, boolean replace) {
        String nextId = session.getJdbcServices()
                .getDialect()
                .getSequenceSupport()
                .getSelectSequenceNextValString("work_item_seq");
        List<WorkItem> items = List.copyOf(task.workItems());
        session.doWork(connection -> {
            if (replace) {
                delete(connection, task.tkiid());
            }
            if (!items.isEmpty()) {
                insert(connection, nextId, task, items);
            }
        });
    }

    private static void delete(Connection connection, String tkiid) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from work_item where task_id = ?")) {
            delete.setString(1, tkiid);
            delete.executeUpdate();
        }
    }

    /** All rows in one statement. */
    private static void insert(Connection connection, String nextId, Task task, List<WorkItem> items)
            throws SQLException {
        String row = "(" + nextId + ", ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement("insert into work_item " + COLUMNS + " values "
                + String.join(", ", Collections.nCopies(items.size(), row)))) {
            int column = 0;
            for (WorkItem item : items) {
                insert.setString(++column, task.tkiid());
                insert.setString(++column, item.principal());
                insert.setBoolean(++column, item.isGroup());
                insert.setString(++column, item.reason().name());
                insert.setString(++column, task.state().name());
                insert.setBoolean(++column, task.isSuspended());
                insert.setInt(++column, task.priority());
                setTime(insert, ++column, task.creationTime());
                setTime(insert, ++column, task.activationTime());
                setTime(insert, ++column, task.dueTime());
                insert.setString(++column, task.name());
            }
            insert.executeUpdate();
        }
    }

    private static void setTime(PreparedStatement statement, int column, Instant time) throws SQLException {
        if (time == null) {
            statement.setNull(column, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(column, time.atOffset(ZoneOffset.UTC));
        }
    }
}
