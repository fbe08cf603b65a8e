package htm.worklist.control;

import htm.problem.entity.HtmException;
import htm.task.control.Times;
import htm.task.entity.TaskKind;
import htm.task.entity.TaskState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the query parameters of GET /tasks (and claimNext) into a filter. Every known parameter is checked
 * strictly: a bad value is a 400 that names it. Parameters it does not know are left alone.
 */
public final class WorkListFilters {

    public static final String CUSTOM_PROPERTY = "customProperty.";
    public static final int MAX_DATA_CONDITIONS = 16;
    private static final Pattern DATA_TERM = Pattern.compile("([^<>=!]+)(=|!=|<>|<=|>=|<|>)(.*)", Pattern.DOTALL);

    private WorkListFilters() {}

    public static TaskFilter read(Map<String, List<String>> query) {
        Params params = new Params(query, 255);
        List<Criterion> criteria = new ArrayList<>();
        Set<TaskState> states = params.enums("state", TaskState.class);
        if (!states.isEmpty()) {
            criteria.add(new Criterion.In(TaskField.STATE, states));
        }
        Set<TaskKind> kinds = params.enums("kind", TaskKind.class);
        if (!kinds.isEmpty()) {
            criteria.add(new Criterion.In(TaskField.KIND, kinds));
        }
        params.text("owner").ifPresent(v -> criteria.add(new Criterion.Compare(TaskField.OWNER, Criterion.Op.EQ, v)));
        params.text("originator")
                .ifPresent(v -> criteria.add(new Criterion.Compare(TaskField.ORIGINATOR, Criterion.Op.EQ, v)));
        params.text("potentialOwner").ifPresent(v -> {
            if (!v.equals("me")) {
                throw HtmException.invalidInput("potentialOwner", "only 'me' is supported");
            }
            criteria.add(new Criterion.CallerIsPotentialOwner());
        });
        params.text("group").ifPresent(v -> criteria.add(new Criterion.OfferedToGroup(v)));
        params.integer("priority")
                .ifPresent(v -> criteria.add(new Criterion.Compare(TaskField.PRIORITY, Criterion.Op.EQ, v)));
        params.integer("priorityMin")
                .ifPresent(v -> criteria.add(new Criterion.Compare(TaskField.PRIORITY, Criterion.Op.GE, v)));
        params.integer("priorityMax")
                .ifPresent(v -> criteria.add(new Criterion.Compare(TaskField.PRIORITY, Criterion.Op.LE, v)));
        params.time("dueBefore")
                .ifPresent(v -> criteria.add(new Criterion.Compare(TaskField.DUE_TIME, Criterion.Op.LT, v)));
        params.time("dueAfter")
                .ifPresent(v -> criteria.add(new Criterion.Compare(TaskField.DUE_TIME, Criterion.Op.GT, v)));
        params.time("createdAfter")
                .ifPresent(v -> criteria.add(new Criterion.Compare(TaskField.CREATION_TIME, Criterion.Op.GT, v)));
        params.text("name").ifPresent(v -> criteria.add(new Criterion.Compare(TaskField.NAME, Criterion.Op.EQ, v)));
        params.text("namePrefix").ifPresent(v -> criteria.add(new Criterion.StartsWith(TaskField.NAME, v)));
        params.bool("isSuspended")
                .ifPresent(v -> criteria.add(new Criterion.Compare(TaskField.SUSPENDED, Criterion.Op.EQ, v)));
        params.bool("isEscalated")
                .ifPresent(v -> criteria.add(new Criterion.Compare(TaskField.ESCALATED, Criterion.Op.EQ, v)));
        params.text("parentTaskID")
                .ifPresent(v -> criteria.add(new Criterion.Compare(TaskField.PARENT_CONTEXT_ID, Criterion.Op.EQ, v)));
        query.keySet().stream()
                .filter(k -> k.startsWith(CUSTOM_PROPERTY))
                .sorted()
                .forEach(key -> {
                    String name = key.substring(CUSTOM_PROPERTY.length());
                    if (name.isEmpty() || name.length() > 255) {
                        throw HtmException.invalidInput(key, "name the custom property: customProperty.<name>=<value>");
                    }
                    criteria.add(
                            new Criterion.CustomProperty(name, params.text(key).orElse("")));
                });
        query.keySet().stream()
                .filter(k -> k.startsWith("input.") || k.startsWith("output."))
                .sorted()
                .forEach(key -> query.get(key).forEach(value -> criteria.add(data(key, value))));
        if (criteria.stream().filter(c -> c instanceof Criterion.Data).count() > MAX_DATA_CONDITIONS) {
            throw HtmException.invalidInput(
                    "input", "at most " + MAX_DATA_CONDITIONS + " conditions on the task's data");
        }
        return paged(params, criteria, SortKey.parse(params.text("orderBy").orElse(null)), query.containsKey("offset"));
    }

