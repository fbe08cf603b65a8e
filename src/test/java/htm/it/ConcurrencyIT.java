package htm.it;

import static htm.it.Api.ALICE;
import static htm.it.Api.BOB;
import static htm.it.Api.SAM;
import static htm.it.Api.V1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Clients racing over HTTP for the same task: exactly one wins, every other one gets 409, never a 500. */
class ConcurrencyIT extends HtmServer {

    private static final int RACERS = 20;
    private static final int ROUNDS = 10;

    @Test
    void twentyClaimsOfOneTaskHaveOneWinner() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try (Api alice = new Api(base, ALICE)) {
            for (int round = 0; round < ROUNDS; round++) {
                String tkiid = alice.createReadyTask("race-" + round);
                Map<Integer, Integer> statuses = race(pool, tkiid, i -> i % 2 == 0 ? ALICE : BOB);
                assertEquals(Map.of(200, 1, 409, RACERS - 1), statuses, "round " + round);
                String owner = alice.get(V1 + "task/" + tkiid).json().getString("owner");
                assertEquals(
                        1,
                        alice.get(V1 + "task/" + tkiid + "/history").json().getJsonArray("items").stream()
                                .filter(e ->
                                        e.asJsonObject().getString("action").equals("ACTION_CLAIM"))
                                .count(),
                        "one claim recorded, by " + owner);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void completeAgainstCancelClaimHasOneWinner() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Api alice = new Api(base, ALICE)) {
            for (int round = 0; round < ROUNDS * 2; round++) {
                String tkiid = alice.createReadyTask("complete-or-release-" + round);
                alice.act(tkiid, "claim");
                Map<String, Integer> outcome = pair(
                        pool,
                        () -> alice.put(V1 + "task/" + tkiid + "?action=complete", "{\"done\": true}")
                                .status(),
                        () -> alice.act(tkiid, "cancelClaim").status());
                assertOneWinner(outcome, round);
                String state = alice.task(tkiid).getString("state");
                assertEquals(outcome.get("first") == 200 ? "STATE_FINISHED" : "STATE_READY", state, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void transferAgainstCompleteHasOneWinner() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Api alice = new Api(base, ALICE);
                Api sam = alice.as(SAM)) {
            for (int round = 0; round < ROUNDS * 2; round++) {
                String tkiid = alice.createReadyTask("complete-or-transfer-" + round);
                alice.act(tkiid, "claim");
                Map<String, Integer> outcome = pair(
                        pool,
                        () -> alice.put(V1 + "task/" + tkiid + "?action=complete", "{}")
                                .status(),
                        () -> sam.put(V1 + "task/" + tkiid + "/role/owner?action=transfer&toUser=carol")
                                .status());
                assertOneWinner(outcome, round);
                JsonObject task = alice.as(SAM).task(tkiid);
                if (outcome.get("first") == 200) {
                    assertEquals("STATE_FINISHED", task.getString("state"));
                    assertEquals(ALICE, task.getString("owner"));
                } else {
                    assertEquals("STATE_CLAIMED", task.getString("state"));
                    assertEquals("carol", task.getString("owner"));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertOneWinner(Map<String, Integer> outcome, int round) {
        assertEquals(Set.of(200, 409), Set.copyOf(outcome.values()), "round " + round + ": " + outcome);
    }

    /** Fires two requests at the same moment; answers their statuses as "first" and "second". */
    private static Map<String, Integer> pair(ExecutorService pool, Callable<Integer> first, Callable<Integer> second)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        Future<Integer> one = pool.submit(() -> {
            start.await();
            return first.call();
        });
        Future<Integer> two = pool.submit(() -> {
            start.await();
            return second.call();
        });
        start.countDown();
        return Map.of("first", one.get(60, TimeUnit.SECONDS), "second", two.get(60, TimeUnit.SECONDS));
    }

    /** Fires one claim per racer at the same moment; answers how many got each status. */
    private Map<Integer, Integer> race(ExecutorService pool, String tkiid, IntFunction<String> who) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            String user = who.apply(i);
            results.add(pool.submit(() -> {
                try (Api api = new Api(base, user)) {
                    start.await();
                    return api.put(V1 + "task/" + tkiid + "?action=claim").status();
                }
            }));
        }
        start.countDown();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Future<Integer> result : results) {
            statuses.merge(result.get(60, TimeUnit.SECONDS), 1, Integer::sum);
        }
        return statuses;
    }
}
