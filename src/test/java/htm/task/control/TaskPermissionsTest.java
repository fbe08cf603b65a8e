package htm.task.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import htm.security.control.Caller;
import htm.security.control.Role;
import htm.task.entity.Assignment;
import htm.task.entity.PeopleRole;
import htm.task.entity.Task;
import htm.task.entity.TaskAction;
import htm.task.entity.TaskDefinition;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every caller of a cast that covers each people role and each application role, against every action. */
class TaskPermissionsTest {

    private static final List<Caller> CAST = List.of(
            caller("olivia", Set.of(), Role.APIWRITE), // originator
            caller("paul", Set.of(), Role.APIWRITE), // potential owner by name, and the owner
            caller("rob", Set.of("reviewers"), Role.APIWRITE), // potential owner through a group
            caller("rita", Set.of("reviewers"), Role.APIWRITE), // in the group, but excluded
            caller("adam", Set.of(), Role.APIWRITE), // task administrator
            caller("eddie", Set.of(), Role.APIWRITE), // editor
            caller("reed", Set.of(), Role.APIWRITE), // reader
            caller("stranger", Set.of("others"), Role.APIWRITE), // named nowhere
            caller("dave", Set.of("reviewers"), Role.APIREAD), // potential owner, read-only role
            caller("sam", Set.of(), Role.SUPPORT),
            caller("erin", Set.of(), Role.ENGINEERING),
            caller("admin", Set.of(), Role.ADMIN));

    private static final String SEEING = "adam admin dave eddie erin olivia paul reed rita rob sam";

    private static final Map<TaskAction, String> MAY = Map.ofEntries(
            Map.entry(TaskAction.CREATE, ""),
            Map.entry(TaskAction.EXPIRE, ""),
            Map.entry(TaskAction.START, "adam admin olivia"),
            Map.entry(TaskAction.CLAIM, "admin dave paul rob"),
            Map.entry(TaskAction.CANCEL_CLAIM, "adam admin paul"),
            Map.entry(TaskAction.COMPLETE, "admin paul"),
            Map.entry(TaskAction.FAIL, "admin paul"),
            Map.entry(TaskAction.SET_OUTPUT, "admin paul"),
            Map.entry(TaskAction.SET_FAULT, "admin paul"),
            Map.entry(TaskAction.DELEGATE, "admin paul"),
            Map.entry(TaskAction.RESOLVE, "admin paul"),
            Map.entry(TaskAction.ASSIGN, "adam admin sam"),
            Map.entry(TaskAction.TRANSFER_WORK_ITEM, "adam admin olivia sam"),
            Map.entry(TaskAction.SET_CUSTOM_PROPERTY, "adam admin eddie olivia paul"),
            Map.entry(TaskAction.COMPLETE_WITH_FOLLOW_ON_TASK, "admin paul"),
            Map.entry(TaskAction.CREATE_SUBTASK, "admin paul"),
            Map.entry(TaskAction.SUSPEND_AND_CANCEL_CLAIM, "admin paul"),
            Map.entry(TaskAction.TRANSFER, "adam admin paul sam"),
            Map.entry(TaskAction.SUSPEND, "adam admin olivia sam"),
            Map.entry(TaskAction.RESUME, "adam admin olivia sam"),
            Map.entry(TaskAction.TERMINATE, "adam admin olivia"),
            Map.entry(TaskAction.DELETE, "adam admin olivia"),
            Map.entry(TaskAction.UPDATE, "adam admin eddie olivia paul"),
            Map.entry(TaskAction.SET_INPUT, "adam admin eddie olivia"),
            Map.entry(TaskAction.ADD_COMMENT, SEEING),
            Map.entry(TaskAction.RESTART, "admin"),
            Map.entry(TaskAction.ESCALATE, "adam admin erin olivia paul sam"),
            Map.entry(TaskAction.ROUTE, "admin paul"));

    @Test
    void whoSeesTheTask() {
        Task task = claimedTask();
        assertEquals(SEEING, names(CAST.stream().filter(c -> TaskPermissions.sees(c, task))));
    }

    @Test
    void whoMayTakeEachAction() {
        assertEquals(TaskAction.values().length, MAY.size(), "the table covers every action");
        Task task = claimedTask();
        for (TaskAction action : TaskAction.values()) {
            assertEquals(
                    MAY.get(action),
                    names(CAST.stream().filter(c -> TaskPermissions.may(c, task, action))),
                    "who may " + action);
        }
    }

    @Test
    void aCallerInNoApplicationRoleMayDoNothing() {
        Caller nobody = caller("paul", Set.of(), null);
        Task task = claimedTask();
        assertEquals(
                Set.of(),
                Arrays.stream(TaskAction.values())
                        .filter(action -> TaskPermissions.may(nobody, task, action))
                        .collect(Collectors.toSet()));
    }

    @Test
    void theDelegateWorksTheTaskAndResolvesItButDoesNotCompleteIt() {
        Task task = claimedTask();
        task.delegateTo(Actor.of(caller("paul", Set.of(), Role.APIWRITE)), "dora", Instant.now());
        Caller dora = caller("dora", Set.of(), Role.APIWRITE);
        assertEquals(true, TaskPermissions.sees(dora, task));
        for (TaskAction action : TaskAction.values()) {
            boolean expected = Set.of(
                            TaskAction.SET_OUTPUT, TaskAction.SET_FAULT, TaskAction.RESOLVE, TaskAction.ADD_COMMENT)
                    .contains(action);
            assertEquals(expected, TaskPermissions.may(dora, task, action), action.name());
        }
    }

    /** Created by olivia, claimed by paul; rita is excluded although she is in the reviewers group. */
    static Task claimedTask() {
        List<Assignment> people = List.of(
                Assignment.user(PeopleRole.POTENTIAL_OWNER, "paul"),
                Assignment.group(PeopleRole.POTENTIAL_OWNER, "reviewers"),
                Assignment.user(PeopleRole.EXCLUDED_OWNER, "rita"),
                Assignment.user(PeopleRole.ADMINISTRATOR, "adam"),
                Assignment.user(PeopleRole.EDITOR, "eddie"),
                Assignment.user(PeopleRole.READER, "reed"));
        TaskDefinition definition = TaskDefinition.of("approve", people);
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        Task task = Task.create(definition, "olivia", now);
        task.start(Actor.of(caller("olivia", Set.of(), Role.APIWRITE)), now);
        task.claim(Actor.of(caller("paul", Set.of(), Role.APIREAD)), now);
        return task;
    }

    private static Caller caller(String name, Set<String> groups, Role role) {
        return new Caller(name, groups, role == null ? Set.of() : Set.of(role));
    }

    private static String names(Stream<Caller> callers) {
        return String.join(" ", callers.map(Caller::name).collect(Collectors.toCollection(TreeSet::new)));
    }
}
