package htm.task.entity;

public enum HierarchyPosition {
    HIERARCHY_POSITION_TOP_TASK,
    HIERARCHY_POSITION_SUB_TASK,
    HIERARCHY_POSITION_FOLLOW_ON_TASK
}
