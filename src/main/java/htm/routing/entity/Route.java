package htm.routing.entity;

import htm.task.entity.Assignment;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ad hoc route of a claimed task: its owner hands the decision to participants, each asked through a
 * subtask. SIMPLE asks one; SEQUENTIAL asks one after another, and any answer but APPROVE ends the route with
 * that answer; PARALLEL asks all at once, and the route is decided as soon as votersPercentage of the
 * participants gave the same answer, else, once all have answered, by defaultActionForGroupVote. The
 * routed task then completes with the decision as its outcome.
 */
@Entity
@Table(name = "task_route")
public class Route {

    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";

    @Id
    @Column(name = "task_id", length = 36)
    private String tkiid;

    @Enumerated(EnumType.STRING)
    @Column(name = "routing_type", length = 20, nullable = false)
    private RoutingType type;

    @Column(name = "voters_percentage", nullable = false)
    private int votersPercentage;

    @Column(name = "default_outcome", length = 64)
    private String defaultOutcome;

    @Column(name = "routing_action", length = 64)
    private String routingAction;

    @Column(length = 255, nullable = false)
    private String router;

    @Column(length = 64)
    private String decision;

    @ElementCollection
    @CollectionTable(name = "task_route_step", joinColumns = @JoinColumn(name = "task_id"))
    @OrderColumn(name = "position")
    private List<RouteStep> steps = new ArrayList<>();

    protected Route() {}

    public Route(
            String tkiid,
            RoutingType type,
            List<Assignment> participants,
            int votersPercentage,
            String defaultOutcome,
            String routingAction,
            String router) {
        this.tkiid = tkiid;
        this.type = type;
        this.votersPercentage = votersPercentage;
        this.defaultOutcome = defaultOutcome;
        this.routingAction = routingAction;
        this.router = router;
        participants.forEach(p -> steps.add(new RouteStep(p)));
    }

    /** Who is asked first: everyone on a parallel route, else the first participant. */
    public List<RouteStep> start() {
        return type == RoutingType.PARALLEL ? List.copyOf(steps) : List.of(steps.get(0));
    }

    public void asked(RouteStep step, String subtaskID) {
        step.askedBy(subtaskID);
    }

    /** The subtask asking a participant ended with this answer (null: no vote). What the route does next. */
    public Optional<RouteStep> answered(String subtaskID, String outcome) {
        RouteStep step = steps.stream()
                .filter(s -> subtaskID.equals(s.subtask()) && !s.isAnswered())
                .findFirst()
                .orElse(null);
        if (step == null || isDecided()) {
            return Optional.empty();
        }
        step.answer(outcome);
        if (type == RoutingType.PARALLEL) {
            decideByVotes();
            return Optional.empty();
        }
        if (outcome != null && !outcome.equals(APPROVE)) {
            decision = outcome;
            return Optional.empty();
        }
        return next();
    }

    /** The participant asked now on a simple or sequential route is passed over; their subtask ends unanswered. */
    public Optional<RouteStep> skipCurrent() {
        RouteStep current = current().orElseThrow();
        current.answer(null);
        return next();
    }

    public boolean canSkip() {
        return type != RoutingType.PARALLEL && !isDecided() && current().isPresent();
    }

    private Optional<RouteStep> current() {
        return steps.stream().filter(RouteStep::isOpen).findFirst();
    }

    private Optional<RouteStep> next() {
        Optional<RouteStep> next =
                steps.stream().filter(s -> s.subtask() == null).findFirst();
        if (next.isEmpty()) {
            decision = APPROVE;
        }
        return next;
    }

    private void decideByVotes() {
        Map<String, Integer> votes = votes();
        for (Map.Entry<String, Integer> vote : votes.entrySet()) {
            if (vote.getValue() * 100 >= votersPercentage * steps.size()) {
                decision = vote.getKey();
                return;
            }
        }
        if (steps.stream().allMatch(RouteStep::isAnswered)) {
            decision = defaultOutcome != null ? defaultOutcome : REJECT;
        }
    }

    /** The answers so far, each with how many gave it, in the order they were first given. */
    public Map<String, Integer> votes() {
        Map<String, Integer> votes = new LinkedHashMap<>();
        steps.stream().filter(s -> s.outcome() != null).forEach(s -> votes.merge(s.outcome(), 1, Integer::sum));
        return votes;
    }

    public boolean isDecided() {
        return decision != null;
    }

    public String tkiid() {
        return tkiid;
    }

    public RoutingType type() {
        return type;
    }

    public int votersPercentage() {
        return votersPercentage;
    }

    public String defaultOutcome() {
        return defaultOutcome;
    }

    public String routingAction() {
        return routingAction;
    }

    public String router() {
        return router;
    }

    public String decision() {
        return decision;
    }

    public List<RouteStep> steps() {
        return List.copyOf(steps);
    }
}
