package htm.history.boundary;

import htm.task.control.Times;
import htm.task.entity.HistoryEntry;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** A task's audit trail, oldest first. */
public record HistoryView(List<Entry> items) {

    @JsonbNillable
    @JsonbPropertyOrder({"eventTime", "action", "principal", "fromState", "toState", "details"})
    public record Entry(
            String eventTime, String action, String principal, String fromState, String toState, String details) {

        static Entry of(HistoryEntry e) {
            return new Entry(
                    Times.format(e.eventTime()),
                    e.action().htmName(),
                    e.principal(),
                    e.fromState() == null ? null : e.fromState().name(),
                    e.toState() == null ? null : e.toState().name(),
                    e.details());
        }
    }

    public static HistoryView of(List<HistoryEntry> entries) {
        return new HistoryView(entries.stream().map(Entry::of).toList());
    }
}
