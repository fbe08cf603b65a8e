package htm.task.entity;

import htm.problem.entity.HtmException;
import htm.task.control.Actor;
import htm.task.control.TaskCondition;
import htm.task.control.TaskLifecycle;
import htm.task.control.TaskPermissions;
import htm.worklist.entity.WorkItemIndex;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.Hibernate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A human task instance: its lifecycle state, its people, its messages and its audit trail. */
@Entity
@Table(
        name = "task",
        indexes = {
            @Index(name = "ix_task_work_list", columnList = "state, priority, creation_time, tkiid"),
            @Index(name = "ix_task_due", columnList = "state, due_time"),
            @Index(name = "ix_task_activation", columnList = "state, activation_time"),
            @Index(name = "ix_task_creation", columnList = "creation_time"),
            @Index(name = "ix_task_name", columnList = "name"),
            @Index(name = "ix_task_owner_state", columnList = "owner, state, priority, creation_time, tkiid"),
            @Index(name = "ix_task_originator", columnList = "originator"),
            @Index(name = "ix_task_parent", columnList = "parent_context_id"),
            @Index(name = "ix_task_resumption", columnList = "suspended, resumption_time"),
            @Index(name = "ix_task_expiration", columnList = "state, expiration_time"),
            @Index(name = "ix_task_deletion", columnList = "deletion_time")
        })
public class Task {

    public static final int DEFAULT_PRIORITY = 5;
    public static final String AUTO_DELETE_NO = "AUTO_DELETE_NO";
    public static final String AUTO_DELETE_ON_COMPLETION = "AUTO_DELETE_ON_COMPLETION";
    public static final String AUTO_DELETE_ON_SUCCESSFUL_COMPLETION = "AUTO_DELETE_ON_SUCCESSFUL_COMPLETION";

    @Id
    @Column(length = 36)
    private String tkiid;

    @Version
    private long version;

    @Column(length = 255, nullable = false)
    private String name;

    @Column(length = 255)
    private String namespace;

    @Column(name = "display_name", length = 255)
    private String displayName;

    @Column(length = 4000)
    private String description;

    @Column(length = 255)
    private String type;

    @Column(name = "application_name", length = 255)
    private String applicationName;

    @Enumerated(EnumType.STRING)
    @Column(length = 20, nullable = false)
    private TaskKind kind;

    @Enumerated(EnumType.STRING)
    @Column(length = 20, nullable = false)
    private TaskState state;

    private boolean suspended;
    private boolean escalated;
    private int priority;

    @Column(length = 255)
    private String owner;
    /** Who owned the task before its owner last changed: their late owner-only actions lost a race. */
    @Column(name = "previous_owner", length = 255)
    private String previousOwner;

    @Column(length = 255, nullable = false)
    private String originator;

    @Column(length = 255)
    private String starter;

    @Column(name = "activation_time")
    private Instant activationTime;

    @Column(name = "first_activation_time")
    private Instant firstActivationTime;

    @Column(name = "start_time")
    private Instant startTime;

    @Column(name = "completion_time")
    private Instant completionTime;

    @Column(name = "due_time")
    private Instant dueTime;

    @Column(name = "expiration_time")
    private Instant expirationTime;

    @Column(name = "resumption_time")
    private Instant resumptionTime;

    @Column(name = "deletion_time")
    private Instant deletionTime;

    @Column(name = "creation_time", nullable = false)
    private Instant creationTime;

    @Column(name = "last_modification_time", nullable = false)
    private Instant lastModificationTime;

    @Column(name = "last_state_change_time", nullable = false)
    private Instant lastStateChangeTime;

    @Column(name = "duration_until_due", length = 40)
    private String durationUntilDue;

    @Column(name = "duration_until_expires", length = 40)
    private String durationUntilExpires;

    @Column(name = "duration_until_deleted", length = 40)
    private String durationUntilDeleted;

    @Column(name = "auto_deletion_mode", length = 40)
    private String autoDeletionMode;

    @Column(name = "parent_context_id", length = 36)
    private String parentContextID;

    @Column(name = "top_level_task_id", length = 36)
    private String topLevelTaskID;

    @Column(name = "follow_on_task_id", length = 36)
    private String followOnTaskID;

    @Column(name = "containment_context_id", length = 255)
    private String containmentContextID;

    @Enumerated(EnumType.STRING)
    @Column(name = "position_in_hierarchy", length = 40, nullable = false)
    private HierarchyPosition positionInHierarchy;

    @Column(name = "task_template_id", length = 36)
    private String taskTemplateID;

    @Column(name = "task_template_name", length = 255)
    private String taskTemplateName;

    @Column(name = "business_relevant")
    private boolean businessRelevant;

    @Column(name = "supports_claim_if_suspended")
    private boolean supportsClaimIfSuspended;

