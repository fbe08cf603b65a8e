package htm.history.boundary;

import htm.task.entity.HistoryEntry;
import htm.task.entity.Task;
import htm.task.entity.TaskAction;
import htm.task.entity.TaskState;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.persister.entity.EntityPersister;

/**
 * What happens to tasks, for the people who run HTM: once a transaction has committed, one INFO line per
 * action — who did what to which task, never the task's data — and the metrics under /metrics
 * (htm_tasks_created, htm_tasks_claimed, htm_tasks_completed, htm_task_action_seconds per action, and
 * htm_tasks_open per state, htm_events_written: each history entry and each deletion is one event of the
 * outbox). Both are read off the history entries the tasks write, as Hibernate stores them,
 * and off the tasks it deletes: whatever path changes a task, it shows here.
 */
@ApplicationScoped
public class TaskActivity {

    private static final Logger LOG = Logger.getLogger(TaskActivity.class.getName());
    private static final String COUNT_OPEN_TASKS = TaskState.open().stream()
            .map(state -> "'" + state.name() + "'")
            .collect(Collectors.joining(", ", "select state, count(*) from task where state in (", ") group by state"));
    private static final long OPEN_COUNT_MAX_AGE_NANOS = 5_000_000_000L;

    @Inject
    MetricRegistry metrics;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource(lookup = "jdbc/htm")
    DataSource database;

    @PersistenceUnit(unitName = "htm")
    EntityManagerFactory persistence;

    private volatile Map<TaskState, Long> openTasks = new EnumMap<>(TaskState.class);
    private volatile long openTasksCountedAt;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (TaskState state : TaskState.open()) {
            metrics.gauge("htm.tasks.open", () -> openTasks(state), new Tag("state", state.name()));
        }
        EventListenerRegistry listeners =
                persistence.unwrap(SessionFactoryImplementor.class).getEventListenerRegistry();
        Stored stored = new Stored(this);
        listeners.appendListeners(EventType.POST_INSERT, stored);
        listeners.appendListeners(EventType.POST_DELETE, stored);
    }

    /** Hears Hibernate store history entries and delete tasks, in the flush, inside the transaction. */
    private record Stored(TaskActivity activity) implements PostInsertEventListener, PostDeleteEventListener {

        @Override
        public void onPostInsert(PostInsertEvent event) {
            if (event.getEntity() instanceof HistoryEntry entry) {
                activity.recorded(entry);
            }
        }

        @Override
        public void onPostDelete(PostDeleteEvent event) {
            if (event.getEntity() instanceof Task task) {
                activity.acted(
                        task.deletedBy() == null ? "system" : task.deletedBy(),
                        TaskAction.DELETE,
                        task.tkiid(),
                        null,
                        null,
                        task.sinceNanos());
            }
        }

        @Override
        public boolean requiresPostCommitHandling(EntityPersister persister) {
            return false;
        }
    }

    private void recorded(HistoryEntry entry) {
        Task task = entry.task();
        if (entry.action() == TaskAction.CREATE) {
            afterCommit(() -> {
                metrics.counter("htm.tasks.created").inc();
                metrics.counter("htm.events.written").inc();
                log("created", entry.principal() + " created task " + task.tkiid());
            });
        } else {
            acted(
                    entry.principal(),
                    entry.action(),
                    task.tkiid(),
                    entry.fromState(),
                    entry.toState(),
                    task.sinceNanos());
        }
    }

    /** An action was taken on a task; from and to are null for actions that are not steps of the lifecycle. */
    private void acted(
            String principal, TaskAction action, String tkiid, TaskState from, TaskState to, long startedNanos) {
        afterCommit(() -> {
            metrics.counter("htm.events.written").inc();
            metrics.timer("htm.task.action", new Tag("action", action.htmName()))
                    .update(Duration.ofNanos(System.nanoTime() - startedNanos));
            if (action == TaskAction.CLAIM) {
                metrics.counter("htm.tasks.claimed").inc();
            }
            if (to == TaskState.STATE_FINISHED && from != TaskState.STATE_FINISHED) {
                metrics.counter("htm.tasks.completed").inc();
            }
            log(
                    "acted",
                    principal + " " + action.htmName() + " task " + tkiid
                            + (from == null ? "" : " (" + from + " -> " + to + ")"));
        });
    }

    /**
     * An INFO line naming its source itself: left to find it, java.util.logging walks the stack on every line
     * (2% of a claim's CPU in the bench's profile).
     */
    private static void log(String method, String message) {
        if (LOG.isLoggable(Level.INFO)) {
            LOG.logp(Level.INFO, TaskActivity.class.getName(), method, message);
        }
    }

    private void afterCommit(Runnable effect) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    effect.run();
                }
            }
        });
    }

    /** Counted at most every 5 s, however often /metrics is read; the last count while the database is away. */
    private long openTasks(TaskState state) {
        if (System.nanoTime() - openTasksCountedAt > OPEN_COUNT_MAX_AGE_NANOS) {
            Map<TaskState, Long> counted = new EnumMap<>(TaskState.class);
            try (Connection connection = database.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(COUNT_OPEN_TASKS)) {
                while (rows.next()) {
                    counted.put(TaskState.valueOf(rows.getString(1)), rows.getLong(2));
                }
                openTasks = counted;
                openTasksCountedAt = System.nanoTime();
            } catch (SQLException e) {
                LOG.warning(() -> "Cannot count the open tasks: " + e.getMessage());
            }
        }
        return openTasks.getOrDefault(state, 0L);
    }
}
