package htm.worklist.control;

import java.util.List;
import java.util.function.Function;

/** What the JPQL of {@link TaskQuery} and the SQL of {@link WorkItemQuery} write alike. */
final class QueryParts {

    private QueryParts() {}

    /**
     * Rows after the cursor in the order given: a lexicographic comparison, key by key, then by task id. A
     * missing value counts as greater than every other (last going up, first going down), the order a plain
     * index reads in.
     */
    static String after(
            List<SortKey> order, Cursor cursor, Function<TaskField, String> path, Function<Object, String> bind) {
        return after(order, cursor, 0, path, bind);
    }

    private static String after(
            List<SortKey> order,
            Cursor cursor,
            int index,
            Function<TaskField, String> path,
            Function<Object, String> bind) {
        if (index == order.size()) {
            return path.apply(TaskField.TKIID) + " > " + bind.apply(cursor.tkiid());
        }
        SortKey key = order.get(index);
        String column = path.apply(key.field());
        Object value = cursor.values().get(index);
        String rest = after(order, cursor, index + 1, path, bind);
        if (value == null) {
            return key.descending()
                    ? column + " is not null or (" + column + " is null and (" + rest + "))"
                    : column + " is null and (" + rest + ")";
        }
        String bound = bind.apply(value);
        return column + (key.descending() ? " < " : " > ") + bound
                + (key.field().isNullable() && !key.descending() ? " or " + column + " is null" : "")
                + " or (" + column + " = " + bound + " and (" + rest + "))";
    }

    /** The order by clause for the keys, then the task id; missing values sort as the greatest. */
    static String orderBy(List<SortKey> order, Function<TaskField, String> path) {
        StringBuilder clause = new StringBuilder();
        for (SortKey key : order) {
            clause.append(path.apply(key.field()))
                    .append(key.descending() ? " desc" : " asc")
                    .append(key.field().isNullable() ? (key.descending() ? " nulls first" : " nulls last") : "")
                    .append(", ");
        }
        return clause.append(path.apply(TaskField.TKIID)).append(" asc").toString();
    }

    /** A LIKE pattern for values that start with the text taken literally, with '!' as the escape. */
    static String startsWith(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
