package htm.security.boundary;

import htm.security.control.Caller;
import htm.security.control.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.Subject;

/** Reads the caller of the current request from the container: name, roles and registry groups. */
@ApplicationScoped
public class CurrentCaller {

    @Inject
    SecurityContext security;

    public Caller get() {
        Principal principal = security.getCallerPrincipal();
        String name = principal == null ? "" : principal.getName();
        Set<Role> roles = Arrays.stream(Role.values())
                .filter(role -> security.isCallerInRole(role.roleName()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new Caller(name, registryGroups(), roles);
    }

    /**
     * The groups the user registry (basic, LDAP) or the SSO token put on the caller. Jakarta Security has no
     * API for them; Liberty keeps them on the caller subject's WSCredential as "group:realm/name". Its API jar
     * is not on Maven Central, hence reflection on the two classes, which Liberty shows every application.
     */
    private static Set<String> registryGroups() {
        try {
            Class<?> wsSubject = Class.forName("com.ibm.websphere.security.auth.WSSubject");
            Subject subject = (Subject) wsSubject.getMethod("getCallerSubject").invoke(null);
            if (subject == null) {
                return Set.of();
            }
            Class<?> credentialType = Class.forName("com.ibm.websphere.security.cred.WSCredential");
            Set<String> groups = new LinkedHashSet<>();
            for (Object credential : subject.getPublicCredentials(credentialType)) {
                String realm = (String) credentialType.getMethod("getRealmName").invoke(credential);
                @SuppressWarnings("unchecked")
                List<String> ids =
                        (List<String>) credentialType.getMethod("getGroupIds").invoke(credential);
                ids.stream().map(id -> groupName(id, realm)).forEach(groups::add);
            }
            return groups;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Set.of();
        }
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
