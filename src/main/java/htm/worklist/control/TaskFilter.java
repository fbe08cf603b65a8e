package htm.worklist.control;

import java.util.List;

/**
 * A work-list query: the criteria (all must hold), the order, and the page — by offset, or after a cursor.
 */
public record TaskFilter(
        List<Criterion> criteria, List<SortKey> order, Cursor after, int offset, int size, boolean count) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public TaskFilter {
        criteria = List.copyOf(criteria);
        order = order == null || order.isEmpty() ? SortKey.DEFAULT : List.copyOf(order);
    }
}