    /**
     * One condition on the task's data, as a parameter gives it: input.orderId=42, input.amount>=1000 (a name
     * ending in '>' and the value), input.amount>1000 (a name without a value, as a query string has it when
     * the condition holds no '='), input.region!=EU, input.note=null. The value is typed as DataMatch.literal says.
     */
    private static Criterion data(String name, String value) {
        String term = value.isEmpty() ? name : name + "=" + value;
        Matcher parts = DATA_TERM.matcher(term);
        if (term.length() > 2 * DataMatch.MAX_TEXT || !parts.matches()) {
            throw HtmException.invalidInput(
                    name,
                    "a condition on the task's data reads input.<key>[.<key>…]<op><value>, op one of = != < <= > >=");
        }
        try {
            DataField field = DataField.parse(parts.group(1), "")
                    .orElseThrow(() -> new IllegalArgumentException("name input.<key> or output.<key>"));
            Object literal = DataMatch.literal(parts.group(3));
            DataTest test = DataTest.of(Criterion.Op.of(parts.group(2)));
            if (literal == null) {
                if (test != DataTest.EQ && test != DataTest.NE) {
                    throw new IllegalArgumentException("null takes = or !=");
                }
                test = test == DataTest.EQ ? DataTest.IS_NULL : DataTest.IS_NOT_NULL;
            }
            return DataMatch.condition(field, test, literal);
        } catch (IllegalArgumentException e) {
            throw HtmException.invalidInput(parts.group(1), e.getMessage());
        }
    }

    /** GET /tasks/filter: an HTM where clause and order-by clause, with the same paging as GET /tasks. */
    public static TaskFilter readClauses(Map<String, List<String>> query) {
        Params params = new Params(query, WhereClause.MAX_LENGTH);
        Criterion where = WhereClause.parse(params.text("whereClause").orElse(null));
        List<SortKey> order = WhereClause.orderBy(params.text("orderByClause").orElse(null));
        return paged(params, List.of(where), order, query.containsKey("offset"));
    }

    private static TaskFilter paged(Params params, List<Criterion> criteria, List<SortKey> order, boolean byOffset) {
        Cursor after =
                params.text("after").map(text -> Cursor.decode(text, order)).orElse(null);
        if (after != null && byOffset) {
            throw HtmException.invalidInput("after", "page by offset or by cursor, not both");
        }
        boolean count = params.bool("count").orElse(params.bool("total").orElse(true));
        return new TaskFilter(
                criteria,
                order,
                after,
                params.integer("offset", 0, Integer.MAX_VALUE).orElse(0),
                params.integer("size", 1, TaskFilter.MAX_SIZE).orElse(TaskFilter.DEFAULT_SIZE),
                count);
    }

    /** One reading of the query, with a typed, checked getter per kind of value. */
    private record Params(Map<String, List<String>> query, int maxLength) {

        Optional<String> text(String name) {
            List<String> values = query.get(name);
            if (values == null || values.isEmpty()) {
                return Optional.empty();
            }
            if (values.size() > 1) {
                throw HtmException.invalidInput(name, "give it once");
            }
            String value = values.get(0);
            if (value.length() > maxLength) {
                throw HtmException.invalidInput(name, "longer than " + maxLength + " characters");
            }
            return Optional.of(value);
        }

        Optional<Integer> integer(String name) {
            return integer(name, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }

        Optional<Integer> integer(String name, int min, int max) {
            return text(name).map(text -> {
                try {
                    int value = Integer.parseInt(text.trim());
                    if (value >= min && value <= max) {
                        return value;
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
                throw HtmException.invalidInput(
                        name,
                        min == Integer.MIN_VALUE
                                ? "must be an integer"
                                : "must be an integer from " + min + " to " + max);
            });
        }

        Optional<Boolean> bool(String name) {
            return text(name).map(text -> switch (text) {
                case "true" -> true;
                case "false" -> false;
                default -> throw HtmException.invalidInput(name, "must be true or false");
            });
        }

        Optional<Instant> time(String name) {
            return text(name)
                    .map(text -> Times.parse(text).orElseThrow(() -> HtmException.invalidInput(name, Times.EXPECTED)));
        }

        <E extends Enum<E>> Set<E> enums(String name, Class<E> type) {
            Set<E> result = EnumSet.noneOf(type);
            Function<String, E> lookup = text -> Arrays.stream(type.getEnumConstants())
                    .filter(e -> e.name().equals(text))
                    .findFirst()
                    .orElseThrow(() -> HtmException.invalidInput(
                            name, "unknown value '" + text + "'; one of " + Arrays.toString(type.getEnumConstants())));
            query.getOrDefault(name, List.of()).stream()
                    .flatMap(v -> Arrays.stream(v.split(",")))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .map(lookup)
                    .forEach(result::add);
            return result;
        }
    }
}
