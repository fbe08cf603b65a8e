package htm.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailedSignInsTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final FailedSignIns failures = new FailedSignIns(1000, clock);

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            failures.failed(user, address);
        }
    }

    @Test
    void fiveFailuresAreFreeThenEachWaitDoubles() {
        fail("alice", "10.0.0.1", 4);
        assertEquals(Duration.ZERO, failures.waitBefore("alice", "10.0.0.1"));
        fail("alice", "10.0.0.1", 1);
        assertEquals(Duration.ofSeconds(1), failures.waitBefore("alice", "10.0.0.1"));
        clock.advance(Duration.ofMillis(400));
        assertEquals(Duration.ofMillis(600), failures.waitBefore("alice", "10.0.0.1"));
        clock.advance(Duration.ofMillis(600));
        assertEquals(Duration.ZERO, failures.waitBefore("alice", "10.0.0.1"));
        fail("alice", "10.0.0.1", 1);
        assertEquals(Duration.ofSeconds(2), failures.waitBefore("alice", "10.0.0.1"));
        fail("alice", "10.0.0.1", 1);
        assertEquals(Duration.ofSeconds(4), failures.waitBefore("alice", "10.0.0.1"));
    }

    @Test
    void theWaitOfOneAddressStopsAtFifteenMinutes() {
        fail("alice", "10.0.0.1", 5 + 200);
        assertEquals(Duration.ofMinutes(15), failures.waitBefore("alice", "10.0.0.1"));
        assertEquals(Duration.ofMinutes(15), FailedSignIns.waitAfter(FailedSignIns.USER_AT_ADDRESS, Integer.MAX_VALUE));
    }

    @Test
    void anAttackerElsewhereKeepsTheUserOutForFiveSecondsAtMost() {
        for (int address = 0; address < 500; address++) {
            fail("alice", "10.1." + address / 250 + "." + address % 250, 3);
        }
        assertEquals(Duration.ofSeconds(5), failures.waitBefore("alice", "192.168.0.7"));
        assertEquals(Duration.ZERO, failures.waitBefore("bob", "192.168.0.7"), "others are not slowed down");
        clock.advance(Duration.ofSeconds(5));
        assertEquals(Duration.ZERO, failures.waitBefore("alice", "192.168.0.7"));
    }

    @Test
    void oneAddressGuessingManyUsersIsSlowedDownForEveryUser() {
        for (int user = 0; user < 50; user++) {
            fail("user" + user, "10.0.0.9", 1);
        }
        assertEquals(Duration.ofSeconds(1), failures.waitBefore("someone-new", "10.0.0.9"));
        assertEquals(Duration.ZERO, failures.waitBefore("someone-new", "10.0.0.10"));
    }

    @Test
    void aSuccessClearsTheUsersCountsButNotTheAddresss() {
        fail("alice", "10.0.0.1", 5);
        for (int user = 0; user < 45; user++) {
            fail("user" + user, "10.0.0.1", 1);
        }
        failures.succeeded("alice", "10.0.0.1");
        assertEquals(Duration.ofSeconds(1), failures.waitBefore("alice", "10.0.0.1"), "the address made 50 failures");
        assertEquals(Duration.ZERO, failures.waitBefore("alice", "10.0.0.2"));
    }

    @Test
    void failuresAreForgottenAnHourAfterTheLast() {
        fail("alice", "10.0.0.1", 30);
        clock.advance(Duration.ofMinutes(60));
        fail("alice", "10.0.0.1", 1);
        assertEquals(Duration.ZERO, failures.waitBefore("alice", "10.0.0.1"), "counting starts again");
        assertEquals(3, failures.size());
    }

    @Test
    void failuresWithinTheHourStillCount() {
        fail("alice", "10.0.0.1", 30);
        clock.advance(Duration.ofMinutes(59));
        assertEquals(Duration.ZERO, failures.waitBefore("alice", "10.0.0.1"), "the longest wait has passed");
        fail("alice", "10.0.0.1", 1);
        assertEquals(Duration.ofMinutes(15), failures.waitBefore("alice", "10.0.0.1"));
    }

    @Test
    void atMostCapacityCountersAreKept() {
        FailedSignIns few = new FailedSignIns(3, clock);
        few.failed("alice", "10.0.0.1");
        few.failed("bob", "10.0.0.2");
        assertEquals(3, few.size(), "the oldest of six counters are dropped first");
    }
}
