package htm.task.entity;

import java.util.Arrays;
import java.util.Optional;

/** The generic human roles of a task, with the names they carry in resource paths and JSON. */
public enum PeopleRole {
    POTENTIAL_OWNER("potentialOwner", "potentialOwners"),
    EXCLUDED_OWNER("excludedOwner", "excludedOwners"),
    ADMINISTRATOR("administrator", "administrators"),
    EDITOR("editor", "editors"),
    READER("reader", "readers"),
    ESCALATION_RECEIVER("escalationReceiver", "escalationReceivers"),
    OWNER("owner", "owner"),
    ORIGINATOR("originator", "originator"),
    STARTER("starter", "starter");

    private final String pathName;
    private final String fieldName;

    PeopleRole(String pathName, String fieldName) {
        this.pathName = pathName;
        this.fieldName = fieldName;
    }

    public String pathName() {
        return pathName;
    }

    public String fieldName() {
        return fieldName;
    }

    /** Owner, originator and starter are single users held on the task itself; the others are lists. */
    public boolean isList() {
        return this != OWNER && this != ORIGINATOR && this != STARTER;
    }

    public static Optional<PeopleRole> ofPathName(String pathName) {
        return Arrays.stream(values()).filter(r -> r.pathName.equals(pathName)).findFirst();
    }
}
