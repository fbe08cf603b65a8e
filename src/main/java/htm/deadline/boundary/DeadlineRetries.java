package htm.deadline.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The deadlines that failed, each held back before it is tried again: 10 s after the first failure, twice as
 * long after each next one, at most an hour. Kept by this server only: after a restart or a failover every
 * deadline is tried at once. At most {@link #MAX_HELD} are held; beyond that a failing deadline is tried on
 * every round (the sweep still reads past it, since it reads as many more rows as it holds back).
 */
@ApplicationScoped
public class DeadlineRetries {

    static final int MAX_HELD = 1_000;
    private static final Duration FIRST = Duration.ofSeconds(10);
    private static final Duration LONGEST = Duration.ofHours(1);

    private record Hold(int failures, Instant until) {}

    private final Map<String, Hold> holds = new ConcurrentHashMap<>();

    int held() {
        return holds.size();
    }

    boolean isDue(String deadline, String id, Instant now) {
        Hold hold = holds.get(deadline + " " + id);
        return hold == null || !hold.until().isAfter(now);
    }

    void met(String deadline, String id) {
        holds.remove(deadline + " " + id);
    }

    /** Answers when the deadline is to be tried again. */
    Instant failed(String deadline, String id, Instant now) {
        String key = deadline + " " + id;
        if (holds.size() >= MAX_HELD && !holds.containsKey(key)) {
            return now;
        }
        Hold hold = holds.compute(key, (k, before) -> {
            int failures = before == null ? 1 : before.failures() + 1;
            Duration wait = FIRST.multipliedBy(1L << Math.min(failures - 1, 20));
            return new Hold(failures, now.plus(wait.compareTo(LONGEST) > 0 ? LONGEST : wait));
        });
        return hold.until();
    }
}
