package htm.deadline.boundary;

import static htm.security.control.Role.ADMIN_NAME;
import static htm.security.control.Role.APIREAD_NAME;
import static htm.security.control.Role.APIWRITE_NAME;
import static htm.security.control.Role.ENGINEERING_NAME;
import static htm.security.control.Role.SUPPORT_NAME;

import htm.problem.entity.HtmException;
import htm.task.boundary.TaskAccess;
import htm.task.entity.Escalation;
import htm.task.entity.TaskAction;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The escalations of tasks: read them with the task, trigger one by hand before its time. */
@Stateless
@DeclareRoles({ADMIN_NAME, APIWRITE_NAME, APIREAD_NAME, SUPPORT_NAME, ENGINEERING_NAME})
@RolesAllowed({ADMIN_NAME, APIWRITE_NAME, APIREAD_NAME, SUPPORT_NAME, ENGINEERING_NAME})
public class Escalations {

    @PersistenceContext(unitName = "htm")
    EntityManager em;

    @Inject
    TaskAccess access;

    public List<EscalationView> ofTask(String tkiid) {
        return access.readable(tkiid).escalations().stream()
                .map(EscalationView::of)
                .toList();
    }

    public EscalationView find(String esiid) {
        Escalation escalation = escalation(esiid);
        access.readable(escalation.task().tkiid());
        return EscalationView.of(escalation);
    }

    /** Fires the escalation now, as the caller: 409 when it already fired or is no longer needed. */
    public EscalationView trigger(String esiid) {
        String tkiid = escalation(esiid).task().tkiid();
        access.act(tkiid, null, TaskAction.ESCALATE, (task, actor, now) -> {
            Escalation escalation = escalation(esiid);
            em.refresh(escalation);
            task.escalate(actor, escalation, now);
        });
        return EscalationView.of(escalation(esiid));
    }

    private Escalation escalation(String esiid) {
        Escalation escalation = esiid == null || esiid.length() > 36 ? null : em.find(Escalation.class, esiid);
        if (escalation == null) {
            throw HtmException.notFound("Escalation", esiid);
        }
        return escalation;
    }
}
