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

    /** One caller's open stream. */
    private static final class Stream {
        final Caller caller;
        final EventFilter filter;
        final SseEventSink sink;
        final Sse sse;
        long lastSentNanos;

        Stream(Caller caller, EventFilter filter, SseEventSink sink, Sse sse) {
            this.caller = caller;
            this.filter = filter;
            this.sink = sink;
            this.sse = sse;
        }

        void send(TaskEvent event, String source) {
            sent(sink.send(sse.newEventBuilder()
                    .id(String.valueOf(event.id()))
                    .name(event.type())
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(event.cloudEvent(source))
                    .build()));
        }

        void comment(String text) {
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

        void close() {
            try {
                sink.close();
            } catch (IOException e) {
                // the client is gone already
            }
        }
    }

    /** Opens a stream for the caller; after is the Last-Event-ID it resumes from, or null to start now. */
    public synchronized void open(Caller caller, EventFilter filter, Long after, SseEventSink sink, Sse sse) {
        streams.removeIf(stream -> stream.sink.isClosed());
        long ofCaller = streams.stream()
                .filter(stream -> stream.caller.name().equals(caller.name()))
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
        Stream stream = new Stream(caller, filter, sink, sse);
        stream.comment("events for " + caller.name());
        if (after != null && after < cursor.high()) {
            List<TaskEvent> missed = log.between(after, cursor.high(), RESUME_LIMIT);
            deliver(missed, List.of(stream));
        }
        streams.add(stream);
    }

    /** One turn of the reader: new events (and skipped ones that have committed since) to every stream. */
    synchronized void read() {
        streams.removeIf(stream -> stream.sink.isClosed());
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
                if (!stream.sink.isClosed() && stream.filter.admits(event, stream.caller, task)) {
                    stream.send(event, source);
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
