package htm.task.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One immutable line of a task's audit trail, written in the transaction of the change it records. */
@Entity
@Table(name = "task_history", indexes = @Index(name = "ix_history_task", columnList = "task_id, event_time, id"))
public class HistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "history_seq")
    @SequenceGenerator(name = "history_seq", sequenceName = "task_history_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id", nullable = false, updatable = false)
    private Task task;

    @Column(name = "event_time", nullable = false, updatable = false)
    private Instant eventTime;

    @Enumerated(EnumType.STRING)
    @Column(length = 40, nullable = false, updatable = false)
    private TaskAction action;

    @Column(length = 255, nullable = false, updatable = false)
    private String principal;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", length = 20, updatable = false)
    private TaskState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", length = 20, updatable = false)
    private TaskState toState;

    @Column(length = 2000, updatable = false)
    private String details;

    protected HistoryEntry() {}

    HistoryEntry(
            Task task,
            Instant eventTime,
            TaskAction action,
            String principal,
            TaskState fromState,
            TaskState toState,
            String details) {
        this.task = task;
        this.eventTime = eventTime;
        this.action = action;
        this.principal = principal;
        this.fromState = fromState;
        this.toState = toState;
        this.details = details == null || details.length() <= 2000 ? details : details.substring(0, 1999) + "…";
    }

    public Task task() {
        return task;
    }

    public Instant eventTime() {
        return eventTime;
    }

    public TaskAction action() {
        return action;
    }

    public String principal() {
        return principal;
    }

    public TaskState fromState() {
        return fromState;
    }

    public TaskState toState() {
        return toState;
    }

    public String details() {
        return details;
    }
}
