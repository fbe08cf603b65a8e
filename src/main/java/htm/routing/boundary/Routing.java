package htm.routing.boundary;

import static htm.task.control.JsonApi.JSON;

import htm.problem.entity.HtmException;
import htm.routing.entity.Route;
import htm.routing.entity.RouteRequest;
import htm.routing.entity.RouteStep;
import htm.task.boundary.TaskAccess;
import htm.task.control.Actor;
import htm.task.entity.Assignment;
import htm.task.entity.Capability;
import htm.task.entity.Task;
import htm.task.entity.TaskAction;
import htm.task.entity.TaskDefinition;
import htm.task.entity.TaskSchedule;
import htm.task.entity.TaskState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Ad hoc routes (see {@link Route}) run through subtasks: each participant is asked by a subtask offered to
 * them; when it ends, its outcome ("outcome" of its output, APPROVE when it gives none, REJECT when it
 * failed) answers the route; once the route is decided, the subtasks still open are terminated and the
 * routed task completes with {"outcome": decision, "routingType", "votes"}. All of it as principal system,
 * but for the route itself, which its owner starts.
 */
@ApplicationScoped
public class Routing {

    /** A participant's subtask is theirs alone: it cannot be delegated, split or handed on. */
    private static final Map<Capability, Boolean> PARTICIPANT_CAPABILITIES =
            Map.of(Capability.DELEGATION, false, Capability.SUB_TASKS, false, Capability.FOLLOW_ON_TASKS, false);

    @PersistenceContext(unitName = "htm")
    EntityManager em;

    @Inject
    TaskAccess access;

    /** Starts the route on a task the actor owns. */
    public void route(Task task, Actor actor, RouteRequest request, Instant now) {
        if (em.find(Route.class, task.tkiid()) != null) {
            throw HtmException.illegalInState(task.tkiid(), "STATE_CLAIMED (routed)", TaskAction.ROUTE.htmName());
        }
        Route route = new Route(
                task.tkiid(),
                request.type(),
                request.participants(),
                request.votersPercentage(),
                request.defaultOutcome(),
                request.routingAction(),
                actor.name());
        em.persist(route);
        task.route(
                actor,
                request.type() + " route to "
                        + request.participants().stream()
                                .map(Assignment::principal)
                                .toList()
                        + (request.routingAction() == null ? "" : ", routingAction " + request.routingAction()),
                now);
        route.start().forEach(participant -> ask(task, route, participant, now));
    }

    /** Passes over the participant asked now; their subtask ends unanswered. */
    public void skipCurrent(Task task, Actor actor, Instant now) {
        Route route = em.find(Route.class, task.tkiid());
        if (route == null || !route.canSkip()) {
            throw HtmException.illegalInState(
                    task.tkiid(),
                    task.state().name() + " (no sequential route waits for " + "anyone)",
                    "SKIP_CURRENT_ASSIGNMENT");
        }
        String skipped = route.steps().stream()
                .filter(RouteStep::isOpen)
                .findFirst()
                .orElseThrow()
                .subtask();
        Optional<RouteStep> next = route.skipCurrent();
        endSubtask(skipped, actor, now);
        proceed(task, route, next, now);
    }

    /** A subtask ended: if it asked a participant of the parent's route, that is their answer. */
    public void answered(Task parent, Task subtask, Instant now) {
        Route route = em.find(Route.class, parent.tkiid());
        if (route == null || route.isDecided()) {
            return;
        }
        Optional<RouteStep> next = route.answered(subtask.tkiid(), outcome(subtask));
        proceed(parent, route, next, now);
    }

    private void proceed(Task task, Route route, Optional<RouteStep> next, Instant now) {
        next.ifPresent(step -> ask(task, route, step, now));
        if (route.isDecided()) {
            route.steps().stream()
                    .filter(RouteStep::isOpen)
                    .forEach(open -> endSubtask(open.subtask(), Actor.SYSTEM, now));
            access.recountSubtasks(task, now);
            if (task.isLegal(TaskAction.COMPLETE)) {
                task.complete(Actor.SYSTEM, decision(route), now);
                access.refreshParent(task, now);
            }
        }
    }

    private void ask(Task task, Route route, RouteStep step, Instant now) {
        Task subtask = Task.create(
                new TaskDefinition(
                        task.name(),
                        task.displayName(),
                        task.description(),
                        task.namespace(),
                        null,
                        task.priority(),
                        task.type(),
                        task.applicationName(),
                        null,
                        null,
                        TaskSchedule.due(task.dueTime()),
                        PARTICIPANT_CAPABILITIES,
                        List.of(step.participant()),
                        Map.of(),
                        task.input()),
                route.router(),
                now);
        subtask.becomeSubtaskOf(task);
        access.add(subtask, true, now);
        route.asked(step, subtask.tkiid());
        task.waitForSubtasks(true, now);
    }

    /** Ends a participant's subtask the route no longer waits for, in the name of the actor who moved it on. */
    private void endSubtask(String tkiid, Actor actor, Instant now) {
        Task subtask = em.find(Task.class, tkiid);
        if (subtask.isLegal(TaskAction.TERMINATE)) {
            subtask.terminate(Actor.inTheNameOf(actor.name()), now, "route moved on");
        }
    }

    /** The subtask's answer: its output's "outcome", APPROVE without one, REJECT when it failed, else none. */
    static String outcome(Task subtask) {
        if (subtask.state() == TaskState.STATE_FAILED) {
            return Route.REJECT;
        }
        if (subtask.state() != TaskState.STATE_FINISHED) {
            return null;
        }
        if (subtask.output() != null) {
            try (JsonReader reader = JSON.createReader(new StringReader(subtask.output()))) {
                JsonValue output = reader.readValue();
                if (output.getValueType() == JsonValue.ValueType.OBJECT
                        && output.asJsonObject().get("outcome") instanceof JsonString outcome) {
                    return outcome.getString().toUpperCase(Locale.ROOT);
                }
            } catch (JsonParsingException e) {
                return Route.APPROVE;
            }
        }
        return Route.APPROVE;
    }

    private static String decision(Route route) {
        JsonObjectBuilder votes = JSON.createObjectBuilder();
        route.votes().forEach(votes::add);
        JsonObject output = JSON.createObjectBuilder()
                .add("outcome", route.decision())
                .add("routingType", route.type().name())
                .add("votes", votes)
                .build();
        return output.toString();
    }
}
