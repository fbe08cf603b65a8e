package htm.task.entity;

/** Why a task shows up in someone's work list: a people role it names them in, or their delegation. */
public enum WorkItemReason {
    POTENTIAL_OWNER,
    EXCLUDED_OWNER,
    ADMINISTRATOR,
    EDITOR,
    READER,
    ESCALATION_RECEIVER,
    OWNER,
    ORIGINATOR,
    STARTER,
    DELEGATE;

    public static WorkItemReason of(PeopleRole role) {
        return valueOf(role.name());
    }

    /** Owner, originator, starter and delegate are always users; the list roles also name groups. */
    public boolean namesGroups() {
        return this != OWNER && this != ORIGINATOR && this != STARTER && this != DELEGATE;
    }
}
