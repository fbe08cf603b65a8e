package htm.security.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DemoUsersTest {

    private static final String EMBEDDED = "jdbc:h2:/srv/htm/h2/htm;LOCK_TIMEOUT=10000";
    private static final String POSTGRESQL = "jdbc:postgresql://db.example.com:5432/htm";

    @Test
    void theQuickStartAcceptsThemOnItsEmbeddedDatabaseOnly() {
        assertTrue(DemoUsers.accepted(Optional.empty(), true, EMBEDDED));
        assertTrue(DemoUsers.accepted(Optional.empty(), true, "jdbc:h2:mem:htm"));
        assertFalse(DemoUsers.accepted(Optional.empty(), true, POSTGRESQL));
        assertFalse(DemoUsers.accepted(Optional.empty(), true, "jdbc:h2:tcp://db.example.com/htm"));
        assertFalse(DemoUsers.accepted(Optional.empty(), true, "JDBC:H2:SSL://db.example.com/htm"));
    }

    @Test
    void anyOtherServerRefusesThemUnlessAsked() {
        assertFalse(DemoUsers.accepted(Optional.empty(), false, EMBEDDED));
        assertFalse(DemoUsers.accepted(Optional.empty(), false, POSTGRESQL));
        assertTrue(DemoUsers.accepted(Optional.of(true), false, POSTGRESQL));
        assertTrue(DemoUsers.accepted(Optional.of(true), true, POSTGRESQL));
    }

    @Test
    void askingForNoneRefusesThemEvenOnTheQuickStart() {
        assertFalse(DemoUsers.accepted(Optional.of(false), true, EMBEDDED));
    }

    @Test
    void theDemoRegistryIsKnownByItsFileName() {
        assertTrue(DemoUsers.inUse("/opt/ol/wlp/usr/servers/defaultServer/demo-users.xml"));
        assertTrue(DemoUsers.inUse("C:\\wlp\\usr\\servers\\defaultServer\\demo-users.xml"));
        assertTrue(DemoUsers.inUse("demo-users.xml"));
        assertFalse(DemoUsers.inUse("/config/ldap-users.xml"));
        assertFalse(DemoUsers.inUse("/config/not-demo-users.xml"));
    }
}
