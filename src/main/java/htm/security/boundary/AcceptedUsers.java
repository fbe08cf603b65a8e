package htm.security.boundary;

import htm.security.control.DemoUsers;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Who may sign in with a password (Basic credentials, the worklist page), decided once at start-up and said in
 * the log: the users of the registry in htm.users.file — unless that is the demo registry and
 * {@link DemoUsers#accepted} says no, in which case no password is accepted at all (bearer tokens still are).
 */
@ApplicationScoped
public class AcceptedUsers {

    private static final Logger LOG = Logger.getLogger(AcceptedUsers.class.getName());

    @Inject
    @ConfigProperty(name = "htm.users.file", defaultValue = DemoUsers.FILE)
    String usersFile;

    @Inject
    @ConfigProperty(name = "htm.demo.users")
    Optional<Boolean> demoUsers;

    @Inject
    @ConfigProperty(name = "htm.quickstart", defaultValue = "false")
    boolean quickStart;

    @Resource(lookup = "jdbc/htm")
    DataSource database;

    private volatile Boolean passwordsAccepted;

    /** Whether a user name and password may be checked against the registry at all. */
    public boolean passwordsAccepted() {
        Boolean accepted = passwordsAccepted;
        if (accepted == null) {
            accepted = decide();
            passwordsAccepted = accepted;
        }
        return accepted;
    }

    private synchronized boolean decide() {
        if (passwordsAccepted != null) {
            return passwordsAccepted;
        }
        String usersFile = Path.of(this.usersFile).normalize().toString();
        if (!DemoUsers.inUse(usersFile)) {
            LOG.info(() -> "HTM accepts the users of the registry in " + usersFile + users(usersFile) + ".");
            return true;
        }
        String database = databaseUrl();
        if (DemoUsers.accepted(demoUsers, quickStart, database)) {
            LOG.warning(() -> "HTM accepts the DEMO USERS of " + usersFile + users(usersFile)
                    + ", each with its name as password: for trying HTM out only, never for production.");
            return true;
        }
        LOG.warning(
                () -> "HTM refuses the demo users of " + usersFile + ": this is not the quick start on the embedded"
                        + " database (the database is " + database
                        + ") and HTM_DEMO_USERS is not true. No user name and password"
                        + " is accepted; point HTM_USERS_FILE at your own registry (or set HTM_DEMO_USERS=true to try HTM out).");
        return false;
    }

    private String databaseUrl() {
        try (Connection connection = database.getConnection()) {
            // without its parameters, which may hold a password
            return connection.getMetaData().getURL().split("[?;]", 2)[0];
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Cannot reach the database to tell whether it is the embedded one", e);
            return "unreachable";
        }
    }

    /** The user names a basic registry file lists, for the log; empty for any other registry. */
    private static String users(String usersFile) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            NodeList users =
                    factory.newDocumentBuilder().parse(new File(usersFile)).getElementsByTagName("user");
            List<String> names = new ArrayList<>();
            for (int i = 0; i < users.getLength(); i++) {
                names.add(((Element) users.item(i)).getAttribute("name"));
            }
            return names.isEmpty() ? "" : " (" + String.join(", ", names) + ")";
        } catch (Exception e) {
            return "";
        }
    }
}
