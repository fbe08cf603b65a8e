package htm.task.boundary;

import htm.task.entity.TaskAction;
import htm.task.entity.TaskState;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
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
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * What happens to tasks, for the people who run HTM: once a transaction has committed, one INFO line per
 * action — who did what to which task, never the task's data — and the metrics under /metrics
 * (htm_tasks_created, htm_tasks_claimed, htm_tasks_completed, htm_task_action_seconds per action, and
 * htm_tasks_open per state).
 */
@ApplicationScoped
public class TaskActivity {

    private static final Logger LOG = Logger.getLogger(TaskActivity.class.getName());
    private static final TaskState[] OPEN = {TaskState.STATE_INACTIVE, TaskState.STATE_READY, TaskState.STATE_CLAIMED};
    private static final long OPEN_COUNT_MAX_AGE_NANOS = 5_000_000_000L;

    @Inject
    MetricRegistry metrics;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource(lookup = "jdbc/htm")
    DataSource database;

    private volatile Map<TaskState, Long> openTasks = new EnumMap<>(TaskState.class);
    private volatile long openTasksCountedAt;

    void registerGauges(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (TaskState state : OPEN) {
            metrics.gauge("htm.tasks.open", () -> openTasks(state), new Tag("state", state.name()));
        }
    }

    /** A task came into being; counted and logged once its transaction commits. */
    public void created(String principal, String tkiid, TaskState state) {
        afterCommit(() -> {
            metrics.counter("htm.tasks.created").inc();
            log("created", principal + " created task " + tkiid + " (" + state + ")");
        });
    }

    /** An action was taken on a task; from and to are null for actions that are not steps of the lifecycle. */
    public void acted(String principal, TaskAction action, String tkiid, TaskState from, TaskState to,
                      long startedNanos) {
        afterCommit(() -> {
            metrics.timer("htm.task.action", new Tag("action", action.htmName()))
                    .update(Duration.ofNanos(System.nanoTime() - startedNanos));
            if (action == TaskAction.CLAIM) {
                metrics.counter("htm.tasks.claimed").inc();
            }
            if (to == TaskState.STATE_FINISHED && from != TaskState.STATE_FINISHED) {
                metrics.counter("htm.tasks.completed").inc();
            }
            log("acted", principal + " " + action.htmName() + " task " + tkiid
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
            public void beforeCompletion() {
            }

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
            try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select state, count(*) from task "
                         + "where state in ('STATE_INACTIVE', 'STATE_READY', 'STATE_CLAIMED') group by state")) {
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
