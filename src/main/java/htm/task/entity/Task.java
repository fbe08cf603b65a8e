package htm.task.entity;

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
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A human task instance: its lifecycle state, its people, its messages and its audit trail. */
@Entity
@Table(name = "task", indexes = {
        @Index(name = "ix_task_state_priority", columnList = "state, priority"),
        @Index(name = "ix_task_owner_state", columnList = "owner, state"),
        @Index(name = "ix_task_originator", columnList = "originator"),
        @Index(name = "ix_task_parent", columnList = "parent_context_id")})
public class Task {

    public static final int DEFAULT_PRIORITY = 5;

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

    @ElementCollection
    @CollectionTable(name = "task_people", joinColumns = @JoinColumn(name = "task_id"),
            indexes = @Index(name = "ix_people_principal", columnList = "principal, people_role, is_group"))
    private Set<Assignment> people = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "task_custom_property", joinColumns = @JoinColumn(name = "task_id"),
            indexes = @Index(name = "ix_custom_property", columnList = "prop_name, prop_value"))
    @MapKeyColumn(name = "prop_name", length = 255)
    @Column(name = "prop_value", length = 4000)
    private Map<String, String> customProperties = new HashMap<>();

    @OneToMany(mappedBy = "task", cascade = {CascadeType.PERSIST, CascadeType.REMOVE})
    private List<HistoryEntry> history = new ArrayList<>();

    protected Task() {
    }

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
        task.dueTime = definition.dueTime();
        task.durationUntilDue = definition.durationUntilDue();
        task.durationUntilExpires = definition.durationUntilExpires();
        task.durationUntilDeleted = definition.durationUntilDeleted();
        task.autoDeletionMode = definition.autoDeletionMode() == null ? "AUTO_DELETE_NO"
                : definition.autoDeletionMode();
        task.containmentContextID = definition.containmentContextID();
        task.businessRelevant = isTrue(definition.businessRelevant(), true);
        task.supportsClaimIfSuspended = isTrue(definition.supportsClaimIfSuspended(), false);
        task.supportsDelegation = isTrue(definition.supportsDelegation(), true);
        task.supportsSubTasks = isTrue(definition.supportsSubTasks(), true);
        task.supportsFollowOnTasks = isTrue(definition.supportsFollowOnTasks(), true);
        task.supportsAutomaticClaim = isTrue(definition.supportsAutomaticClaim(), false);
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
        return task;
    }

    private static boolean isTrue(Boolean value, boolean otherwise) {
        return value == null ? otherwise : value;
    }

    /** Makes the task ready: it now counts its due and expiration durations from this moment. */
    public void start(Transition transition, String principal, Instant now) {
        starter = principal;
        if (dueTime == null && durationUntilDue != null) {
            dueTime = TaskDefinition.plus(now, durationUntilDue);
        }
        if (expirationTime == null && durationUntilExpires != null) {
            expirationTime = TaskDefinition.plus(now, durationUntilExpires);
        }
        enter(transition, principal, now, null);
    }

    public void claim(Transition transition, String claimant, Instant now) {
        owner = claimant;
        enter(transition, claimant, now, "owner=" + claimant);
    }

    /** Gives the task back to its potential owners; without keepTaskData, the draft output is dropped. */
    public void cancelClaim(Transition transition, String principal, boolean keepTaskData, Instant now) {
        String previousOwner = owner;
        owner = null;
        if (!keepTaskData) {
            output = null;
        }
        enter(transition, principal, now, "previousOwner=" + previousOwner);
    }

    public void complete(Transition transition, String principal, String outputMessage, Instant now) {
        if (outputMessage != null) {
            output = outputMessage;
        }
        enter(transition, principal, now, null);
    }

    /** Records the lifecycle step itself, for actions that change nothing but state and suspension. */
    public void perform(Transition transition, String principal, Instant now, String details) {
        enter(transition, principal, now, details);
    }

    private void enter(Transition transition, String principal, Instant now, String details) {
        if (transition.changesState()) {
            state = transition.to();
            lastStateChangeTime = now;
            switch (state) {
                case STATE_READY -> {
                    activationTime = now;
                    if (firstActivationTime == null) {
                        firstActivationTime = now;
                    }
                }
                case STATE_CLAIMED -> startTime = now;
                default -> {
                    if (state.isEnd()) {
                        completionTime = now;
                    }
                }
            }
        }
        suspended = transition.suspendedAfter();
        if (!suspended) {
            resumptionTime = null;
        }
        lastModificationTime = now;
        record(transition.action(), principal, transition.from(), transition.to(), now, details);
    }

    private void record(TaskAction action, String principal, TaskState from, TaskState to, Instant now,
                        String details) {
        history.add(new HistoryEntry(this, now, action, principal, from, to, details));
    }

    /** The users or groups named in one list role of this task. */
    public Set<String> named(PeopleRole role, boolean groups) {
        return people.stream()
                .filter(a -> a.role() == role && a.isGroup() == groups)
                .map(Assignment::principal)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    public String etag() {
        return Long.toString(version);
    }

    public String tkiid() { return tkiid; }
    public long version() { return version; }
    public String name() { return name; }
    public String namespace() { return namespace; }
    public String displayName() { return displayName; }
    public String description() { return description; }
    public String type() { return type; }
    public String applicationName() { return applicationName; }
    public TaskKind kind() { return kind; }
    public TaskState state() { return state; }
    public boolean isSuspended() { return suspended; }
    public boolean isEscalated() { return escalated; }
    public int priority() { return priority; }
    public String owner() { return owner; }
    public String originator() { return originator; }
    public String starter() { return starter; }
    public Instant activationTime() { return activationTime; }
    public Instant firstActivationTime() { return firstActivationTime; }
    public Instant startTime() { return startTime; }
    public Instant completionTime() { return completionTime; }
    public Instant dueTime() { return dueTime; }
    public Instant expirationTime() { return expirationTime; }
    public Instant resumptionTime() { return resumptionTime; }
    public Instant deletionTime() { return deletionTime; }
    public Instant creationTime() { return creationTime; }
    public Instant lastModificationTime() { return lastModificationTime; }
    public Instant lastStateChangeTime() { return lastStateChangeTime; }
    public String durationUntilDue() { return durationUntilDue; }
    public String durationUntilExpires() { return durationUntilExpires; }
    public String durationUntilDeleted() { return durationUntilDeleted; }
    public String autoDeletionMode() { return autoDeletionMode; }
    public String parentContextID() { return parentContextID; }
    public String topLevelTaskID() { return topLevelTaskID; }
    public String followOnTaskID() { return followOnTaskID; }
    public String containmentContextID() { return containmentContextID; }
    public HierarchyPosition positionInHierarchy() { return positionInHierarchy; }
    public String taskTemplateID() { return taskTemplateID; }
    public String taskTemplateName() { return taskTemplateName; }
    public boolean isBusinessRelevant() { return businessRelevant; }
    public boolean supportsClaimIfSuspended() { return supportsClaimIfSuspended; }
    public boolean supportsDelegation() { return supportsDelegation; }
    public boolean supportsSubTasks() { return supportsSubTasks; }
    public boolean supportsFollowOnTasks() { return supportsFollowOnTasks; }
    public boolean supportsAutomaticClaim() { return supportsAutomaticClaim; }
    public boolean isWaitingForSubTask() { return waitingForSubTask; }
    public String input() { return input; }
    public String output() { return output; }
    public String faultName() { return faultName; }
    public Map<String, String> customProperties() { return Map.copyOf(customProperties); }
    public Set<Assignment> people() { return Set.copyOf(people); }
    public List<HistoryEntry> history() { return List.copyOf(history); }
}
