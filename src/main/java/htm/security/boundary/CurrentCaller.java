package htm.security.boundary;

import com.ibm.websphere.security.WSSecurityException;
import com.ibm.websphere.security.auth.CredentialDestroyedException;
import com.ibm.websphere.security.auth.WSSubject;
import com.ibm.websphere.security.cred.WSCredential;
import htm.problem.entity.HtmException;
import htm.security.control.Caller;
import htm.security.control.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.security.auth.Subject;
import javax.security.auth.login.CredentialExpiredException;

/**
 * The one way HTM knows who calls: name, roles and registry groups of the current request's caller, read from
 * the container (Jakarta Security, and Liberty's subject for the groups).
 */
@ApplicationScoped
public class CurrentCaller {

    private static final Logger LOG = Logger.getLogger(CurrentCaller.class.getName());

    @Inject
    SecurityContext security;

    public Caller get() {
        Set<Role> roles = Arrays.stream(Role.values())
                .filter(role -> security.isCallerInRole(role.roleName()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new Caller(name(), registryGroups(), roles);
    }

    /** The caller's name; empty when no one signed in. */
    public String name() {
        Principal principal = security.getCallerPrincipal();
        return principal == null ? "" : principal.getName();
    }

    public boolean isSignedIn() {
        return security.getCallerPrincipal() != null;
    }

    /** Whether the caller has the role, without reading their groups (for error bodies, which must not fail). */
    public boolean has(Role role) {
        return security.isCallerInRole(role.roleName());
    }

    /**
     * The groups the user registry (basic, LDAP) or the SSO token put on the caller. Jakarta Security has no
     * API for them; Liberty keeps them on the caller subject's WSCredential as "group:realm/name". A credential
     * that cannot be read fails the request: dropping its groups would hide the caller's group tasks.
     */
    private static Set<String> registryGroups() {
        Subject subject;
        try {
            subject = WSSubject.getCallerSubject();
        } catch (WSSecurityException e) {
            throw new IllegalStateException("Cannot read the caller's subject", e);
        }
        if (subject == null) {
            return Set.of();
        }
        Set<String> groups = new LinkedHashSet<>();
        for (WSCredential credential : subject.getPublicCredentials(WSCredential.class)) {
            try {
                String realm = credential.getRealmName();
                for (Object id : credential.getGroupIds()) {
                    groups.add(groupName((String) id, realm));
                }
            } catch (CredentialExpiredException e) {
                LOG.info(() -> "The credential of " + subject.getPrincipals() + " has expired: " + e.getMessage());
                throw HtmException.unauthenticated();
            } catch (CredentialDestroyedException e) {
                throw new IllegalStateException("The caller's credential was destroyed", e);
            }
        }
        return groups;
    }

    /**
     * "group:realm/name" without its realm. The realm of a bearer token is its issuer, slashes and all, and the name
     * may be a path of the identity provider's ("/contractors/managers"): both are kept apart exactly.
     */
    static String groupName(String groupId, String realm) {
        String id = groupId.startsWith("group:") ? groupId.substring("group:".length()) : groupId;
        if (realm != null && id.startsWith(realm + "/")) {
            return id.substring(realm.length() + 1);
        }
        return id.substring(id.lastIndexOf('/') + 1);
    }
}
