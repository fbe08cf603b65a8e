package htm.task.control;

import htm.security.control.Caller;
import htm.task.entity.PeopleRole;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the JPQL of a work-list query from a filter and the caller. Values only ever travel as bound
 * parameters; the query text is made of fixed fragments.
 */
public final class TaskQuery {

    private final StringBuilder where = new StringBuilder(" where 1 = 1");
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    public TaskQuery(TaskFilter filter, Caller caller) {
        if (!filter.states().isEmpty()) {
            where.append(" and t.state in :states");
            parameters.put("states", filter.states());
        }
        if (filter.owner() != null) {
            where.append(" and t.owner = :owner");
            parameters.put("owner", filter.owner());
        }
        if (filter.potentialOwnerOfCaller() || !caller.seesEveryTask()) {
            parameters.put("me", caller.name());
            if (!caller.groups().isEmpty()) {
                parameters.put("myGroups", caller.groups());
            }
        }
        if (filter.potentialOwnerOfCaller()) {
            where.append(" and exists (").append(namesCaller(caller, true)).append(")")
                    .append(" and not exists (").append(namesCaller(caller, false)).append(")");
            parameters.put("potentialOwner", PeopleRole.POTENTIAL_OWNER);
            parameters.put("excludedOwner", PeopleRole.EXCLUDED_OWNER);
        }
        if (!caller.seesEveryTask()) {
            where.append(" and (t.owner = :me or t.originator = :me or t.starter = :me or exists (")
                    .append(namesCallerInAnyRole(caller)).append("))");
        }
    }

    private static String namesCaller(Caller caller, boolean potential) {
        return "select 1 from Task p join p.people a where p = t and a.role = "
                + (potential ? ":potentialOwner" : ":excludedOwner") + " and " + callerMatch(caller);
    }

    private static String namesCallerInAnyRole(Caller caller) {
        return "select 1 from Task p join p.people a where p = t and " + callerMatch(caller);
    }

    private static String callerMatch(Caller caller) {
        return caller.groups().isEmpty()
                ? "(a.isGroup = false and a.principal = :me)"
                : "((a.isGroup = false and a.principal = :me) or (a.isGroup = true and a.principal in :myGroups))";
    }

    public String select() {
        return "select t from Task t" + where + " order by t.priority, t.creationTime, t.tkiid";
    }

    public String count() {
        return "select count(t) from Task t" + where;
    }

    public Map<String, Object> parameters() {
        return Map.copyOf(parameters);
    }
}
