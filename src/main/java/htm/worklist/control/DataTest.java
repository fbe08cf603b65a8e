package htm.worklist.control;

/** What a data condition asks of a document's member. */
public enum DataTest {
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE,
    STARTS_WITH,
    IS_NULL,
    IS_NOT_NULL;

    static DataTest of(Criterion.Op op) {
        return valueOf(op.name());
    }

    boolean holds(int comparison) {
        return switch (this) {
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
            default -> throw new IllegalStateException(this + " compares nothing");
        };
    }

    /** The SQL operator of a comparison. */
    String sql() {
        return Criterion.Op.valueOf(name()).jpql();
    }
}
