package htm.compat.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * One request of a foreign API, one transaction: a request that takes several of HTM's use cases (Oracle's
 * priority, comment, implicit acquire and action; Alfresco's fields and state) commits them all or, when any
 * fails, none. The facades' transactions join this one.
 */
@ApplicationScoped
public class OneTransaction {

    @Transactional
    public <T> T of(Supplier<T> steps) {
        return steps.get();
    }
}
