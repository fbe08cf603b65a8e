package htm.routing.entity;

import htm.task.entity.Assignment;
import java.util.List;

/** What the owner of a task asks for when routing it ad hoc (see {@link Route}). */
public record RouteRequest(
        RoutingType type,
        List<Assignment> participants,
        int votersPercentage,
        String defaultOutcome,
        String routingAction) {

    public RouteRequest {
        participants = List.copyOf(participants);
    }
}
