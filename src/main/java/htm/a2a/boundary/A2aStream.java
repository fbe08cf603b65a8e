package htm.a2a.boundary;

import htm.a2a.control.A2aTaskState;
import htm.a2a.control.A2aTasks;
import htm.a2a.control.A2aTasks.Snapshot;
import htm.a2a.control.JsonRpc;
import htm.event.boundary.EventStreams;
import htm.event.control.EventFilter;
import htm.event.control.TaskEvent;
import htm.security.control.Caller;
import htm.task.entity.Task;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Optional;
import java.util.Set;

/**
 * The answer of message/stream and tasks/resubscribe: Server-Sent Events, each a JSON-RPC response to the call
 * with an update of one task — its status when its A2A state changes, its output as an artifact when it is
 * completed — for as long as the caller may see the task. The update that ends the task is final, and the
 * stream ends with it.
 */
final class A2aStream extends EventStreams.Stream {

    private static final EventFilter SEES_THE_TASK = new EventFilter(false, false, Set.of());

    private final String tkiid;
    private final JsonValue callId;
    private final A2aTaskReads reads;
    /** The Task as the call found it or made it: the stream's first event. */
    private final JsonObject task;
    /** The state the agent was told last. */
    private String told;

    A2aStream(Caller caller, SseEventSink sink, Sse sse, JsonValue callId, JsonObject task, A2aTaskReads reads) {
        super(caller, sink, sse);
        this.callId = callId;
        this.task = task;
        this.tkiid = task.getString("id");
        this.told = task.getJsonObject("status").getString("state");
        this.reads = reads;
    }

    /** The Task first; a task that has ended has nothing more to say. */
    @Override
    protected void greet() {
        answer(null, task);
        if (A2aTaskState.isTerminal(told)) {
            close();
        }
    }

    @Override
    protected boolean admits(TaskEvent event, Task task) {
        if (!event.tkiid().equals(tkiid)) {
            return false;
        }
        if (task == null || !SEES_THE_TASK.admits(event, caller, task)) {
            close(); // the task has gone, or the caller may see it no longer: nothing more to hear
            return false;
        }
        return true;
    }

    @Override
    protected void hear(TaskEvent event, Task task) {
        Optional<Snapshot> read = reads.snapshot(tkiid);
        if (read.isEmpty()) {
            close();
            return;
        }
        Snapshot snapshot = read.get();
        String state = A2aTasks.state(snapshot.task());
        if (state.equals(told)) {
            return;
        }
        String id = String.valueOf(event.id());
        JsonObject artifact = A2aTasks.artifactUpdate(snapshot);
        if (state.equals("completed") && artifact != null) {
            answer(id, artifact);
        }
        answer(id, A2aTasks.statusUpdate(snapshot));
        told = state;
        if (A2aTaskState.isTerminal(state)) {
            close();
        }
    }

    /** The Task alone, when no stream can follow it (the server or the caller has as many open as they may). */
    void answerOnly() {
        answer(null, task);
        close();
    }

    private void answer(String eventId, JsonObject result) {
        send(eventId, null, JsonRpc.result(callId, result).toString());
    }
}
