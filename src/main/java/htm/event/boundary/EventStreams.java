package htm.event.boundary;

import htm.event.control.EventCursor;
import htm.event.control.EventFilter;
import htm.event.control.TaskEvent;
import htm.problem.entity.HtmException;
import htm.security.control.Caller;
import htm.task.entity.Task;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The live streams of this server (GET /events). One reader follows the outbox for all of them while any is
 * open — every server reads the shared outbox, so a stream hears the changes made on every server — and hands
 * each new event to the streams whose caller may see its task now and whose filter wants it. A stream that
 * resumes (Last-Event-ID) is first sent what it missed, from the outbox; a quiet stream gets a heartbeat.
 */
@ApplicationScoped
public class EventStreams {

    private static final Logger LOG = Logger.getLogger(EventStreams.class.getName());
    private static final int BATCH = 500;
    static final int RESUME_LIMIT = 10_000;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @EJB
    EventLog log;

    @Inject
    @ConfigProperty(name = "htm.events.source", defaultValue = "urn:htm")
    String source;

    @Inject
    @ConfigProperty(name = "htm.events.streams", defaultValue = "1000")
    int maxStreams;

    @Inject
    @ConfigProperty(name = "htm.events.streams.per.caller", defaultValue = "8")
    int maxStreamsPerCaller;

    @Inject
    @ConfigProperty(name = "htm.events.poll.millis", defaultValue = "200")
    long pollMillis;

    @Inject
    @ConfigProperty(name = "htm.events.heartbeat.seconds", defaultValue = "15")
    long heartbeatSeconds;

    /** How long a skipped event id is looked for again: longer than any transaction that makes an event. */
    @Inject
    @ConfigProperty(name = "htm.events.gap.seconds", defaultValue = "120")
    long gapSeconds;

    private final List<Stream> streams = new CopyOnWriteArrayList<>();

    /** Where the reader stands; null while no stream is open. Guarded by this. */
    private EventCursor cursor;

    private ScheduledFuture<?> reading;
    private boolean readFailed;

    /**
     * One caller's open stream: which events it is to hear, and what it sends for one. The live stream of GET
     * /events sends each event as it is (Live); A2A's streams turn the events of one task into its updates.
     */
    public abstract static class Stream {
        protected final Caller caller;
        private final SseEventSink sink;
        private final Sse sse;
        private long lastSentNanos;

        protected Stream(Caller caller, SseEventSink sink, Sse sse) {
            this.caller = caller;
            this.sink = sink;
            this.sse = sse;
        }

        /** The first thing the stream is sent, once there is room for it. */
        protected abstract void greet();

        /** Whether the caller is to hear the event; task is the task as it is now, null when it is gone. */
        protected abstract boolean admits(TaskEvent event, Task task);

        /** Sends what the stream says of an event it admits. */
        protected abstract void hear(TaskEvent event, Task task);

        /** Sends one event: its id (null for none), its name (null for the default), its data. */
        protected void send(String id, String name, String data) {
            var event = sse.newEventBuilder();
            if (id != null) {
                event.id(id);
            }
            if (name != null) {
                event.name(name);
            }
            sent(sink.send(
                    event.mediaType(MediaType.APPLICATION_JSON_TYPE).data(data).build()));
        }

        protected void comment(String text) {
            sent(sink.send(sse.newEventBuilder().comment(text).build()));
        }

        /** A stream whose client has gone is closed, and the next turn of the reader drops it. */
        private void sent(CompletionStage<?> sending) {
            lastSentNanos = System.nanoTime();
            sending.exceptionally(failure -> {
                close();
                return null;
            });
        }

        protected boolean isClosed() {
            return sink.isClosed();
        }

        /** Ends the stream: the client sees it end. */
        protected void close() {
            try {
                sink.close();
            } catch (IOException e) {
                // the client is gone already
            }
        }
    }

    /** The live stream of GET /events: the events its filter admits, as CloudEvents. */
    private final class Live extends Stream {
        private final EventFilter filter;

