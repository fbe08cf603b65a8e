package htm.security.control;

import java.util.Collection;
import java.util.Set;

/** The authenticated principal of a request: who acts, in which groups, with which application roles. */
public record Caller(String name, Set<String> groups, Set<Role> roles) {

    public Caller {
        groups = Set.copyOf(groups);
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    /** support, engineering and admin read every task (API.md §1). */
    public boolean seesEveryTask() {
        return has(Role.ADMIN) || has(Role.SUPPORT) || has(Role.ENGINEERING);
    }

    public boolean isAnyOf(Collection<String> users, Collection<String> groupNames) {
        return users.contains(name) || groupNames.stream().anyMatch(groups::contains);
    }
}
