package htm.worklist.control;

import java.util.List;
import java.util.Set;

/** One condition of a task query; the work-list filters and the HTM where clause both become these. */
public sealed interface Criterion {

    enum Op {
        EQ("="),
        NE("<>"),
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">=");

        private final String jpql;

        Op(String jpql) {
            this.jpql = jpql;
        }

        public String jpql() {
            return jpql;
        }

        /** The operator a clause or a parameter writes: = <> != < <= > >=. */
        static Op of(String symbol) {
            return switch (symbol) {
                case "=" -> EQ;
                case "<>", "!=" -> NE;
                case "<" -> LT;
                case "<=" -> LE;
                case ">" -> GT;
                case ">=" -> GE;
                default -> throw new IllegalArgumentException("no operator " + symbol);
            };
        }
    }

    /** field op value; the value is of the field's type. */
    record Compare(TaskField field, Op op, Object value) implements Criterion {}

    record In(TaskField field, Set<?> values) implements Criterion {
        public In {
            values = Set.copyOf(values);
        }
    }

    /** The field's value starts with the prefix, taken literally (no wildcards). */
    record StartsWith(TaskField field, String prefix) implements Criterion {}

    record IsNull(TaskField field, boolean negated) implements Criterion {}

    record CustomProperty(String name, String value) implements Criterion {}

    /**
     * A test of one member of the task's input or output document (TASK.INPUT.amount > 1000); the value is a
     * BigDecimal, String, Boolean or Instant, or null for the null tests. DataMatch says what each test means.
     */
    record Data(DataField field, DataTest test, Object value) implements Criterion {}

    /** The caller may claim the task: a potential owner directly or through a group, and not excluded. */
    record CallerIsPotentialOwner() implements Criterion {}

    /** The task names the caller, or one of the caller's groups, in this people role (HTM work-item reason). */
    record CallerHasWorkItem(htm.task.entity.PeopleRole role) implements Criterion {}

    /** The group is among the task's potential owners. */
    record OfferedToGroup(String group) implements Criterion {}

    record And(List<Criterion> all) implements Criterion {
        public And {
            all = List.copyOf(all);
        }
    }

    record Or(List<Criterion> any) implements Criterion {
        public Or {
            any = List.copyOf(any);
        }
    }

    record Not(Criterion negated) implements Criterion {}
}
