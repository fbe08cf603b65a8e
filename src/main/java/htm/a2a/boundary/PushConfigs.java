package htm.a2a.boundary;

import static htm.security.control.Role.ADMIN_NAME;
import static htm.security.control.Role.APIREAD_NAME;
import static htm.security.control.Role.APIWRITE_NAME;
import static htm.security.control.Role.ENGINEERING_NAME;
import static htm.security.control.Role.SUPPORT_NAME;

import htm.event.control.WebhookTargets;
import htm.event.entity.WebhookSubscription;
import htm.problem.entity.HtmException;
import htm.security.control.Caller;
import htm.task.boundary.TaskAccess;
import htm.task.entity.Task;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A2A's push notification configurations (API.md §8): the agent that made a task has its changes POSTed to a
 * URL the administrator allows, as webhook subscriptions to that one task (format A2A: the Task itself, signed
 * as every webhook is); so is one who sees every task. Each sees and removes its own; an administrator,
 * everyone's.
 */
@Stateless
@DeclareRoles({ADMIN_NAME, APIWRITE_NAME, APIREAD_NAME, SUPPORT_NAME, ENGINEERING_NAME})
@RolesAllowed({ADMIN_NAME, APIWRITE_NAME, APIREAD_NAME, SUPPORT_NAME, ENGINEERING_NAME})
public class PushConfigs {

    public static final String FORMAT = "A2A";
    static final int MAX_PER_TASK = 10;

    /** What an agent asks for: its id for it (null: one is made), the URL, its token and Authorization (or null). */
    public record PushConfig(String id, String url, String token, String authHeader) {}

    /** A configuration as A2A shows it; the signing secret only when it was just made. */
    public record PushView(String taskId, String id, String url, String token, String authScheme, String secret) {
        static PushView of(WebhookSubscription push, boolean withSecret) {
            return new PushView(
                    push.taskId(),
                    push.configId(),
                    push.url(),
                    push.token(),
                    push.authScheme(),
                    withSecret ? push.secret() : null);
        }
    }

    @PersistenceContext(unitName = "htm")
    EntityManager em;

    @Inject
    TaskAccess access;

    @Inject
    @ConfigProperty(name = "htm.webhook.allowed.hosts")
    Optional<String> allowedHosts;

    /** Makes the configuration, or replaces the caller's of the same id. */
    public PushView set(String tkiid, PushConfig config) {
        Task task = access.readable(tkiid);
        Caller caller = access.caller();
        if (!caller.seesEveryTask() && !caller.name().equals(task.originator())) {
            // a push is not checked per change, as a stream is: only who sees the task always may have one
            throw new HtmException(
                    403,
                    "HTM0403E",
                    "Only the task's originator (the agent that made it) or one who sees every task is pushed task "
                            + tkiid + "'s changes.",
                    tkiid);
        }
        String url =
                new WebhookTargets(allowedHosts.orElse("")).check(config.url()).toString();
        String id = config.id() == null ? UUID.randomUUID().toString() : config.id();
        List<WebhookSubscription> pushes = pushes(tkiid, caller);
        pushes.stream().filter(push -> push.configId().equals(id)).forEach(this::remove);
        if (pushes.stream().filter(push -> !push.configId().equals(id)).count() >= MAX_PER_TASK) {
            throw HtmException.invalidInput(
                    "pushNotificationConfig", "a task takes at most " + MAX_PER_TASK + " of them from one agent");
        }
        WebhookSubscription push = WebhookSubscription.pushOfTask(
                tkiid, id, FORMAT, url, config.token(), config.authHeader(), caller.name(), Instant.now());
        em.persist(push);
        return PushView.of(push, true);
    }

    /** The caller's configuration of that id, or its first when id is null. */
    public PushView get(String tkiid, String id) {
        return PushView.of(push(tkiid, id), false);
    }

    public List<PushView> list(String tkiid) {
        access.readable(tkiid);
        return pushes(tkiid, access.caller()).stream()
                .map(push -> PushView.of(push, false))
                .toList();
    }

    /** Removes the configuration and what it had still to send. */
    public void delete(String tkiid, String id) {
        remove(push(tkiid, id));
    }

    private WebhookSubscription push(String tkiid, String id) {
        access.readable(tkiid);
        return pushes(tkiid, access.caller()).stream()
                .filter(push -> id == null || push.configId().equals(id))
                .findFirst()
                .orElseThrow(() -> new HtmException(
                        404,
                        "HTM0404E",
                        "Task " + tkiid + " has no push notification configuration " + (id == null ? "" : id + " ")
                                + "of the caller.",
                        tkiid,
                        id));
    }

    /** The caller's configurations of the task, oldest first; an administrator's are everyone's. */
    private List<WebhookSubscription> pushes(String tkiid, Caller caller) {
        String everyones = "select s from WebhookSubscription s where s.taskId = :task";
        String order = " order by s.creationTime, s.id";
        if (caller.isAdmin()) {
            return em.createQuery(everyones + order, WebhookSubscription.class)
                    .setParameter("task", tkiid)
                    .getResultList();
        }
        return em.createQuery(everyones + " and s.createdBy = :caller" + order, WebhookSubscription.class)
                .setParameter("task", tkiid)
                .setParameter("caller", caller.name())
                .getResultList();
    }

    private void remove(WebhookSubscription push) {
        em.createNativeQuery("delete from webhook_delivery where subscription_id = ?1")
                .setParameter(1, push.id())
                .executeUpdate();
        em.remove(push);
    }
}