        Live(Caller caller, EventFilter filter, SseEventSink sink, Sse sse) {
            super(caller, sink, sse);
            this.filter = filter;
        }

        @Override
        protected void greet() {
            comment("events for " + caller.name());
        }

        @Override
        protected boolean admits(TaskEvent event, Task task) {
            return filter.admits(event, caller, task);
        }

        @Override
        protected void hear(TaskEvent event, Task task) {
            send(String.valueOf(event.id()), event.type(), event.cloudEvent(source));
        }
    }

    /** Opens a live stream for the caller; after is the Last-Event-ID it resumes from, or null to start now. */
    public void open(Caller caller, EventFilter filter, Long after, SseEventSink sink, Sse sse) {
        open(new Live(caller, filter, sink, sse), after);
    }

    /**
     * Opens a stream, or answers 429 when the server or the caller has as many open as they may: the stream is
     * greeted, then sent — when after is an event id — the events after it that it admits, from the outbox, then
     * each new one it admits as it commits.
     */
    public synchronized void open(Stream stream, Long after) {
        streams.removeIf(Stream::isClosed);
        Caller caller = stream.caller;
        long ofCaller = streams.stream()
                .filter(open -> open.caller.name().equals(caller.name()))
                .count();
        if (streams.size() >= maxStreams || ofCaller >= maxStreamsPerCaller) {
            throw HtmException.tooManyAttempts(
                    ofCaller >= maxStreamsPerCaller
                            ? caller.name() + " has " + ofCaller + " event streams open, the most one caller may"
                            : "This server has " + streams.size() + " event streams open, the most it serves",
                    heartbeatSeconds);
        }
        if (cursor == null) {
            cursor = new EventCursor(log.newest(), Duration.ofSeconds(gapSeconds));
            reading = scheduler.scheduleWithFixedDelay(this::read, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
        }
        stream.greet();
        if (after != null && after < cursor.high() && !stream.isClosed()) {
            List<TaskEvent> missed = log.between(after, cursor.high(), RESUME_LIMIT);
            deliver(missed, List.of(stream));
        }
        if (!stream.isClosed()) {
            streams.add(stream);
        }
    }

    /** One turn of the reader: new events (and skipped ones that have committed since) to every stream. */
    synchronized void read() {
        streams.removeIf(Stream::isClosed);
        if (streams.isEmpty()) {
            reading.cancel(false);
            cursor = null;
            return;
        }
        try {
            List<TaskEvent> read = log.after(cursor.high(), cursor.gaps(), BATCH);
            Set<Long> fresh = new HashSet<>(
                    cursor.advance(read.stream().map(TaskEvent::id).toList(), Instant.now()));
            deliver(
                    read.stream()
                            .filter(event -> fresh.contains(event.id()))
                            .sorted(Comparator.comparingLong(TaskEvent::id))
                            .toList(),
                    streams);
            readFailed = false;
        } catch (RuntimeException e) {
            if (!readFailed) {
                LOG.warning(() -> "Cannot read the event outbox, the streams wait: " + e);
            }
            readFailed = true;
        }
        long quiet = System.nanoTime() - TimeUnit.SECONDS.toNanos(heartbeatSeconds);
        for (Stream stream : streams) {
            if (stream.lastSentNanos < quiet) {
                stream.comment("heartbeat");
            }
        }
    }

    private void deliver(List<TaskEvent> events, List<Stream> to) {
        if (events.isEmpty()) {
            return;
        }
        Map<String, Task> tasks =
                log.tasks(events.stream().map(TaskEvent::tkiid).distinct().toList());
        for (TaskEvent event : events) {
            Task task = tasks.get(event.tkiid());
            for (Stream stream : to) {
                if (!stream.isClosed() && stream.admits(event, task)) {
                    stream.hear(event, task);
                }
            }
        }
    }

    @PreDestroy
    synchronized void close() {
        if (reading != null) {
            reading.cancel(false);
        }
        streams.forEach(Stream::close);
        streams.clear();
    }
}
