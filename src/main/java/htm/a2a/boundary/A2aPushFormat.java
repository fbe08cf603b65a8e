package htm.a2a.boundary;

import htm.a2a.control.A2aTasks;
import htm.event.boundary.DeliveryFormat;
import htm.event.control.TaskEvent;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** A push notification to an agent is the Task as it is when it goes out (A2A 0.3), its whole history in it. */
@ApplicationScoped
public class A2aPushFormat implements DeliveryFormat {

    @EJB
    A2aTaskReads reads;

    @Override
    public String name() {
        return PushConfigs.FORMAT;
    }

    @Override
    public String contentType() {
        return "application/json";
    }

    @Override
    public Optional<String> body(TaskEvent event) {
        return reads.snapshot(event.tkiid())
                .map(task -> A2aTasks.task(task, null).toString());
    }
}
