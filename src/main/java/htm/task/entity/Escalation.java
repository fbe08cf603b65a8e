package htm.task.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One link of a task's escalation chain, copied from its template's rule when the task was created. */
@Entity
@Table(name = "task_escalation", indexes = @Index(name = "ix_escalation_due", columnList = "state, escalation_time"))
public class Escalation {

    @Id
    @Column(length = 36)
    private String esiid;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id", nullable = false, updatable = false)
    private Task task;

    @Column(name = "chain_position", nullable = false, updatable = false)
    private int position;

    @Column(length = 255, nullable = false, updatable = false)
    private String name;

    @Column(name = "after_duration", length = 40, nullable = false, updatable = false)
    private String after;

    @Enumerated(EnumType.STRING)
    @Column(name = "when_still_in", length = 20, updatable = false)
    private TaskState whenStillIn;

    @Column(name = "raise_priority_to", updatable = false)
    private Integer raisePriorityTo;

    @ElementCollection
    @CollectionTable(
            name = "task_escalation_receiver",
            joinColumns = @JoinColumn(name = "esiid"),
            indexes = @Index(name = "ix_escalation_receiver", columnList = "esiid"))
    private List<Assignment> receivers = new ArrayList<>();

    @Column(name = "transfer_to_group", length = 255, updatable = false)
    private String transferToGroup;

    @Column(length = 2000, updatable = false)
    private String notification;

    @Enumerated(EnumType.STRING)
    @Column(length = 40, nullable = false)
    private EscalationState state;

    @Column(name = "activation_time")
    private Instant activationTime;

    @Column(name = "escalation_time")
    private Instant escalationTime;

    @Column(name = "escalated_by", length = 255)
    private String escalatedBy;

    protected Escalation() {}

    Escalation(Task task, int position, EscalationRule rule) {
        this.esiid = UUID.randomUUID().toString();
        this.task = task;
        this.position = position;
        this.name = rule.name();
        this.after = rule.after();
        this.whenStillIn = rule.whenStillIn();
        this.raisePriorityTo = rule.raisePriorityTo();
        this.receivers.addAll(rule.receivers());
        this.transferToGroup = rule.transferToGroup();
        this.notification = rule.notification();
        this.state = EscalationState.ESCALATION_STATE_INACTIVE;
    }

    public EscalationRule rule() {
        return new EscalationRule(name, after, whenStillIn, raisePriorityTo, receivers, transferToGroup, notification);
    }

    /** The task is no longer where this escalation watches it: ended, or out of the state it names. */
    boolean isSuperfluousFor(Task watched) {
        return watched.state().isEnd() || whenStillIn != null && watched.state() != whenStillIn;
    }

    /** Starts the clock: the escalation fires {@code after} from {@code from}, unless it has become superfluous. */
    void await(Instant from, Instant now) {
        state = EscalationState.ESCALATION_STATE_WAITING;
        activationTime = now;
        escalationTime = TaskSchedule.plus(from, after);
    }

    void fire(String principal, Instant now) {
        state = EscalationState.ESCALATION_STATE_ESCALATED;
        escalationTime = now;
        escalatedBy = principal;
    }

    void becomeSuperfluous() {
        state = EscalationState.ESCALATION_STATE_SUPERFLUOUS;
    }

    public String esiid() {
        return esiid;
    }

    public Task task() {
        return task;
    }

    public int position() {
        return position;
    }

    public String name() {
        return name;
    }

    public String after() {
        return after;
    }

    public EscalationState state() {
        return state;
    }

    public Instant activationTime() {
        return activationTime;
    }

    public Instant escalationTime() {
        return escalationTime;
    }

    public String escalatedBy() {
        return escalatedBy;
    }
}
