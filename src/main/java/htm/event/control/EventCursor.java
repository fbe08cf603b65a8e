package htm.event.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How far a reader of the outbox has come. Event ids are taken from a sequence when a change is flushed, but
 * transactions commit in their own order: id 12 may be visible while 11 is still uncommitted. So a reader
 * keeps the ids it skipped as gaps and looks for them again on each read, until they are older than the
 * grace period (a transaction that rolled back never fills its gap). Not thread-safe: one reader owns it.
 */
public final class EventCursor {

    static final int MAX_GAPS = 10_000;

    private final Duration grace;
    private long high;
    /** Skipped ids, with the time they were first seen missing; ordered, so the oldest go first. */
    private final Map<Long, Instant> gaps = new TreeMap<>();

    public EventCursor(long high, Duration grace) {
        this.high = high;
        this.grace = grace;
    }

    /** The highest id read. */
    public long high() {
        return high;
    }

    /** The ids below high not read yet, to look for on the next read. */
    public Set<Long> gaps() {
        return Set.copyOf(gaps.keySet());
    }

    /**
     * Takes the ids of one read (those above high and any gaps it found) and answers those not read before, in
     * order; ids skipped between them become gaps, and gaps older than the grace period are given up.
     */
    public List<Long> advance(Collection<Long> read, Instant now) {
        List<Long> fresh = new ArrayList<>();
        for (long id : new TreeSet<>(read)) {
            if (id > high) {
                for (long skipped = Math.max(high + 1, id - MAX_GAPS); skipped < id; skipped++) {
                    gaps.put(skipped, now);
                }
                high = id;
                fresh.add(id);
            } else if (gaps.remove(id) != null) {
                fresh.add(id);
            }
        }
        Instant expired = now.minus(grace);
        Iterator<Map.Entry<Long, Instant>> oldest = gaps.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<Long, Instant> gap = oldest.next();
            if (gaps.size() > MAX_GAPS || gap.getValue().isBefore(expired)) {
                oldest.remove();
            }
        }
        fresh.sort(null);
        return fresh;
    }
}
