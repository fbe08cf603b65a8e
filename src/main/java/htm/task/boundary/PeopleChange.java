package htm.task.boundary;

import htm.problem.entity.HtmException;
import htm.task.entity.Assignment;
import htm.task.entity.PeopleRole;
import java.util.Arrays;

/** A change to the people of a task, read from the query of PUT …/role/{role}. */
record PeopleChange(Kind kind, Assignment from, Assignment to) {

    enum Kind {
        TRANSFER_OWNER,
        ASSIGN_OWNER,
        CHANGE_LIST
    }

    static PeopleChange of(
            String roleName,
            String action,
            String fromUser,
            String fromGroup,
            String toUser,
            String toGroup,
            String newUser,
            String newGroup) {
        PeopleRole role = role(roleName);
        if ("transfer".equals(action)) {
            Assignment to = exactlyOne(role, "toUser", toUser, "toGroup", toGroup);
            if (role == PeopleRole.OWNER) {
                return new PeopleChange(Kind.TRANSFER_OWNER, null, user(to, "toUser"));
            }
            return new PeopleChange(
                    Kind.CHANGE_LIST, list(exactlyOne(role, "fromUser", fromUser, "fromGroup", fromGroup)), to);
        }
        if ("assign".equals(action)) {
            Assignment added = exactlyOne(role, "newUser", newUser, "newGroup", newGroup);
            if (role == PeopleRole.OWNER) {
                return new PeopleChange(Kind.ASSIGN_OWNER, null, user(added, "newUser"));
            }
            return new PeopleChange(Kind.CHANGE_LIST, null, list(added));
        }
        throw HtmException.invalidInput("action", "transfer or assign");
    }

    static PeopleRole role(String name) {
        return PeopleRole.ofPathName(name)
                .orElseThrow(() -> HtmException.invalidInput(
                        "role",
                        "unknown role '" + name + "'; one of "
                                + Arrays.stream(PeopleRole.values())
                                        .map(PeopleRole::pathName)
                                        .toList()));
    }

    private static Assignment exactlyOne(
            PeopleRole role, String userField, String user, String groupField, String group) {
        if ((user == null) == (group == null)) {
            throw HtmException.invalidInput(userField, "give either " + userField + " or " + groupField);
        }
        return user != null
                ? Assignment.user(role, QueryParams.name(userField, user))
                : Assignment.group(role, QueryParams.name(groupField, group));
    }

    private static Assignment user(Assignment assignment, String field) {
        if (assignment.isGroup()) {
            throw HtmException.invalidInput(field, "a task is owned by a user, not a group");
        }
        return assignment;
    }

    private static Assignment list(Assignment assignment) {
        if (!assignment.role().isList()) {
            throw HtmException.invalidInput(
                    "role", assignment.role().pathName() + " cannot be changed; it records who did what");
        }
        return assignment;
    }
}
