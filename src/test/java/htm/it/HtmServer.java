package htm.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every integration test shares: the WAR that `mvn package` built, deployed by Arquillian to a real
 * Liberty, and called from outside over HTTP at {@link #base}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class HtmServer {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.htm();
    }

    @ArquillianResource
    URL base;

    /** The server's root, where Liberty answers /metrics, /health and /openapi. */
    URL root() throws MalformedURLException {
        return URI.create(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "/")
                .toURL();
    }

    /**
     * What the server does by itself (the deadline timer runs every 5 s) is awaited, not slept through: reads
     * every 500 ms until the answer satisfies done, and returns it; fails with the last answer after 150 s. So
     * long, because each test class redeploys the application, and its persistent timer, already in the database,
     * can wait for the timer store's next poll (htm.timers.poll, 100 s) before it runs again.
     */
    static <T> T awaitServer(Supplier<T> read, Predicate<T> done) throws InterruptedException {
        T answer = read.get();
        for (int poll = 0; !done.test(answer); poll++) {
            if (poll == 300) {
                fail("the server did not get there in 150 s; the last answer: " + answer);
            }
            Thread.sleep(500); // polls the server, bounded by the 300 polls above
            answer = read.get();
        }
        return answer;
    }

    /** The test server's log, where the activity log and the deadline timer's failures are written. */
    static String serverLog() {
        try {
            return Files.readString(Path.of("target/liberty/wlp/usr/servers/defaultServer/logs/messages.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
