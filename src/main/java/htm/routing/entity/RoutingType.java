package htm.routing.entity;

/** How an ad hoc route asks its participants: one, one after another, or all at once with a vote. */
public enum RoutingType {
    SIMPLE,
    SEQUENTIAL,
    PARALLEL
}