    @Column(name = "supports_delegation")
    private boolean supportsDelegation;

    @Column(name = "supports_sub_tasks")
    private boolean supportsSubTasks;

    @Column(name = "supports_follow_on_tasks")
    private boolean supportsFollowOnTasks;

    @Column(name = "supports_automatic_claim")
    private boolean supportsAutomaticClaim;

    @Column(name = "waiting_for_sub_task")
    private boolean waitingForSubTask;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "input_message")
    private String input;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "output_message")
    private String output;

    @Column(name = "fault_name", length = 255)
    private String faultName;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "fault_message")
    private String faultMessage;

    /** Who works a delegated task for its owner, until they resolve it. */
    @Column(name = "delegate", length = 255)
    private String delegate;
    /** The delegation asks the delegate for information only (Oracle's INFO_REQUEST). */
    @Column(name = "awaiting_information")
    private boolean awaitingInformation;

    @ElementCollection
    @CollectionTable(
            name = "task_people",
            joinColumns = @JoinColumn(name = "task_id"),
            indexes = {
                @Index(name = "ix_people_principal", columnList = "principal, people_role, is_group"),
                @Index(name = "ix_people_task", columnList = "task_id")
            })
    private Set<Assignment> people = new HashSet<>();

    @ElementCollection
    @CollectionTable(
            name = "task_custom_property",
            joinColumns = @JoinColumn(name = "task_id"),
            indexes = @Index(name = "ix_custom_property", columnList = "prop_name, prop_value"))
    @MapKeyColumn(name = "prop_name", length = 255)
    @Column(name = "prop_value", length = 4000)
    private Map<String, String> customProperties = new HashMap<>();

    /** Name and media type of each binary custom property; the bytes live in BinaryCustomProperty. */
    @ElementCollection
    @CollectionTable(name = "task_binary_property_meta", joinColumns = @JoinColumn(name = "task_id"))
    @MapKeyColumn(name = "prop_name", length = 255)
    @Column(name = "media_type", length = 255)
    private Map<String, String> binaryCustomProperties = new HashMap<>();

    /**
     * People and properties again, as {@link ReadCopy} JSON: what reads use while the tables above are not loaded
     * (a change loads them; {@link #refreshReadCopy()} writes the copy anew). Null in a row no HTM has written since.
     */
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "read_copy")
    private String readCopy;

    @Transient
    private ReadCopy parsedCopy;
    /** The text parsedCopy was read from, compared by identity: a refresh from the database replaces it. */
    @Transient
    private String parsedFrom;
    /** When this task was read (or made) in this transaction: its action's time runs from here. */
    @Transient
    private long sinceNanos = System.nanoTime();
    /** Who deletes the task, once a facade removes it; for the activity log. */
    @Transient
    private String deletedBy;

    @OneToMany(
            mappedBy = "task",
            cascade = {CascadeType.PERSIST, CascadeType.REMOVE})
    private List<HistoryEntry> history = new ArrayList<>();

    @OneToMany(
            mappedBy = "task",
            cascade = {CascadeType.PERSIST, CascadeType.REMOVE})
    @OrderBy("position")
    private List<Escalation> escalations = new ArrayList<>();

    @OneToMany(
            mappedBy = "task",
            cascade = {CascadeType.PERSIST, CascadeType.REMOVE})
    private List<Comment> comments = new ArrayList<>();

    @OneToMany(mappedBy = "task", cascade = CascadeType.REMOVE)
    private List<BinaryCustomProperty> binaryContents = new ArrayList<>();

    protected Task() {}

    /** A new task in STATE_INACTIVE, created by {@code creator}, who becomes its originator. */
    public static Task create(TaskDefinition definition, String creator, Instant now) {
        Task task = new Task();
        task.tkiid = UUID.randomUUID().toString();
        task.name = definition.name();
        task.displayName = definition.displayName();
        task.description = definition.description();
        task.namespace = definition.namespace();
        task.type = definition.type();
        task.applicationName = definition.applicationName();
        task.kind = definition.kind() == null ? TaskKind.KIND_HUMAN : definition.kind();
        task.priority = definition.priority() == null ? DEFAULT_PRIORITY : definition.priority();
        TaskSchedule schedule = definition.schedule();
        task.dueTime = schedule.dueTime();
        task.durationUntilDue = schedule.durationUntilDue();
        task.durationUntilExpires = schedule.durationUntilExpires();
        task.durationUntilDeleted = schedule.durationUntilDeleted();
        task.autoDeletionMode = schedule.autoDeletionMode() != null
                ? schedule.autoDeletionMode()
                : schedule.durationUntilDeleted() != null ? AUTO_DELETE_ON_COMPLETION : AUTO_DELETE_NO;
        task.containmentContextID = definition.containmentContextID();
        task.businessRelevant = isTrue(definition.businessRelevant(), true);
        task.supportsClaimIfSuspended = definition.supports(Capability.CLAIM_IF_SUSPENDED);
        task.supportsDelegation = definition.supports(Capability.DELEGATION);
        task.supportsSubTasks = definition.supports(Capability.SUB_TASKS);
        task.supportsFollowOnTasks = definition.supports(Capability.FOLLOW_ON_TASKS);
        task.supportsAutomaticClaim = definition.supports(Capability.AUTOMATIC_CLAIM);
        task.people.addAll(definition.people());
        task.customProperties.putAll(definition.customProperties());
        task.input = definition.input();
        task.originator = creator;
        task.positionInHierarchy = HierarchyPosition.HIERARCHY_POSITION_TOP_TASK;
        task.topLevelTaskID = task.tkiid;
        task.state = TaskState.STATE_INACTIVE;
        task.creationTime = now;
        task.lastModificationTime = now;
        task.lastStateChangeTime = now;
        task.record(TaskAction.CREATE, creator, null, TaskState.STATE_INACTIVE, now, null);
        task.refreshReadCopy();
        return task;
    }

    private static boolean isTrue(Boolean value, boolean otherwise) {
        return value == null ? otherwise : value;
    }

    /** Makes the task ready: it now counts its due and expiration durations from this moment. */
    public void start(Actor actor, Instant now) {
        Transition transition = guard(actor, TaskAction.START);
        starter = actor.name();
        if (dueTime == null && durationUntilDue != null) {
            dueTime = TaskSchedule.plus(now, durationUntilDue);
        }
        if (expirationTime == null && durationUntilExpires != null) {
            expirationTime = TaskSchedule.plus(now, durationUntilExpires);
        }
        planEscalations(now);
        enter(transition, actor, now, null);
    }

    /** The task is made from a template: it names it, and takes over its escalation chain. */
    public void instantiate(String templateID, String templateName, List<EscalationRule> chain) {
        taskTemplateID = templateID;
        taskTemplateName = templateName;
        for (EscalationRule rule : chain) {
            escalations.add(new Escalation(this, escalations.size(), rule));
        }
    }

    /** The chain starts at the due time: its first link waits from then, as long as nothing in it has fired. */
    private void planEscalations(Instant now) {
        if (dueTime != null
                && !escalations.isEmpty()
                && escalations.get(0).state().isPending()
                && escalations.stream().noneMatch(e -> e.state() == EscalationState.ESCALATION_STATE_ESCALATED)) {
            escalations.get(0).await(dueTime, now);
        }
    }

    /**
     * An escalation of this task's chain: its priority rises, people are told or take over, as the rule says. One
     * that hands the task to a group first takes it from its owner, so that the group can claim it.
     */
    public void escalate(Actor actor, Escalation escalation, Instant now) {
        Transition transition = guard(actor, TaskAction.ESCALATE);
        if (!escalation.state().isPending()) {
            throw HtmException.illegalInState(
                    "Escalation", escalation.esiid(), escalation.state().name(), "trigger");
        }
        EscalationRule rule = escalation.rule();
        if (rule.transferToGroup() != null) {
            releaseClaim(actor, now);
            transition = legal(TaskAction.ESCALATE);
        }
        escalated = true;
        if (rule.raisePriorityTo() != null && rule.raisePriorityTo() < priority) {
            priority = rule.raisePriorityTo();
        }
        people.addAll(rule.receivers());
        if (rule.transferToGroup() != null) {
            replacePotentialOwners(List.of(Assignment.group(PeopleRole.POTENTIAL_OWNER, rule.transferToGroup())));
        }
        escalation.fire(actor.name(), now);
        awaitNextEscalation(escalation, now);
        enter(
                transition,
                actor,
                now,
                "escalation " + escalation.name() + (rule.notification() == null ? "" : ": " + rule.notification()));
    }

    /** Escalated by hand to the escalation receivers: they become the potential owners, and the owner lets go. */
    public void escalateToReceivers(Actor actor, Instant now) {
        guard(actor, TaskAction.ESCALATE);
        List<Assignment> receivers = people.stream()
                .filter(a -> a.role() == PeopleRole.ESCALATION_RECEIVER)
                .map(a -> new Assignment(PeopleRole.POTENTIAL_OWNER, a.isGroup(), a.principal()))
                .toList();
        if (receivers.isEmpty()) {
            throw HtmException.illegalInState(tkiid, state.name() + " (no escalation receivers)", "ESCALATE");
        }
        releaseClaim(actor, now);
        Transition transition = legal(TaskAction.ESCALATE);
        replacePotentialOwners(receivers);
        escalated = true;
        enter(
                transition,
                actor,
                now,
                "to the escalation receivers "
                        + receivers.stream().map(Assignment::principal).toList());
    }

    /** Gives a claimed task back to its potential owners, keeping its draft output, as part of another action. */
    private void releaseClaim(Actor actor, Instant now) {
        TaskLifecycle.transition(TaskCondition.of(this), TaskAction.CANCEL_CLAIM)
                .ifPresent(release -> {
                    previousOwner = owner;
                    owner = null;
                    enter(release, actor, now, "previousOwner=" + previousOwner);
                });
    }

    private void replacePotentialOwners(List<Assignment> owners) {
        people.removeIf(a -> a.role() == PeopleRole.POTENTIAL_OWNER);
        people.addAll(owners);
    }

    /** A due escalation whose watched condition has passed (ended, or left the state it names) does not fire. */
    public boolean outgrew(Escalation escalation) {
        return escalation.isSuperfluousFor(this);
    }

    public void dropEscalation(Escalation escalation, Instant now) {
        escalation.becomeSuperfluous();
        awaitNextEscalation(escalation, now);
        lastModificationTime = now;
    }

    private void awaitNextEscalation(Escalation done, Instant now) {
        int next = done.position() + 1;
        if (next < escalations.size() && escalations.get(next).state().isPending()) {
            escalations.get(next).await(now, now);
        }
    }

    public void claim(Actor actor, Instant now) {
        Transition transition = guard(actor, TaskAction.CLAIM);
        owner = actor.name();
        enter(transition, actor, now, "owner=" + owner);
    }

    /**
     * Makes a user the owner of a ready task, as if they had claimed it themselves: someone who may assign it
     * claims it for a user named as its potential owner, and not excluded (Itential's claim, a job's claim).
     */
    public void claimFor(Actor actor, String user, Instant now) {
        Transition transition = guard(actor, TaskAction.ASSIGN);
        if (!actor.mayClaimFor(this, user)) {
            throw HtmException.forbidden(user, TaskAction.CLAIM.htmName(), tkiid);
        }
        owner = user;
        enter(transition, actor, now, "owner=" + user);
    }

    /**
     * Makes newOwner the owner of a ready task: a task administrator's or support's decision, for any user but an
     * excluded owner (unlike claimFor, the user need not be a potential owner).
     */
    public void assign(Actor actor, String newOwner, Instant now) {
        Transition transition = guard(actor, TaskAction.ASSIGN);
        refuseExcludedOwner(newOwner);
        owner = newOwner;
        enter(transition, actor, now, "owner=" + newOwner);
    }

    /** Gives the task back to its potential owners; without keepTaskData, the draft output is dropped. */
    public void cancelClaim(Actor actor, boolean keepTaskData, Instant now) {
        Transition transition = guard(actor, TaskAction.CANCEL_CLAIM);
        previousOwner = owner;
        owner = null;
        if (!keepTaskData) {
            output = null;
        }
        enter(transition, actor, now, "previousOwner=" + previousOwner);
    }

    public void complete(Actor actor, String outputMessage, Instant now) {
        Transition transition = guard(actor, TaskAction.COMPLETE);
        if (outputMessage != null) {
            output = outputMessage;
        }
        enter(transition, actor, now, null);
    }

    /** Ends the task in STATE_FAILED with a fault: its name and its message (any JSON). */
    public void fail(Actor actor, String name, String message, Instant now) {
        Transition transition = guard(actor, TaskAction.FAIL);
        faultName = name;
        if (message != null) {
            faultMessage = message;
        }
        enter(transition, actor, now, "faultName=" + name);
    }

    /** Saves the fault a claimed task will end with, without ending it. */
    public void saveFault(Actor actor, String name, String message, Instant now) {
        Transition transition = guard(actor, TaskAction.SET_FAULT);
        faultName = name;
        faultMessage = message;
        enter(transition, actor, now, "faultName=" + name);
    }

    public void saveOutput(Actor actor, String message, Instant now) {
        Transition transition = guard(actor, TaskAction.SET_OUTPUT);
        output = message;
        enter(transition, actor, now, "output saved");
    }

    public void replaceInput(Actor actor, String message, Instant now) {
        Transition transition = guard(actor, TaskAction.SET_INPUT);
        input = message;
        enter(transition, actor, now, "input replaced");
    }

    /** Suspends the task, until resumptionTime when one is given. */
    public void suspend(Actor actor, Instant until, Instant now) {
        Transition transition = guard(actor, TaskAction.SUSPEND);
        enter(transition, actor, now, until == null ? null : "until " + until);
        resumptionTime = until;
    }

    /** Gives the task back to its potential owners and suspends it, until resumptionTime when one is given. */
    public void suspendAndCancelClaim(Actor actor, Instant until, Instant now) {
        Transition transition = guard(actor, TaskAction.SUSPEND_AND_CANCEL_CLAIM);
        previousOwner = owner;
        owner = null;
        enter(transition, actor, now, until == null ? null : "until " + until);
        resumptionTime = until;
    }

    /** @param why what made HTM resume it, or null */
    public void resume(Actor actor, Instant now, String why) {
        enter(guard(actor, TaskAction.RESUME), actor, now, why);
    }

    /** @param why what made HTM end it, or null */
    public void terminate(Actor actor, Instant now, String why) {
        enter(guard(actor, TaskAction.TERMINATE), actor, now, why);
    }

    public void expire(Actor actor, Instant now, String why) {
        enter(guard(actor, TaskAction.EXPIRE), actor, now, why);
    }

    /** Back to STATE_READY with a clean slate: no owner, no delegate, no output, no fault. */
    public void restart(Actor actor, Instant now) {
        Transition transition = guard(actor, TaskAction.RESTART);
        previousOwner = owner;
        owner = null;
        delegate = null;
        awaitingInformation = false;
        output = null;
        faultName = null;
        faultMessage = null;
        completionTime = null;
        enter(transition, actor, now, null);
    }

    public void delegateTo(Actor actor, String user, Instant now) {
        Transition transition = guard(actor, TaskAction.DELEGATE);
        delegate = user;
        enter(transition, actor, now, "delegate=" + user);
    }

    /** Delegates the task to a user for information only: they answer and hand it back (resolve). */
    public void requestInformation(Actor actor, String user, Instant now) {
        Transition transition = guard(actor, TaskAction.DELEGATE);
        delegate = user;
        awaitingInformation = true;
        enter(transition, actor, now, "information requested from " + user);
    }

    public void resolve(Actor actor, Instant now) {
        Transition transition = guard(actor, TaskAction.RESOLVE);
        String by = delegate;
        delegate = null;
        awaitingInformation = false;
        enter(transition, actor, now, "resolved by " + by);
    }

    /** Ends the task in STATE_FORWARDED: its work goes on in the follow-on task, which inherits its context. */
    public void forwardTo(Actor actor, Task followOn, Instant now) {
        Transition transition = guard(actor, TaskAction.COMPLETE_WITH_FOLLOW_ON_TASK);
        followOn.becomeFollowOnOf(this);
        followOnTaskID = followOn.tkiid;
        enter(transition, actor, now, "followOnTaskID=" + followOn.tkiid);
    }

    public void transferOwnership(Actor actor, String newOwner, Instant now) {
        Transition transition = guard(actor, TaskAction.TRANSFER);
        refuseExcludedOwner(newOwner);
        previousOwner = owner;
        owner = newOwner;
        delegate = null;
        awaitingInformation = false;
        enter(transition, actor, now, "owner " + previousOwner + " -> " + newOwner);
    }

    /** Hands a claimed task back to the user who owned it before it was transferred (Oracle's PUSHBACK). */
    public void pushBack(Actor actor, Instant now) {
        guard(actor, TaskAction.TRANSFER);
        if (previousOwner == null) {
            throw HtmException.illegalInState(tkiid, "STATE_CLAIMED (no previous owner)", "PUSHBACK");
        }
        transferOwnership(actor, previousOwner, now);
    }

    /**
     * A user named as excluded owner never becomes the owner through someone else (a transfer, an assignment, a
     * claim made for them); their own claim is refused by TaskPermissions, groups included.
     */
    private void refuseExcludedOwner(String user) {
        if (named(PeopleRole.EXCLUDED_OWNER, false).contains(user)) {
            throw new HtmException(
                    403,
                    "HTM0403E",
                    "User " + user + " is an excluded owner of task " + tkiid + " and cannot become its owner.",
                    user,
                    tkiid);
        }
    }

    /** Replaces one user or group in a people list; with from null, only adds. */
    public void transferWorkItem(Actor actor, Assignment from, Assignment to, Instant now) {
        Transition transition = guard(actor, TaskAction.TRANSFER_WORK_ITEM);
        if (from != null) {
            people.remove(from);
        }
        people.add(to);
        enter(
                transition,
                actor,
                now,
                to.role().pathName() + " " + (from == null ? "+" : from.principal() + " -> ")
                        + (to.isGroup() ? "group " : "") + to.principal());
    }

    public boolean names(Assignment assignment) {
        return readPeople().contains(assignment);
    }

    /** Applies the fields an update names; the history entry says what changed. */
    public void update(Actor actor, TaskUpdate update, Instant now) {
        Transition transition = guard(actor, TaskAction.UPDATE);
        List<String> changes = new ArrayList<>();
        if (update.name() != null && !update.name().equals(name)) {
            changes.add("name");
            name = update.name();
        }
        if (update.displayName() != null && !update.displayName().equals(displayName)) {
            changes.add("displayName");
            displayName = update.displayName();
        }
        if (update.description() != null && !update.description().equals(description)) {
            changes.add("description");
            description = update.description();
        }
        if (update.namespace() != null && !update.namespace().equals(namespace)) {
            changes.add("namespace");
            namespace = update.namespace();
        }
        if (update.priority() != null && update.priority() != priority) {
            changes.add("priority " + priority + " -> " + update.priority());
            priority = update.priority();
        }
        if (update.dueTime() != null && !update.dueTime().equals(dueTime)) {
            changes.add("dueTime " + dueTime + " -> " + update.dueTime());
            dueTime = update.dueTime();
            planEscalations(now);
        }
        if (update.expirationTime() != null && !update.expirationTime().equals(expirationTime)) {
            changes.add("expirationTime " + expirationTime + " -> " + update.expirationTime());
            expirationTime = update.expirationTime();
        }
        update.customProperties().forEach((key, value) -> {
            if (value == null
                    ? customProperties.remove(key) != null
                    : !value.equals(customProperties.put(key, value))) {
                changes.add("customProperty " + key);
            }
        });
        enter(transition, actor, now, String.join(", ", changes));
    }

    public void setBinaryCustomProperty(Actor actor, String propertyName, String mediaType, Instant now) {
        Transition transition = guard(actor, TaskAction.SET_CUSTOM_PROPERTY);
        binaryCustomProperties.put(propertyName, mediaType);
        enter(transition, actor, now, "binaryCustomProperty " + propertyName + " set");
    }

    public void removeBinaryCustomProperty(Actor actor, String propertyName, Instant now) {
        Transition transition = guard(actor, TaskAction.SET_CUSTOM_PROPERTY);
        binaryCustomProperties.remove(propertyName);
        enter(transition, actor, now, "binaryCustomProperty " + propertyName + " removed");
    }

    public Comment addComment(Actor actor, String text, Instant now) {
        Transition transition = guard(actor, TaskAction.ADD_COMMENT);
        Comment comment = new Comment(this, actor.name(), text, now);
        comments.add(comment);
        enter(transition, actor, now, null);
        return comment;
    }

    /** A new task becomes this one's subtask; this task waits for it before it can complete. */
    public void addSubtask(Actor actor, Task subtask, Instant now) {
        Transition transition = guard(actor, TaskAction.CREATE_SUBTASK);
        subtask.becomeSubtaskOf(this);
        enter(transition, actor, now, "subtask " + subtask.tkiid);
        waitForSubtasks(true, now);
    }

    /** The owner hands the decision to participants, asked through subtasks (an ad hoc route, see Route). */
    public void route(Actor actor, String description, Instant now) {
        enter(guard(actor, TaskAction.ROUTE), actor, now, description);
    }

    /**
     * The task is to be removed, with its history, comments and properties; the caller then removes it. Nothing
     * of it stays to record this: the activity log does.
     */
    public void delete(Actor actor) {
        guard(actor, TaskAction.DELETE);
        deletedBy = actor.name();
    }

    /** Places a new task under its parent: same top-level task, the parent as context. */
    public void becomeSubtaskOf(Task parent) {
        parentContextID = parent.tkiid;
        topLevelTaskID = parent.topLevelTaskID;
        containmentContextID = containmentContextID == null ? parent.containmentContextID : containmentContextID;
        positionInHierarchy = HierarchyPosition.HIERARCHY_POSITION_SUB_TASK;
    }

    /** Places a new task after the one it follows: it inherits that task's context and, lacking its own, its data. */
    private void becomeFollowOnOf(Task previous) {
        parentContextID = previous.parentContextID;
        topLevelTaskID = previous.topLevelTaskID;
        containmentContextID = containmentContextID == null ? previous.containmentContextID : containmentContextID;
        positionInHierarchy = HierarchyPosition.HIERARCHY_POSITION_FOLLOW_ON_TASK;
        if (input == null) {
            input = previous.output != null ? previous.output : previous.input;
        }
    }

    /** Whether the task waits for open subtasks; answers true when that changed. */
    public boolean waitForSubtasks(boolean open, Instant now) {
        if (waitingForSubTask == open) {
            return false;
        }
        waitingForSubTask = open;
        lastModificationTime = now;
        return true;
    }

    /** Whether the lifecycle allows the action now, whoever takes it. */
    public boolean isLegal(TaskAction action) {
        return TaskLifecycle.transition(TaskCondition.of(this), action).isPresent();
    }

    /** Whether the actor may take the action now: it is legal, and theirs to take. */
    public boolean allows(Actor actor, TaskAction action) {
        return isLegal(action) && actor.mayTake(this, action);
    }

    /**
     * Refuses the action, as the action itself would, unless it is legal now (409 naming the state) and the
     * actor's to take (403; 409 HTM0411E to an owner who has just lost the task). For a facade that checks before
     * it validates the rest of a request, so that the answer is the same whatever else the request holds.
     */
    public void check(Actor actor, TaskAction action) {
        guard(actor, action);
    }

    private Transition guard(Actor actor, TaskAction action) {
        Transition transition = legal(action);
        if (!actor.mayTake(this, action)) {
            if (actor.rules() != Actor.Rules.SYSTEM && TaskPermissions.lostOwnership(actor.caller(), this, action)) {
                throw HtmException.ownerChanged(tkiid, owner, action.htmName());
            }
            throw HtmException.forbidden(actor.name(), action.htmName(), tkiid);
        }
        return transition;
    }

    /** The step the action takes now, whoever takes it; 409 naming the state when it is illegal. */
    private Transition legal(TaskAction action) {
        return TaskLifecycle.transition(TaskCondition.of(this), action)
                .orElseThrow(() -> HtmException.illegalInState(tkiid, describeState(), action.htmName()));
    }

    private String describeState() {
        return state.name()
                + (suspended ? " (suspended)" : "")
                + (delegate != null ? " (delegated)" : "")
                + (waitingForSubTask ? " (waiting for subtasks)" : "");
    }

    private void enter(Transition transition, Actor actor, Instant now, String details) {
        if (transition.changesState()) {
            state = transition.to();
            lastStateChangeTime = now;
            switch (state) {
                case STATE_READY -> {
                    activationTime = now;
                    deletionTime = null;
                    if (firstActivationTime == null) {
                        firstActivationTime = now;
                    }
                }
                case STATE_CLAIMED -> startTime = now;
                default -> {
                    if (state.isEnd()) {
                        completionTime = now;
                        deletionTime = deletionAfterEnd(now);
                    }
                }
            }
        }
        suspended = transition.suspendedAfter();
        if (!suspended) {
            resumptionTime = null;
        }
        lastModificationTime = now;
        record(transition.action(), actor.name(), transition.from(), transition.to(), now, details);
        refreshReadCopy();
    }

    /**
     * Writes the read copy anew when a change may have touched the people or properties (it loaded them). Every
     * change of the task ends here; its work items follow when it is flushed ({@link WorkItemIndex}).
     */
    private void refreshReadCopy() {
        if (readCopy == null
                || Hibernate.isInitialized(people)
                || Hibernate.isInitialized(customProperties)
                || Hibernate.isInitialized(binaryCustomProperties)) {
            ReadCopy now = new ReadCopy(
                    Set.copyOf(readPeople()),
                    Map.copyOf(readCustomProperties()),
                    Map.copyOf(readBinaryCustomProperties()));
            readCopy = now.json();
            parsedCopy = now;
            parsedFrom = readCopy;
        }
    }

    /** Who has a work item on this task, and why: owner, originator, starter, delegate and everyone in its people. */
    public Set<WorkItem> workItems() {
        Set<WorkItem> items = new HashSet<>();
        for (Assignment named : readPeople()) {
            items.add(new WorkItem(named.principal(), named.isGroup(), WorkItemReason.of(named.role())));
        }
        addUser(items, owner, WorkItemReason.OWNER);
        addUser(items, originator, WorkItemReason.ORIGINATOR);
        addUser(items, starter, WorkItemReason.STARTER);
        addUser(items, delegate, WorkItemReason.DELEGATE);
        return items;
    }

    private static void addUser(Set<WorkItem> items, String user, WorkItemReason reason) {
        if (user != null) {
            items.add(new WorkItem(user, false, reason));
        }
    }

    /** When an ended task goes away by itself: as its autoDeletionMode says, durationUntilDeleted after the end. */
    private Instant deletionAfterEnd(Instant now) {
        boolean deleted = switch (autoDeletionMode) {
            case AUTO_DELETE_ON_COMPLETION -> true;
            case AUTO_DELETE_ON_SUCCESSFUL_COMPLETION -> state == TaskState.STATE_FINISHED;
            default -> false;
        };
        if (!deleted) {
            return null;
        }
        return durationUntilDeleted == null ? now : TaskSchedule.plus(now, durationUntilDeleted);
    }

    private void record(
            TaskAction action, String principal, TaskState from, TaskState to, Instant now, String details) {
        history.add(new HistoryEntry(this, now, action, principal, from, to, details));
    }

    /** The users or groups named in one list role of this task. */
    public Set<String> named(PeopleRole role, boolean groups) {
        return readPeople().stream()
                .filter(a -> a.role() == role && a.isGroup() == groups)
                .map(Assignment::principal)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The people as a read needs them: from the table once it is loaded (or if no copy was written), else the copy. */
    private Set<Assignment> readPeople() {
        return readCopy == null || Hibernate.isInitialized(people) ? people : copy().people();
    }

    private Map<String, String> readCustomProperties() {
        return readCopy == null || Hibernate.isInitialized(customProperties)
                ? customProperties
                : copy().customProperties();
    }

    private Map<String, String> readBinaryCustomProperties() {
        return readCopy == null || Hibernate.isInitialized(binaryCustomProperties)
                ? binaryCustomProperties
                : copy().binaryCustomProperties();
    }

    private ReadCopy copy() {
        if (parsedFrom != readCopy) {
            parsedCopy = ReadCopy.parse(readCopy);
            parsedFrom = readCopy;
        }
        return parsedCopy;
    }

    public String etag() {
        return Long.toString(version);
    }

    public String tkiid() {
        return tkiid;
    }

    public long version() {
        return version;
    }

    public String name() {
        return name;
    }

    public String namespace() {
        return namespace;
    }

    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }

    public String type() {
        return type;
    }

    public String applicationName() {
        return applicationName;
    }

    public TaskKind kind() {
        return kind;
    }

    public TaskState state() {
        return state;
    }

    public boolean isSuspended() {
        return suspended;
    }

    public boolean isEscalated() {
        return escalated;
    }

    /** Still open after its due time. */
    public boolean isOverdue(Instant now) {
        return dueTime != null && !state.isEnd() && dueTime.isBefore(now);
    }

    public int priority() {
        return priority;
    }

    public String owner() {
        return owner;
    }

    public String previousOwner() {
        return previousOwner;
    }

    public String originator() {
        return originator;
    }

    public String starter() {
        return starter;
    }

    public Instant activationTime() {
        return activationTime;
    }

    public Instant firstActivationTime() {
        return firstActivationTime;
    }

    public Instant startTime() {
        return startTime;
    }

    public Instant completionTime() {
        return completionTime;
    }

    public Instant dueTime() {
        return dueTime;
    }

    public Instant expirationTime() {
        return expirationTime;
    }

    public Instant resumptionTime() {
        return resumptionTime;
    }

    public Instant deletionTime() {
        return deletionTime;
    }

    public Instant creationTime() {
        return creationTime;
    }

    public Instant lastModificationTime() {
        return lastModificationTime;
    }

    public Instant lastStateChangeTime() {
        return lastStateChangeTime;
    }

    public String durationUntilDue() {
        return durationUntilDue;
    }

    public String durationUntilExpires() {
        return durationUntilExpires;
    }

    public String durationUntilDeleted() {
        return durationUntilDeleted;
    }

    public String autoDeletionMode() {
        return autoDeletionMode;
    }

    public String parentContextID() {
        return parentContextID;
    }

    public String topLevelTaskID() {
        return topLevelTaskID;
    }

    public String followOnTaskID() {
        return followOnTaskID;
    }

    public String containmentContextID() {
        return containmentContextID;
    }

    public HierarchyPosition positionInHierarchy() {
        return positionInHierarchy;
    }

    public String taskTemplateID() {
        return taskTemplateID;
    }

    public String taskTemplateName() {
        return taskTemplateName;
    }

    public List<Escalation> escalations() {
        return List.copyOf(escalations);
    }

    public boolean isBusinessRelevant() {
        return businessRelevant;
    }

    public boolean supports(Capability capability) {
        return switch (capability) {
            case CLAIM_IF_SUSPENDED -> supportsClaimIfSuspended;
            case DELEGATION -> supportsDelegation;
            case SUB_TASKS -> supportsSubTasks;
            case FOLLOW_ON_TASKS -> supportsFollowOnTasks;
            case AUTOMATIC_CLAIM -> supportsAutomaticClaim;
        };
    }

    /** The capabilities this task has. */
    public Set<Capability> capabilities() {
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        for (Capability capability : Capability.values()) {
            if (supports(capability)) {
                capabilities.add(capability);
            }
        }
        return capabilities;
    }

    public boolean isWaitingForSubTask() {
        return waitingForSubTask;
    }

    public String input() {
        return input;
    }

    public String output() {
        return output;
    }

    public String faultName() {
        return faultName;
    }

    public String faultMessage() {
        return faultMessage;
    }

    public String delegate() {
        return delegate;
    }

    public boolean isAwaitingInformation() {
        return awaitingInformation;
    }

    public Map<String, String> binaryCustomProperties() {
        return Map.copyOf(readBinaryCustomProperties());
    }

    public Map<String, String> customProperties() {
        return Map.copyOf(readCustomProperties());
    }

    public Set<Assignment> people() {
        return Set.copyOf(readPeople());
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }

    public long sinceNanos() {
        return sinceNanos;
    }

    public String deletedBy() {
        return deletedBy;
    }
}
