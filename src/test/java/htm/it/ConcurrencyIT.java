package htm.it;

import static htm.it.Api.ALICE;
import static htm.it.Api.BOB;
import static htm.it.Api.V1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Clients racing over HTTP for the same task: exactly one wins, every other one gets 409, never a 500. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConcurrencyIT {

    private static final int RACERS = 20;
    private static final int ROUNDS = 10;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.htm();
    }

    @ArquillianResource
    URL base;

    @Test
    void twentyClaimsOfOneTaskHaveOneWinner() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try (Api alice = new Api(base, ALICE)) {
            for (int round = 0; round < ROUNDS; round++) {
                String tkiid = alice.createReadyTask("race-" + round);
                Map<Integer, Integer> statuses = race(pool, tkiid, i -> i % 2 == 0 ? ALICE : BOB);
                assertEquals(Map.of(200, 1, 409, RACERS - 1), statuses, "round " + round);
                String owner = alice.get(V1 + "task/" + tkiid).json().getString("owner");
                assertEquals(1, alice.get(V1 + "task/" + tkiid + "/history").json().getJsonArray("items")
                        .stream().filter(e -> e.asJsonObject().getString("action").equals("ACTION_CLAIM")).count(),
                        "one claim recorded, by " + owner);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Fires one claim per racer at the same moment; answers how many got each status. */
    private Map<Integer, Integer> race(ExecutorService pool, String tkiid, java.util.function.IntFunction<String> who)
            throws Exception {
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
