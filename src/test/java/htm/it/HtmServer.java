package htm.it;

import java.net.URL;
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
}
