package htm.event.boundary;

import static htm.security.control.Role.ADMIN_NAME;
import static htm.security.control.Role.APIREAD_NAME;
import static htm.security.control.Role.APIWRITE_NAME;
import static htm.security.control.Role.ENGINEERING_NAME;
import static htm.security.control.Role.SUPPORT_NAME;

import htm.event.control.TaskEvent;
import htm.security.control.Caller;
import htm.task.boundary.TaskAccess;
import htm.task.entity.Task;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Reads the event outbox for the streams. The reads run on the streams' own thread, with no caller: they are
 * permitted to all, and whoever hears an event is decided per event by the stream (EventFilter.admits).
 */
@Stateless
@DeclareRoles({ADMIN_NAME, APIWRITE_NAME, APIREAD_NAME, SUPPORT_NAME, ENGINEERING_NAME})
public class EventLog {

    private static final String COLUMNS = "select id, task_id, type, event_time, data from task_event";

    @Resource(lookup = "jdbc/htm")
    DataSource database;

    @PersistenceContext(unitName = "htm")
    EntityManager em;

    @Inject
    TaskAccess access;

    /** The caller of a stream, who must hold one of HTM's roles. */
    @RolesAllowed({ADMIN_NAME, APIWRITE_NAME, APIREAD_NAME, SUPPORT_NAME, ENGINEERING_NAME})
    public Caller caller() {
        return access.caller();
    }

    /** The id of the newest event, 0 when there is none. */
    @PermitAll
    public long newest() {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select max(id) from task_event")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the event outbox", e);
        }
    }

    /** The events after one id up to another, in order, at most limit of them. */
    @PermitAll
    public List<TaskEvent> between(long after, long upTo, int limit) {
        return read(COLUMNS + " where id > ? and id <= ? order by id", limit, after, upTo);
    }

    /** The events after the given id, and those among the given ids (a reader's gaps), in order. */
    @PermitAll
    public List<TaskEvent> after(long after, Collection<Long> gaps, int limit) {
        List<TaskEvent> events = new ArrayList<>(read(COLUMNS + " where id > ? order by id", limit, after));
        if (!gaps.isEmpty()) {
            String ids = gaps.stream().map(String::valueOf).collect(Collectors.joining(","));
            events.addAll(read(COLUMNS + " where id in (" + ids + ")", gaps.size()));
        }
        return events;
    }

    /** The tasks the events are about, as they are now; a task that is gone is missing from the map. */
    @PermitAll
    public Map<String, Task> tasks(Collection<String> tkiids) {
        if (tkiids.isEmpty()) {
            return Collections.emptyMap();
        }
        return em
                .createQuery("select t from Task t where t.tkiid in :ids", Task.class)
                .setParameter("ids", tkiids)
                .getResultList()
                .stream()
                .collect(Collectors.toMap(Task::tkiid, Function.identity()));
    }

    private List<TaskEvent> read(String sql, int limit, long... parameters) {
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setLong(i + 1, parameters[i]);
            }
            select.setMaxRows(limit);
            List<TaskEvent> events = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(new TaskEvent(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getObject(4, OffsetDateTime.class).toInstant(),
                            rows.getString(5)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the event outbox", e);
        }
    }
}
