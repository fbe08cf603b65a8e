package htm.task.entity;

public enum TaskKind {
    KIND_HUMAN,
    KIND_ORIGINATING,
    KIND_PARTICIPATING,
    KIND_ADMINISTRATIVE
}
