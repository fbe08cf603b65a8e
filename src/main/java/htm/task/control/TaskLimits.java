package htm.task.control;

import htm.problem.entity.HtmException;
import htm.task.entity.Assignment;
import htm.task.entity.PeopleRole;
import htm.task.entity.Task;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How much one task may hold: htm.limits.people users and groups in each of its people lists, and
 * htm.limits.properties custom properties (and as many binary ones). Beyond, a 400 names the field.
 */
@ApplicationScoped
public class TaskLimits {

    @Inject
    @ConfigProperty(name = "htm.limits.people", defaultValue = "1000")
    int people;

    @Inject
    @ConfigProperty(name = "htm.limits.properties", defaultValue = "200")
    int properties;

    TaskLimits() {}

    TaskLimits(int people, int properties) {
        this.people = people;
        this.properties = properties;
    }

    public void check(Task task) {
        check(task.people(), task.customProperties(), task.binaryCustomProperties());
    }

    public void check(
            Collection<Assignment> assignments,
            Map<String, ?> customProperties,
            Map<String, ?> binaryCustomProperties) {
        Map<PeopleRole, Integer> named = new EnumMap<>(PeopleRole.class);
        assignments.forEach(a -> named.merge(a.role(), 1, Integer::sum));
        named.forEach((role, count) -> {
            if (count > people) {
                throw HtmException.invalidInput(
                        role.fieldName(),
                        "names " + count + " users and groups; at most " + people + " (htm.limits.people)");
            }
        });
        checkCount("customProperties", customProperties.size());
        checkCount("binaryCustomProperties", binaryCustomProperties.size());
    }

    private void checkCount(String field, int count) {
        if (count > properties) {
            throw HtmException.invalidInput(
                    field, "holds " + count + " properties; at most " + properties + " (htm.limits.properties)");
        }
    }
}
