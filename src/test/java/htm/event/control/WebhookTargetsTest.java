package htm.event.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import htm.problem.entity.HtmException;
import org.junit.jupiter.api.Test;

class WebhookTargetsTest {

    private final WebhookTargets targets = new WebhookTargets(" hooks.example.com, *.corp.example ,127.0.0.1");

    @Test
    void allowsTheNamedHostsAndTheSubdomainsOfAWildcard() {
        assertEquals(
                "https://hooks.example.com/in",
                targets.check("https://hooks.example.com/in").toString());
        assertTrue(targets.allows("HOOKS.example.com"));
        assertTrue(targets.allows("a.b.corp.example"));
        assertTrue(targets.allows("127.0.0.1"));
        assertFalse(targets.allows("corp.example"));
        assertFalse(targets.allows("evilcorp.example"));
        assertFalse(targets.allows("hooks.example.com.evil.test"));
    }

    @Test
    void nothingIsAllowedUntilHostsAreNamed() {
        assertFalse(new WebhookTargets("").allows("localhost"));
        assertFalse(new WebhookTargets(null).allows("localhost"));
    }

    @Test
    void refusesWhatIsNoHttpTargetOfAnAllowedHost() {
        for (String url : new String[] {
            null,
            "",
            "hooks.example.com/in",
            "ftp://hooks.example.com/in",
            "file:///etc/passwd",
            "http://169.254.169.254/latest/meta-data",
            "http://user:secret@hooks.example.com/in",
            "https://hooks.example.com/in#part",
            "http://hooks.example.com:99999999999/in",
            "http://[::1/",
            "https://hooks.example.com/" + "x".repeat(2000)
        }) {
            HtmException refused = assertThrows(HtmException.class, () -> targets.check(url), url);
            assertEquals(400, refused.status(), url);
        }
    }
}
