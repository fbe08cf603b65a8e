package htm.worklist.control;

import htm.security.control.Caller;
import htm.task.entity.WorkItemReason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A work list read from the work items, in SQL: one index range for each reason and principal the caller
 * counts as — the user, then each of their groups — each filtered, ordered and cut to the page in the database,
 * then merged with duplicates dropped (a task offered to a user and their group is listed once); the total
 * counts the same ranges. It serves every caller who sees only the tasks they have a work item on, and anyone's
 * list of tasks they may claim (potentialOwner=me). Values only ever travel as bound parameters.
 */
public final class WorkItemQuery {

    private static final List<WorkItemReason> ANY_REASON = List.of(WorkItemReason.values());
    private static final List<WorkItemReason> GROUP_REASONS = Arrays.stream(WorkItemReason.values())
            .filter(WorkItemReason::namesGroups)
            .toList();

    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Caller caller;
    private final TaskFilter filter;
    private final boolean postgres;
    private final List<String> ranges = new ArrayList<>();
    private boolean joinsTask;

    /** Whether this query answers the filter for the caller (else TaskQuery reads the task table). */
    public static boolean serves(TaskFilter filter, Caller caller) {
        return !caller.seesEveryTask() || claimable(filter);
    }

    private static boolean claimable(TaskFilter filter) {
        return filter.criteria().stream().anyMatch(c -> c instanceof Criterion.CallerIsPotentialOwner);
    }

    /** On PostgreSQL or else H2, whose data conditions differ (DataSql). */
    public WorkItemQuery(TaskFilter filter, Caller caller, boolean postgres) {
        this.caller = caller;
        this.filter = filter;
        this.postgres = postgres;
        boolean claimable = claimable(filter);
        Criterion ownedByCaller = new Criterion.Compare(TaskField.OWNER, Criterion.Op.EQ, caller.name());
        boolean owned = filter.criteria().contains(ownedByCaller);
        StringBuilder conditions = new StringBuilder();
        for (Criterion criterion : filter.criteria()) {
            if (!(criterion instanceof Criterion.CallerIsPotentialOwner) && !criterion.equals(ownedByCaller)) {
                conditions.append(" and ").append(sql(criterion));
            }
        }
        if (claimable) {
            conditions
                    .append(" and not exists (")
                    .append(namesCaller("x", WorkItemReason.EXCLUDED_OWNER))
                    .append(")");
        }
        if (filter.after() != null) {
            conditions
                    .append(" and (")
                    .append(QueryParts.after(filter.order(), filter.after(), this::column, this::bind))
                    .append(")");
        }
        String from = "from work_item w" + (joinsTask ? " join task t on t.tkiid = w.task_id" : "");
        if (owned) {
            // the caller's own tasks are exactly those with an owner work item for them
            ranges.add(range(from, caller.name(), false, List.of(WorkItemReason.OWNER))
                    + conditions
                    + (claimable ? " and exists (" + namesCaller("p", WorkItemReason.POTENTIAL_OWNER) + ")" : ""));
            return;
        }
        List<WorkItemReason> userReasons = claimable ? List.of(WorkItemReason.POTENTIAL_OWNER) : ANY_REASON;
        List<WorkItemReason> groupReasons = claimable ? List.of(WorkItemReason.POTENTIAL_OWNER) : GROUP_REASONS;
        ranges.add(range(from, caller.name(), false, userReasons) + conditions);
        for (String group : caller.groups().stream().sorted().toList()) {
            ranges.add(range(from, group, true, groupReasons) + conditions);
        }
    }

    /** The ids of the page's tasks, in the page's order. */
    public String select() {
        long reach = (long) filter.offset() + filter.size();
        String columns = filter.order().stream().map(key -> column(key.field())).collect(Collectors.joining(", "));
        return "select u.task_id from ("
                + ranges.stream()
                        .map(range -> "(select w.task_id, " + columns + " " + range + " order by "
                                + QueryParts.orderBy(filter.order(), this::column) + " fetch first " + reach
                                + " rows only)")
                        .collect(Collectors.joining(" union "))
                + ") u order by "
                + QueryParts.orderBy(filter.order(), this::outerColumn)
                + " offset " + filter.offset() + " rows fetch first " + filter.size() + " rows only";
    }

    /** How many tasks the whole list holds. */
    public String count() {
        return "select count(*) from ("
                + ranges.stream().map(range -> "select w.task_id " + range).collect(Collectors.joining(" union "))
                + ") u";
    }

