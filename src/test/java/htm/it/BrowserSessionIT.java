package htm.it;

import static htm.it.Api.ALICE;
import static htm.it.Api.V1;
import static htm.it.ErrorsIT.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** The worklist page's sign-in: a cookie session beside Basic and bearer tokens, guarded against cross-site use. */
class BrowserSessionIT extends HtmServer {

    @Test
    void aSignedInBrowserActsWithItsCookieOnlyWithThePagesHeader() {
        Client client = ClientBuilder.newClient();
        try (Api alice = new Api(base, ALICE)) {
            String tkiid = alice.create("{\"name\": \"by-cookie\", \"potentialOwners\": {\"users\": [\"bob\"]}}");
            NewCookie sso;
            try (Response signedIn = client.target(base + "ui/session")
                    .request()
                    .header("X-Requested-By", "htm-worklist")
                    .post(Entity.form(new Form("username", "bob").param("password", "bob")))) {
                assertEquals(200, signedIn.getStatus());
                sso = signedIn.getCookies().get("LtpaToken2");
                assertNotNull(sso, "the single sign-on cookie");
            }
            try (Response me =
                    client.target(base + "ui/session").request().cookie(sso).get()) {
                assertEquals("bob", me.readEntity(JsonObject.class).getString("user"));
            }
            try (Response forged = client.target(base + V1 + "task/" + tkiid + "?action=claim")
                    .request()
                    .cookie(sso)
                    .put(Entity.json("{}"))) {
                assertEquals(403, forged.getStatus(), "a cross-site request carries the cookie, not the header");
            }
            try (Response claimed = client.target(base + V1 + "task/" + tkiid + "?action=claim")
                    .request()
                    .cookie(sso)
                    .header("X-Requested-By", "htm-worklist")
                    .put(Entity.json("{}"))) {
                assertEquals(200, claimed.getStatus());
            }
            try (Response wrong = client.target(base + "ui/session")
                    .request()
                    .header("X-Requested-By", "htm-worklist")
                    .post(Entity.form(new Form("username", "bob").param("password", "nope")))) {
                assertEquals(401, wrong.getStatus());
                assertNull(wrong.getHeaderString("WWW-Authenticate"), "no browser dialog for the page");
                assertEquals("HTM0401E", wrong.readEntity(JsonObject.class).getString("errorNumber"));
            }
            assertError(new Api(base, null).get("ui/session"), 401, "HTM0401E");
        } finally {
            client.close();
        }
    }
}
