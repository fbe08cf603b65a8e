package htm.task.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import htm.problem.entity.HtmException;
import htm.task.entity.Assignment;
import htm.task.entity.PeopleRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TaskLimitsTest {

    private final TaskLimits limits = new TaskLimits(3, 2);

    private static List<Assignment> people(PeopleRole role, int users, int groups) {
        List<Assignment> people = new ArrayList<>();
        IntStream.range(0, users).forEach(i -> people.add(Assignment.user(role, "u" + i)));
        IntStream.range(0, groups).forEach(i -> people.add(Assignment.group(role, "g" + i)));
        return people;
    }

    private static Map<String, String> properties(int count) {
        return IntStream.range(0, count).boxed().collect(Collectors.toMap(i -> "p" + i, i -> "v"));
    }

    @Test
    void eachPeopleListCountsUsersAndGroupsTogether() {
        List<Assignment> people = people(PeopleRole.POTENTIAL_OWNER, 2, 1);
        people.addAll(people(PeopleRole.READER, 3, 0));
        assertDoesNotThrow(() -> limits.check(people, Map.of(), Map.of()));
        people.add(Assignment.group(PeopleRole.READER, "one-more"));
        HtmException refused = assertThrows(HtmException.class, () -> limits.check(people, Map.of(), Map.of()));
        assertEquals(400, refused.status());
        assertEquals(
                "Invalid value for 'readers': names 4 users and groups; at most 3 (htm.limits.people)",
                refused.getMessage());
    }

    @Test
    void customAndBinaryPropertiesAreCountedApart() {
        assertDoesNotThrow(() -> limits.check(List.of(), properties(2), properties(2)));
        assertEquals(
                "Invalid value for 'customProperties': holds 3 properties; at most 2 (htm.limits.properties)",
                assertThrows(HtmException.class, () -> limits.check(List.of(), properties(3), Map.of()))
                        .getMessage());
        assertEquals(
                "Invalid value for 'binaryCustomProperties': holds 3 properties; at most 2 (htm.limits.properties)",
                assertThrows(HtmException.class, () -> limits.check(List.of(), Map.of(), properties(3)))
                        .getMessage());
    }
}