    public Map<String, Object> parameters() {
        return Map.copyOf(parameters);
    }

    private String range(String from, String principal, boolean group, List<WorkItemReason> reasons) {
        return from + " where w.principal = " + bind(principal) + " and w.is_group = " + group + " and w.reason "
                + (reasons.size() == 1
                        ? "= " + bind(reasons.get(0).name())
                        : "in " + bind(reasons.stream().map(Enum::name).toList()));
    }

    private String sql(Criterion criterion) {
        if (criterion instanceof Criterion.Compare c) {
            return column(c.field()) + " " + c.op().jpql() + " " + bind(c.value());
        }
        if (criterion instanceof Criterion.In in) {
            return in.values().isEmpty() ? "1 = 0" : column(in.field()) + " in " + bind(in.values());
        }
        if (criterion instanceof Criterion.StartsWith s) {
            return column(s.field()) + " like " + bind(QueryParts.startsWith(s.prefix())) + " escape '!'";
        }
        if (criterion instanceof Criterion.IsNull n) {
            return column(n.field()) + (n.negated() ? " is not null" : " is null");
        }
        if (criterion instanceof Criterion.CustomProperty p) {
            return "exists (select 1 from task_custom_property c where c.task_id = w.task_id and c.prop_name = "
                    + bind(p.name()) + " and c.prop_value = " + bind(p.value()) + ")";
        }
        if (criterion instanceof Criterion.Data data) {
            joinsTask = true;
            DataField.Message message = data.field().message();
            return DataSql.of(data, postgres)
                    .sql("t." + (postgres ? message.searchColumn() : message.column()), this::bind);
        }
        if (criterion instanceof Criterion.CallerIsPotentialOwner) {
            return "exists (" + namesCaller("p", WorkItemReason.POTENTIAL_OWNER) + ") and not exists ("
                    + namesCaller("x", WorkItemReason.EXCLUDED_OWNER) + ")";
        }
        if (criterion instanceof Criterion.CallerHasWorkItem w) {
            return "exists (" + namesCaller("p", WorkItemReason.of(w.role())) + ")";
        }
        if (criterion instanceof Criterion.OfferedToGroup g) {
            return "exists (select 1 from work_item p where p.task_id = w.task_id and p.reason = 'POTENTIAL_OWNER'"
                    + " and p.is_group = true and p.principal = " + bind(g.group()) + ")";
        }
        if (criterion instanceof Criterion.And and) {
            return and.all().isEmpty()
                    ? "1 = 1"
                    : and.all().stream().map(this::sql).collect(Collectors.joining(" and ", "(", ")"));
        }
        if (criterion instanceof Criterion.Or or) {
            return or.any().isEmpty()
                    ? "1 = 0"
                    : or.any().stream().map(this::sql).collect(Collectors.joining(" or ", "(", ")"));
        }
        return "not (" + sql(((Criterion.Not) criterion).negated()) + ")";
    }

    /** A work item of the same task that names the caller, or one of their groups, for the reason given. */
    private String namesCaller(String alias, WorkItemReason reason) {
        String user = "(" + alias + ".is_group = false and " + alias + ".principal = " + bind(caller.name()) + ")";
        return "select 1 from work_item " + alias + " where " + alias + ".task_id = w.task_id and " + alias
                + ".reason = '" + reason.name() + "' and "
                + (caller.groups().isEmpty()
                        ? user
                        : "(" + user + " or ("
                                + alias + ".is_group = true and " + alias + ".principal in "
                                + bind(List.copyOf(caller.groups()))
                                + "))");
    }

    private String column(TaskField field) {
        joinsTask |= !field.isInWorkItem();
        return field.column();
    }

    /** The same column in the merged ranges, whose rows carry the order's columns under their own names. */
    private String outerColumn(TaskField field) {
        String column = field.column();
        return "u." + column.substring(column.indexOf('.') + 1);
    }

    /** Enumerations travel by name, as the columns hold them. */
    private String bind(Object value) {
        Object bound = value instanceof Enum<?> e
                ? e.name()
                : value instanceof Collection<?> values
                        ? values.stream()
                                .map(v -> v instanceof Enum<?> e ? e.name() : v)
                                .toList()
                        : value;
        String name = "w" + parameters.size();
        parameters.put(name, bound);
        return ":" + name;
    }
}
