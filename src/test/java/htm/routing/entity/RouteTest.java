package htm.routing.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import htm.task.entity.Assignment;
import htm.task.entity.PeopleRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTest {

    private static final List<Assignment> VOTERS = List.of(user("ann"), user("ben"), user("cat"));

    @Test
    void aParallelRouteIsDecidedByTheShareOfEqualAnswers() {
        Route route = asked(new Route("t", RoutingType.PARALLEL, VOTERS, 60, "REJECT", null, "owner"));
        route.answered("s0", "APPROVE");
        assertFalse(route.isDecided(), "1 of 3 < 60 %");
        route.answered("s1", "APPROVE");
        assertEquals("APPROVE", route.decision(), "2 of 3 >= 60 %");
        route.answered("s2", "REJECT");
        assertEquals("APPROVE", route.decision(), "a decided route stays decided");
        assertEquals(Map.of("APPROVE", 2), route.votes());
    }

    @Test
    void aParallelRouteWithoutTheShareTakesTheDefaultOnceAllAnswered() {
        Route route = asked(new Route("t", RoutingType.PARALLEL, VOTERS, 100, "HOLD", null, "owner"));
        route.answered("s0", "APPROVE");
        route.answered("s1", null);
        assertFalse(route.isDecided());
        route.answered("s2", "REJECT");
        assertEquals("HOLD", route.decision());
        Route noDefault = asked(new Route("t", RoutingType.PARALLEL, VOTERS.subList(0, 1), 100, null, null, "o"));
        noDefault.answered("s0", null);
        assertEquals(Route.REJECT, noDefault.decision(), "without a default, no agreement rejects");
        Route first = asked(new Route("t", RoutingType.PARALLEL, VOTERS, 0, null, null, "owner"));
        first.answered("s2", "REJECT");
        assertEquals("REJECT", first.decision(), "0 %: the first answer decides");
    }

    @Test
    void aSequentialRouteAsksInTurnStopsAtARejectionAndSkips() {
        Route route = new Route("t", RoutingType.SEQUENTIAL, VOTERS, 0, null, null, "owner");
        List<RouteStep> first = route.start();
        assertEquals(
                List.of("ann"),
                first.stream().map(s -> s.participant().principal()).toList());
        route.asked(first.get(0), "s0");
        RouteStep second = route.answered("s0", "APPROVE").orElseThrow();
        assertEquals("ben", second.participant().principal());
        route.asked(second, "s1");
        assertTrue(route.canSkip());
        RouteStep third = route.skipCurrent().orElseThrow();
        assertNull(route.steps().get(1).outcome(), "ben passed over");
        route.asked(third, "s2");
        assertTrue(route.answered("s2", "APPROVE").isEmpty());
        assertEquals(Route.APPROVE, route.decision());

        Route rejected = new Route("t", RoutingType.SEQUENTIAL, VOTERS, 0, null, null, "owner");
        rejected.asked(rejected.start().get(0), "s0");
        assertTrue(rejected.answered("s0", "REJECT").isEmpty());
        assertEquals("REJECT", rejected.decision());
        assertFalse(rejected.canSkip());
        assertFalse(asked(new Route("t", RoutingType.PARALLEL, VOTERS, 0, null, null, "o"))
                .canSkip());
    }

    private static Route asked(Route route) {
        List<RouteStep> everyone = route.start();
        for (int i = 0; i < everyone.size(); i++) {
            route.asked(everyone.get(i), "s" + i);
        }
        return route;
    }

    private static Assignment user(String name) {
        return Assignment.user(PeopleRole.POTENTIAL_OWNER, name);
    }
}
