package htm.routing.entity;

import htm.task.entity.Assignment;
import htm.task.entity.PeopleRole;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One participant of a route: who, the subtask that asks them, and what they answered. */
@Embeddable
public class RouteStep {

    @Column(name = "principal", length = 255, nullable = false)
    private String principal;

    @Column(name = "is_group", nullable = false)
    private boolean group;

    @Column(name = "subtask_id", length = 36)
    private String subtask;

    @Column(name = "answered", nullable = false)
    private boolean answered;

    @Column(name = "outcome", length = 64)
    private String outcome;

    protected RouteStep() {}

    RouteStep(Assignment participant) {
        this.principal = participant.principal();
        this.group = participant.isGroup();
    }

    void askedBy(String subtaskID) {
        subtask = subtaskID;
    }

    void answer(String answer) {
        answered = true;
        outcome = answer;
    }

    public Assignment participant() {
        return new Assignment(PeopleRole.POTENTIAL_OWNER, group, principal);
    }

    public String subtask() {
        return subtask;
    }

    public boolean isAnswered() {
        return answered;
    }

    public boolean isOpen() {
        return subtask != null && !answered;
    }
    /** The answer; null for a participant who did not vote (their subtask was terminated or expired). */
    public String outcome() {
        return outcome;
    }
}
