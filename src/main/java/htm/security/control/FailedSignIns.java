package htm.security.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed passwords, counted so that guessing is slowed down and then refused: for a user at one address, for an
 * address, and for a user everywhere. Past a number of free failures each counter makes the next attempt wait,
 * one second at first and twice as long after each further failure, up to a cap. The counter of a user everywhere
 * has a short cap, so that an attacker elsewhere cannot keep the real user out for long; the counters of an
 * address, the attacker's own, have a long one. A success clears the user's counters, not the address's. A counter
 * is forgotten an hour after its last failure; at most {@code capacity} are kept, the least recently used going
 * first.
 */
public final class FailedSignIns {

    /** How many failures a counter lets pass before it makes callers wait, and its longest wait. */
    private record Rule(String kind, int free, Duration longest) {}

    private record Failures(int count, Instant last) {}

    static final Rule USER_AT_ADDRESS = new Rule("user at address", 5, Duration.ofMinutes(15));
    static final Rule ADDRESS = new Rule("address", 50, Duration.ofMinutes(15));
    static final Rule USER = new Rule("user", 20, Duration.ofSeconds(5));
    static final Duration FORGOTTEN_AFTER = Duration.ofHours(1);
    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);

    private final Clock clock;
    private final Map<String, Failures> counters;

    public FailedSignIns(int capacity, Clock clock) {
        this.clock = clock;
        this.counters = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > capacity;
            }
        };
    }

    /** How long the user at this address must wait before a password of theirs is checked again; zero: not at all. */
    public synchronized Duration waitBefore(String user, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (Map.Entry<Rule, String> counter : counters(user, address).entrySet()) {
            Failures failures = current(counter.getValue(), now);
            if (failures != null && failures.count() >= counter.getKey().free()) {
                Duration remaining =
                        Duration.between(now, failures.last().plus(waitAfter(counter.getKey(), failures.count())));
                if (remaining.compareTo(wait) > 0) {
                    wait = remaining;
                }
            }
        }
        return wait;
    }

    public synchronized void failed(String user, String address) {
        Instant now = clock.instant();
        for (String key : counters(user, address).values()) {
            Failures failures = current(key, now);
            counters.put(key, new Failures(failures == null ? 1 : failures.count() + 1, now));
        }
    }

    public synchronized void succeeded(String user, String address) {
        counters.remove(key(USER_AT_ADDRESS, user, address));
        counters.remove(key(USER, user, null));
    }

    synchronized int size() {
        return counters.size();
    }

    /** The wait a counter imposes after its count of failures: 1 s after the first one past the free ones, … */
    static Duration waitAfter(Rule rule, int count) {
        int doublings = count - rule.free();
        if (doublings >= Long.SIZE - 2) {
            return rule.longest();
        }
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(rule.longest()) > 0 ? rule.longest() : wait;
    }

    private Failures current(String key, Instant now) {
        Failures failures = counters.get(key);
        if (failures != null && !now.isBefore(failures.last().plus(FORGOTTEN_AFTER))) {
            counters.remove(key);
            return null;
        }
        return failures;
    }

    private static Map<Rule, String> counters(String user, String address) {
        return Map.of(
                USER_AT_ADDRESS,
                key(USER_AT_ADDRESS, user, address),
                ADDRESS,
                key(ADDRESS, null, address),
                USER,
                key(USER, user, null));
    }

    private static String key(Rule rule, String user, String address) {
        return rule.kind() + "\0" + (user == null ? "" : user) + "\0" + (address == null ? "" : address);
    }
}
