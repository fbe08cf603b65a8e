package htm.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR that `mvn package` built, deployed under its own name beside server.xml's htm.war. */
final class Deployments {

    private Deployments() {}

    static WebArchive htm() {
        return ShrinkWrap.create(ZipImporter.class, "htm-it.war")
                .importFrom(new File("target/htm.war"))
                .as(WebArchive.class);
    }
}
