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
import java.util.Objects;

/**
 * One reason a task shows up in a work list — a user or group, and why — with a copy of the task's columns
 * that lists filter and sort on, so that a work list reads index ranges of this table alone. Only its task
 * makes, changes and drops work items ({@link Task}), in step with every change it undergoes.
 */
@Entity
@Table(name = "work_item", indexes = {
        @Index(name = "ix_work_item_list", columnList = "principal, is_group, reason, state, priority, creation_time, task_id"),
        @Index(name = "ix_work_item_task", columnList = "task_id, reason")})
public class WorkItem {

    /** Who a work item is for and why: the part of a work item that its task's people decide. */
    public record Key(String principal, boolean isGroup, WorkItemReason reason) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "work_item_seq")
    @SequenceGenerator(name = "work_item_seq", sequenceName = "work_item_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id", nullable = false, updatable = false)
    private Task task;

    @Column(length = 255, nullable = false, updatable = false)
    private String principal;
    @Column(name = "is_group", nullable = false, updatable = false)
    private boolean isGroup;
    @Enumerated(EnumType.STRING)
    @Column(length = 24, nullable = false, updatable = false)
    private WorkItemReason reason;

    @Enumerated(EnumType.STRING)
    @Column(length = 20, nullable = false)
    private TaskState state;
    @Column(nullable = false)
    private boolean suspended;
    @Column(nullable = false)
    private int priority;
    @Column(name = "creation_time", nullable = false)
    private Instant creationTime;
    @Column(name = "activation_time")
    private Instant activationTime;
    @Column(name = "due_time")
    private Instant dueTime;
    @Column(length = 255, nullable = false)
    private String name;

    protected WorkItem() {
    }

    WorkItem(Task task, Key key) {
        this.task = task;
        this.principal = key.principal();
        this.isGroup = key.isGroup();
        this.reason = key.reason();
        follow(task);
    }

    /** Takes over the task's list columns as they are now. */
    void follow(Task task) {
        state = task.state();
        suspended = task.isSuspended();
        priority = task.priority();
        creationTime = task.creationTime();
        activationTime = task.activationTime();
        dueTime = task.dueTime();
        name = task.name();
    }

    public Key key() {
        return new Key(principal, isGroup, reason);
    }

    /** Whether this work item shows the task's list columns as they are. */
    public boolean follows(Task task) {
        return state == task.state() && suspended == task.isSuspended() && priority == task.priority()
                && creationTime.equals(task.creationTime()) && Objects.equals(activationTime,
                task.activationTime()) && Objects.equals(dueTime, task.dueTime()) && name.equals(task.name());
    }
}
