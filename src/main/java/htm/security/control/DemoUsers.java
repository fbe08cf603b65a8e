package htm.security.control;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether this server takes the passwords of the demo registry (liberty/config/demo-users.xml: admin/admin,
 * alice/alice, …). Only when asked (htm.demo.users, HTM_DEMO_USERS=true), or on the quick start: the server the
 * build runs (htm.quickstart, set by the pom for {@code mvn liberty:run}) on its embedded H2 database. Every
 * other server — the image, a packaged server, the build's own server pointed at PostgreSQL — refuses them.
 */
public final class DemoUsers {

    public static final String FILE = "demo-users.xml";

    private DemoUsers() {}

    /** Whether the registry Liberty loads is the demo one. */
    public static boolean inUse(String usersFile) {
        String path = usersFile.replace('\\', '/');
        return path.equals(FILE) || path.endsWith("/" + FILE);
    }

    /** Whether the demo users may sign in: as asked, or, when nobody asked, on the quick start only. */
    public static boolean accepted(Optional<Boolean> asked, boolean quickStart, String jdbcUrl) {
        return asked.orElse(quickStart && embedded(jdbcUrl));
    }

    /** H2 in this JVM (a file or memory database), not a database server somewhere else. */
    static boolean embedded(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
    }
}
