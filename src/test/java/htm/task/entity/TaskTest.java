package htm.task.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import htm.problem.entity.HtmException;
import htm.security.control.Caller;
import htm.security.control.Role;
import htm.task.control.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    /** The originator of every task here, with apiwrite. */
    private static final Actor ALICE = Actor.of(new Caller("alice", Set.of(), Set.of(Role.APIWRITE)));

    private static final Actor BOB = admin("bob");

    @Test
    void aNewTaskIsInactiveTopLevelAndOwnedByNobody() {
        Task task = Task.create(definition(null, "PT4H"), "alice", T0);
        assertEquals(TaskState.STATE_INACTIVE, task.state());
        assertEquals("alice", task.originator());
        assertNull(task.owner());
        assertEquals(task.tkiid(), task.topLevelTaskID());
        assertEquals(HierarchyPosition.HIERARCHY_POSITION_TOP_TASK, task.positionInHierarchy());
        assertEquals(Task.DEFAULT_PRIORITY, task.priority());
        assertEquals(TaskKind.KIND_HUMAN, task.kind());
        assertEquals(36, task.tkiid().length());
        assertNotEquals(
                task.tkiid(), Task.create(definition(null, null), "alice", T0).tkiid());
        assertEquals(
                List.of(TaskAction.CREATE),
                task.history().stream().map(HistoryEntry::action).toList());
    }

    @Test
    void startingCountsTheDueDurationFromActivation() {
        Task task = Task.create(definition(null, "PT4H"), "alice", T0);
        task.start(admin("bob"), T1);
        assertEquals(TaskState.STATE_READY, task.state());
        assertEquals("bob", task.starter());
        assertEquals(T1, task.activationTime());
        assertEquals(T1, task.firstActivationTime());
        assertEquals(T1.plusSeconds(4 * 3600), task.dueTime());
        assertEquals(T1, task.lastStateChangeTime());
    }

    @Test
    void claimAndCancelClaimMoveOwnershipAndWriteHistory() {
        Task task = readyTask();
        task.claim(BOB, T1);
        assertEquals("bob", task.owner());
        assertEquals(T1, task.startTime());
        task.saveOutput(BOB, "{\"draft\":1}", T1);
        task.cancelClaim(BOB, false, T2);
        assertNull(task.owner());
        assertNull(task.output(), "the draft output goes with the claim unless keepTaskData");
        assertEquals(T2, task.activationTime(), "a cancelled claim activates the task again");
        assertEquals(T0, task.firstActivationTime());
        HistoryEntry last = task.history().get(task.history().size() - 1);
        assertEquals(TaskAction.CANCEL_CLAIM, last.action());
        assertEquals("bob", last.principal());
        assertEquals(TaskState.STATE_CLAIMED, last.fromState());
        assertEquals(TaskState.STATE_READY, last.toState());
    }

    @Test
    void cancelClaimWithKeepTaskDataKeepsTheDraft() {
        Task task = readyTask();
        task.claim(BOB, T1);
        task.saveOutput(BOB, "{\"draft\":1}", T1);
        task.cancelClaim(BOB, true, T2);
        assertEquals("{\"draft\":1}", task.output());
    }

    @Test
    void completingEndsTheTaskWithItsOutput() {
        Task task = readyTask();
        task.claim(BOB, T1);
        task.complete(BOB, "{\"ok\":true}", T2);
        assertEquals(TaskState.STATE_FINISHED, task.state());
        assertEquals(T2, task.completionTime());
        assertEquals("{\"ok\":true}", task.output());
        assertFalse(task.isSuspended());
    }

    @Test
    void suspensionIsAFlagBesideTheState() {
        Task task = readyTask();
        task.suspend(admin("admin"), null, T1);
        assertTrue(task.isSuspended());
        assertEquals(TaskState.STATE_READY, task.state());
        assertEquals(T0, task.lastStateChangeTime(), "suspending does not change the state");
        assertEquals(T1, task.lastModificationTime());
    }

    @Test
    void theTaskRefusesAnActionTheLifecycleOrThePermissionsDoNotAllowAndChangesNothing() {
        Task task = readyTask();
        HtmException illegal = assertThrows(HtmException.class, () -> task.complete(BOB, "{}", T1));
        assertEquals(409, illegal.status());
        assertEquals("HTM0409E", illegal.errorNumber());
        Actor stranger = Actor.of(new Caller("eve", Set.of(), Set.of(Role.APIWRITE)));
        HtmException forbidden = assertThrows(HtmException.class, () -> task.claim(stranger, T1));
        assertEquals(403, forbidden.status());
        assertEquals(TaskState.STATE_READY, task.state());
        assertNull(task.owner());
        assertEquals(
                List.of(TaskAction.CREATE, TaskAction.START),
                task.history().stream().map(HistoryEntry::action).toList(),
                "nothing recorded");
        assertFalse(task.allows(stranger, TaskAction.CLAIM));
        assertTrue(task.allows(BOB, TaskAction.CLAIM));
        assertFalse(task.isLegal(TaskAction.COMPLETE));
    }

    @Test
    void anOwnerWhoLostTheTaskHearsThatItIsNoLongerTheirs() {
        Task task = readyTask();
        Actor carol = Actor.of(new Caller("carol", Set.of(), Set.of(Role.APIWRITE)));
        task.assign(admin("admin"), "carol", T1);
        task.cancelClaim(admin("admin"), false, T1);
        task.assign(admin("admin"), "dave", T2);
        HtmException lost = assertThrows(HtmException.class, () -> task.complete(carol, null, T2));
        assertEquals("HTM0411E", lost.errorNumber());
    }

    @Test
    void aClaimForAnotherUserNeedsThemNamedAsPotentialOwnerAndNotExcluded() {
        Task task = Task.create(
                TaskDefinition.of(
                        "approve",
                        List.of(
                                Assignment.user(PeopleRole.POTENTIAL_OWNER, "carol"),
                                Assignment.user(PeopleRole.POTENTIAL_OWNER, "dave"),
                                Assignment.user(PeopleRole.EXCLUDED_OWNER, "dave"))),
                "alice",
                T0);
        task.start(ALICE, T0);
        Actor support = Actor.of(new Caller("sam", Set.of(), Set.of(Role.SUPPORT)));
        assertEquals(
                403,
                assertThrows(HtmException.class, () -> task.claimFor(support, "erin", T1))
                        .status());
        assertEquals(
                403,
                assertThrows(HtmException.class, () -> task.claimFor(support, "dave", T1))
                        .status());
        assertEquals(
                403,
                assertThrows(HtmException.class, () -> task.claimFor(ALICE, "carol", T1))
                        .status(),
                "the originator may not assign");
        task.claimFor(support, "carol", T1);
        assertEquals("carol", task.owner());
        assertEquals("sam", task.history().get(task.history().size() - 1).principal());
    }

    @Test
    void isoDurationsWithDateAndTimeParts() {
        assertEquals(T0.plusSeconds(2 * 86400), TaskSchedule.plus(T0, "P2D"));
        assertEquals(T0.plusSeconds(86400 + 7200), TaskSchedule.plus(T0, "P1DT2H"));
        assertEquals(T0.plusSeconds(90), TaskSchedule.plus(T0, "pt1m30s"));
    }

    @Test
    void anEndedTaskIsDeletedAsItsAutoDeletionModeSaysAndARestartKeepsIt() {
        Task kept = readyTask();
        kept.terminate(ALICE, T1, null);
        assertNull(kept.deletionTime(), "AUTO_DELETE_NO by default");

        Task onAnyEnd = deletedAfter(null, "PT1H");
        assertEquals(Task.AUTO_DELETE_ON_COMPLETION, onAnyEnd.autoDeletionMode());
        assertNull(onAnyEnd.deletionTime());
        onAnyEnd.terminate(ALICE, T1, null);
        assertEquals(T1.plusSeconds(3600), onAnyEnd.deletionTime());
        onAnyEnd.restart(admin("admin"), T2);
        assertNull(onAnyEnd.deletionTime(), "a restarted task is open again");

        Task onSuccess = deletedAfter(Task.AUTO_DELETE_ON_SUCCESSFUL_COMPLETION, null);
        onSuccess.claim(BOB, T1);
        onSuccess.fail(BOB, "rejected", null, T1);
        assertNull(onSuccess.deletionTime());
        Task finished = deletedAfter(Task.AUTO_DELETE_ON_SUCCESSFUL_COMPLETION, null);
        finished.claim(BOB, T1);
        finished.complete(BOB, null, T1);
        assertEquals(T1, finished.deletionTime(), "without durationUntilDeleted, at once");
    }

    @Test
    void theEscalationChainStartsAtTheDueTimeAndEachLinkWaitsForTheOneBefore() {
        Task task = Task.create(definition(null, "PT4H"), "alice", T0);
        task.instantiate(
                "tpl-1",
                "approve",
                List.of(
                        new EscalationRule(
                                "remind",
                                "PT1H",
                                TaskState.STATE_READY,
                                1,
                                List.of(Assignment.user(PeopleRole.ESCALATION_RECEIVER, "carol")),
                                null,
                                "late"),
                        new EscalationRule("hand-over", "PT2H", null, null, List.of(), "managers", null)));
        assertEquals("tpl-1", task.taskTemplateID());
        Escalation remind = task.escalations().get(0);
        Escalation handOver = task.escalations().get(1);
        assertEquals(EscalationState.ESCALATION_STATE_INACTIVE, remind.state());

        task.start(ALICE, T0);
        assertEquals(EscalationState.ESCALATION_STATE_WAITING, remind.state());
        assertEquals(T0.plusSeconds(5 * 3600), remind.escalationTime(), "due after 4 h, then 1 h more");
        assertEquals(EscalationState.ESCALATION_STATE_INACTIVE, handOver.state());

        Instant late = T0.plusSeconds(5 * 3600);
        assertTrue(task.isOverdue(late));
        task.escalate(Actor.SYSTEM, remind, late);
        assertTrue(task.isEscalated());
        assertEquals(1, task.priority());
        assertEquals(Set.of("carol"), task.named(PeopleRole.ESCALATION_RECEIVER, false));
        assertEquals(EscalationState.ESCALATION_STATE_ESCALATED, remind.state());
        assertEquals(late.plusSeconds(2 * 3600), handOver.escalationTime(), "the next link waits from now");

        task.claim(BOB, late);
        assertFalse(task.outgrew(handOver), "hand-over watches any open state");
        task.complete(BOB, null, late);
        assertTrue(task.outgrew(handOver));
        task.dropEscalation(handOver, late);
        assertEquals(EscalationState.ESCALATION_STATE_SUPERFLUOUS, handOver.state());
        assertFalse(task.isOverdue(late), "an ended task is not overdue");
    }

    @Test
    void anEscalationHandingTheTaskToAGroupReplacesItsPotentialOwners() {
        Task task = readyTask();
        task.instantiate(
                "tpl",
                "t",
                List.of(new EscalationRule("to-managers", "PT1H", null, null, List.of(), "managers", null)));
        task.escalate(Actor.SYSTEM, task.escalations().get(0), T1);
        assertEquals(Set.of(), task.named(PeopleRole.POTENTIAL_OWNER, false));
        assertEquals(Set.of("managers"), task.named(PeopleRole.POTENTIAL_OWNER, true));
    }

    private static Task deletedAfter(String autoDeletionMode, String durationUntilDeleted) {
        Task task = Task.create(
                new TaskDefinition(
                        "approve",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        new TaskSchedule(null, null, null, durationUntilDeleted, autoDeletionMode),
                        null,
                        List.of(),
                        null,
                        null),
                "alice",
                T0);
        task.start(ALICE, T0);
        return task;
    }

    @Test
    void workItemsFollowThePeopleThroughEveryChange() {
        Task task = Task.create(
                new TaskDefinition(
                        "approve",
                        null,
                        null,
                        null,
                        null,
                        3,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(
                                Assignment.group(PeopleRole.POTENTIAL_OWNER, "reviewers"),
                                Assignment.user(PeopleRole.EXCLUDED_OWNER, "bob")),
                        null,
                        null),
                "alice",
                T0);
        assertWorkItems(
                task,
                Set.of(
                        new WorkItem("reviewers", true, WorkItemReason.POTENTIAL_OWNER),
                        new WorkItem("bob", false, WorkItemReason.EXCLUDED_OWNER),
                        new WorkItem("alice", false, WorkItemReason.ORIGINATOR)));
        task.start(ALICE, T0);
        Actor carol = Actor.of(new Caller("carol", Set.of("reviewers"), Set.of(Role.APIWRITE)));
        task.claim(carol, T1);
        task.delegateTo(carol, "dave", T1);
        assertWorkItems(
                task,
                Set.of(
                        new WorkItem("reviewers", true, WorkItemReason.POTENTIAL_OWNER),
                        new WorkItem("bob", false, WorkItemReason.EXCLUDED_OWNER),
                        new WorkItem("alice", false, WorkItemReason.ORIGINATOR),
                        new WorkItem("alice", false, WorkItemReason.STARTER),
                        new WorkItem("carol", false, WorkItemReason.OWNER),
                        new WorkItem("dave", false, WorkItemReason.DELEGATE)));
        task.resolve(Actor.of(new Caller("dave", Set.of(), Set.of(Role.APIWRITE))), T1);
        task.suspendAndCancelClaim(carol, null, T2);
        task.update(ALICE, new TaskUpdate("renamed", null, null, null, 1, T2, null, Map.of()), T2);
        task.transferWorkItem(
                ALICE,
                Assignment.group(PeopleRole.POTENTIAL_OWNER, "reviewers"),
                Assignment.group(PeopleRole.POTENTIAL_OWNER, "managers"),
                T2);
        assertWorkItems(
                task,
                Set.of(
                        new WorkItem("managers", true, WorkItemReason.POTENTIAL_OWNER),
                        new WorkItem("bob", false, WorkItemReason.EXCLUDED_OWNER),
                        new WorkItem("alice", false, WorkItemReason.ORIGINATOR),
                        new WorkItem("alice", false, WorkItemReason.STARTER)));
    }

    private static void assertWorkItems(Task task, Set<WorkItem> expected) {
        assertEquals(expected, task.workItems());
    }

    private static Task readyTask() {
        Task task = Task.create(definition(null, null), "alice", T0);
        task.start(ALICE, T0);
        return task;
    }

    /** An administrator by that name: allowed every action the lifecycle allows. */
    private static Actor admin(String name) {
        return Actor.of(new Caller(name, Set.of(), Set.of(Role.ADMIN)));
    }

    static TaskDefinition definition(Integer priority, String durationUntilDue) {
        return new TaskDefinition(
                "approve",
                null,
                null,
                null,
                null,
                priority,
                null,
                null,
                null,
                null,
                new TaskSchedule(null, durationUntilDue, null, null, null),
                null,
                List.of(),
                null,
                null);
    }
}
