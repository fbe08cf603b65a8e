package htm.worklist.control;

import htm.problem.entity.HtmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One key of a work list's order. A missing value sorts as the greatest: last going up, first going down. */
public record SortKey(TaskField field, boolean descending) {

    static final Map<String, TaskField> SORTABLE = Map.of(
            "priority",
            TaskField.PRIORITY,
            "dueTime",
            TaskField.DUE_TIME,
            "activationTime",
            TaskField.ACTIVATION_TIME,
            "name",
            TaskField.NAME,
            "creationTime",
            TaskField.CREATION_TIME);

    /** The default order: most urgent first (priority 0 is the highest), then oldest first. */
    public static final List<SortKey> DEFAULT =
            List.of(new SortKey(TaskField.PRIORITY, false), new SortKey(TaskField.CREATION_TIME, false));

    /** Reads "priority,dueTime desc" or "priority:asc,name:desc"; answers the default for null or blank. */
    public static List<SortKey> parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        List<SortKey> keys = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] words = part.trim().split("[\\s:]+");
            TaskField field = SORTABLE.get(words[0]);
            if (field == null || words.length > 2) {
                throw HtmException.invalidInput(
                        "orderBy",
                        "'" + part.trim() + "': sort by " + String.join(", ", SORTABLE.keySet())
                                + ", each optionally asc or desc");
            }
            boolean descending = words.length == 2 && direction(words[1], part);
            if (keys.stream().anyMatch(k -> k.field() == field)) {
                throw HtmException.invalidInput("orderBy", words[0] + " appears twice");
            }
            keys.add(new SortKey(field, descending));
        }
        return keys;
    }

    private static boolean direction(String word, String part) {
        return switch (word.toLowerCase()) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw HtmException.invalidInput("orderBy", "'" + part.trim() + "': direction is asc or desc");
        };
    }
}
