package htm.worklist.control;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A member of a task's input or output document, named by its keys from the top: input.order.amount. Keys are
 * names (a letter or '_', then letters, digits or '_'), so that no key can be read as an array index or anything
 * but a member name wherever the path is written.
 */
public record DataField(Message message, List<String> keys) {

    public static final int MAX_DEPTH = 8;
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    /** The task's two documents, with their columns: the text as it was given, and PostgreSQL's jsonb copy. */
    public enum Message {
        INPUT("input", "input_message", "input_data"),
        OUTPUT("output", "output_message", "output_data");

        private final String attribute;
        private final String column;
        private final String searchColumn;

        Message(String attribute, String column, String searchColumn) {
            this.attribute = attribute;
            this.column = column;
            this.searchColumn = searchColumn;
        }

        /** Its attribute on the Task entity. */
        public String attribute() {
            return attribute;
        }

        /** The column that holds the document as text. */
        public String column() {
            return column;
        }

        /** The generated jsonb column of the same document, on PostgreSQL. */
        public String searchColumn() {
            return searchColumn;
        }
    }

    public DataField {
        keys = List.copyOf(keys);
    }

    /**
     * Reads "input.a.b" (as a work-list parameter) or "TASK.INPUT.a.b" (in a where clause; the prefix in any
     * case, the keys as written). Empty when the name is not of a data field at all; a name with a bad key or
     * too deep throws IllegalArgumentException with what is wrong.
     */
    public static Optional<DataField> parse(String name, String prefix) {
        for (Message message : Message.values()) {
            String start = prefix + message.attribute() + ".";
            if (name.regionMatches(true, 0, start, 0, start.length())) {
                List<String> keys = Arrays.asList(name.substring(start.length()).split("\\.", -1));
                if (keys.size() > MAX_DEPTH) {
                    throw new IllegalArgumentException("a data field is at most " + MAX_DEPTH + " keys deep");
                }
                for (String key : keys) {
                    if (!KEY.matcher(key).matches()) {
                        throw new IllegalArgumentException("'" + key + "' is not a key: a letter or '_', then"
                                + " letters, digits or '_', up to 64 characters");
                    }
                }
                return Optional.of(new DataField(message, keys));
            }
        }
        return Optional.empty();
    }

    /** The path as PostgreSQL's text[] literal: {a,b} (keys need no quoting). */
    String textArray() {
        return "{" + String.join(",", keys) + "}";
    }

    @Override
    public String toString() {
        return message.attribute() + "." + String.join(".", keys);
    }
}
