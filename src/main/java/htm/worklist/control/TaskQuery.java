package htm.worklist.control;

import htm.security.control.Caller;
import htm.task.entity.PeopleRole;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a filter and the caller into JPQL. Values only ever travel as bound parameters; the query text is
 * made of fixed fragments and the paths of {@link TaskField}.
 */
public final class TaskQuery {

    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Caller caller;
    private final boolean postgres;
    private final String where;
    private final String keyset;
    private final String order;

    /** On PostgreSQL or else H2, whose data conditions differ (DataSql). */
    public TaskQuery(TaskFilter filter, Caller caller, boolean postgres) {
        this.caller = caller;
        this.postgres = postgres;
        StringBuilder conditions = new StringBuilder("1 = 1");
        for (Criterion criterion : filter.criteria()) {
            conditions.append(" and ").append(jpql(criterion));
        }
        boolean onlyClaimable = filter.criteria().stream().anyMatch(c -> c instanceof Criterion.CallerIsPotentialOwner);
        if (!caller.seesEveryTask() && !onlyClaimable) {
            conditions.append(" and ").append(seesTask());
        }
        this.where = conditions.toString();
        this.keyset = filter.after() == null
                ? null
                : QueryParts.after(filter.order(), filter.after(), TaskField::path, this::bind);
        this.order = QueryParts.orderBy(filter.order(), TaskField::path);
    }

    public String select() {
        return "select t from Task t where " + where + (keyset == null ? "" : " and (" + keyset + ")") + " order by "
                + order;
    }

    public String count() {
        return "select count(t) from Task t where " + where;
    }

    /** The bound values of both queries; the count query uses those it names. */
    public Map<String, Object> parameters() {
        return Map.copyOf(parameters);
    }

    /** The parameters that occur in the query text given. */
    public Map<String, Object> parametersOf(String query) {
        return parameters.entrySet().stream()
                .filter(e -> query.matches("(?s).*:" + e.getKey() + "\\b.*"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private String jpql(Criterion criterion) {
        if (criterion instanceof Criterion.Compare c) {
            return c.field().path() + " " + c.op().jpql() + " " + bind(c.value());
        }
        if (criterion instanceof Criterion.In in) {
            return in.values().isEmpty() ? "1 = 0" : in.field().path() + " in " + bind(in.values());
        }
        if (criterion instanceof Criterion.StartsWith s) {
            return s.field().path() + " like " + bind(QueryParts.startsWith(s.prefix())) + " escape '!'";
        }
        if (criterion instanceof Criterion.IsNull n) {
            return n.field().path() + (n.negated() ? " is not null" : " is null");
        }
        if (criterion instanceof Criterion.CustomProperty p) {
            return "exists (select 1 from Task c join c.customProperties v where c = t and key(v) = " + bind(p.name())
                    + " and v = " + bind(p.value()) + ")";
        }
        if (criterion instanceof Criterion.Data data) {
            DataSql.Call call = DataSql.of(data, postgres);
            return call.form().function() + "(t." + data.field().message().attribute() + ", "
                    + call.values().stream().map(this::bind).collect(Collectors.joining(", ")) + ") = true";
        }
        if (criterion instanceof Criterion.CallerIsPotentialOwner) {
            return "t.tkiid in (select p.tkiid from Task p join p.people a where a.role = "
                    + bind(PeopleRole.POTENTIAL_OWNER) + " and " + callerMatch() + ") and not exists ("
                    + namesCaller(PeopleRole.EXCLUDED_OWNER) + ")";
        }
        if (criterion instanceof Criterion.CallerHasWorkItem w) {
            return hasWorkItem(w.role());
        }
        if (criterion instanceof Criterion.OfferedToGroup g) {
            return "t.tkiid in (select p.tkiid from Task p join p.people a where a.role = "
                    + bind(PeopleRole.POTENTIAL_OWNER) + " and a.isGroup = true and a.principal = " + bind(g.group())
                    + ")";
        }
        if (criterion instanceof Criterion.And and) {
            return and.all().isEmpty()
                    ? "1 = 1"
                    : and.all().stream().map(this::jpql).collect(Collectors.joining(" and ", "(", ")"));
        }
        if (criterion instanceof Criterion.Or or) {
            return or.any().isEmpty()
                    ? "1 = 0"
                    : or.any().stream().map(this::jpql).collect(Collectors.joining(" or ", "(", ")"));
        }
        return "not (" + jpql(((Criterion.Not) criterion).negated()) + ")";
    }

    private String hasWorkItem(PeopleRole role) {
        return switch (role) {
            case OWNER -> "t.owner = " + bind(caller.name());
            case ORIGINATOR -> "t.originator = " + bind(caller.name());
            case STARTER -> "t.starter = " + bind(caller.name());
            case POTENTIAL_OWNER -> jpql(new Criterion.CallerIsPotentialOwner());
            default -> "exists (" + namesCaller(role) + ")";
        };
    }

    /**
     * The caller has a work item on the task: named in any role, directly or through a group. A potential
     * owner always has one, so a query for the caller's claimable tasks leaves this out.
     */
    private String seesTask() {
        String me = bind(caller.name());
        return "(t.owner = " + me + " or t.originator = " + me + " or t.starter = " + me + " or t.delegate = " + me
                + " or exists (select 1 from Task p join p.people a where p = t and " + callerMatch() + "))";
    }

    private String namesCaller(PeopleRole role) {
        return "select 1 from Task p join p.people a where p = t and a.role = " + bind(role) + " and " + callerMatch();
    }

    private String callerMatch() {
        String user = "(a.isGroup = false and a.principal = " + bind(caller.name()) + ")";
        return caller.groups().isEmpty()
                ? user
                : "(" + user + " or (a.isGroup = true and a.principal in " + bind(caller.groups()) + "))";
    }

    private String bind(Object value) {
        String name = "p" + parameters.size();
        parameters.put(name, value);
        return ":" + name;
    }
}
