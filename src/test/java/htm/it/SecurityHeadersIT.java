package htm.it;

import static htm.it.Api.ALICE;
import static htm.it.Api.BOB;
import static htm.it.Api.V1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.client.Entity;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a browser is told about HTM's answers: stored content never runs as a page of HTM's origin. */
class SecurityHeadersIT extends HtmServer {

    @Test
    void storedHtmlIsOnlyEverADownloadThatCannotRunScript() {
        try (Api alice = new Api(base, ALICE);
                Api bob = alice.as(BOB)) {
            String tkiid = alice.createReadyTask("stored-script");
            String page = V1 + "task/" + tkiid + "/binaryCustomProperty/page";
            byte[] script = "<script>alert(document.cookie)</script>".getBytes(StandardCharsets.UTF_8);
            assertEquals(
                    200,
                    Api.Reply.of(alice.request(page).put(Entity.entity(script, "text/html")))
                            .status());

            Api.Reply read = Api.Reply.of(bob.request(page).get());
            assertEquals(200, read.status());
            assertEquals("attachment; filename*=UTF-8''page", read.header("Content-Disposition"));
            assertEquals("nosniff", read.header("X-Content-Type-Options"));
            String policy = read.header("Content-Security-Policy");
            assertTrue(policy.startsWith("sandbox; default-src 'none'"), policy);
            assertTrue(policy.contains("frame-ancestors 'none'"), policy);
            assertEquals("no-store", read.header("Cache-Control"));
        }
    }

    @Test
    void plainPicturesShowInPlaceAndOddNamesAreEncoded() {
        try (Api alice = new Api(base, ALICE)) {
            String tkiid = alice.createReadyTask("picture");
            String scan = V1 + "task/" + tkiid + "/binaryCustomProperty/scan%20%22one%22";
            byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
            assertEquals(
                    200,
                    Api.Reply.of(alice.request(scan).put(Entity.entity(png, "image/png")))
                            .status());
            Api.Reply read = Api.Reply.of(alice.request(scan).get());
            assertEquals("inline; filename*=UTF-8''scan%20%22one%22", read.header("Content-Disposition"));
            assertTrue(read.header("Content-Security-Policy").startsWith("sandbox"));

            String svg = V1 + "task/" + tkiid + "/binaryCustomProperty/drawing";
            assertEquals(
                    200,
                    Api.Reply.of(alice.request(svg).put(Entity.entity("<svg/>", "image/svg+xml")))
                            .status());
            assertTrue(
                    Api.Reply.of(alice.request(svg).get())
                            .header("Content-Disposition")
                            .startsWith("attachment"),
                    "SVG can carry script: never inline");
        }
    }

    @Test
    void everyAnswerForbidsSniffingFramingAndCachingTaskData() {
        try (Api alice = new Api(base, ALICE);
                Api nobody = new Api(base, null)) {
            String tkiid = alice.createReadyTask("headers");
            for (Api.Reply reply : new Api.Reply[] {
                alice.get(V1 + "task/" + tkiid),
                alice.get(V1 + "tasks?potentialOwner=me"),
                alice.get(V1 + "task/no-such-task"),
                nobody.get(V1 + "task/" + tkiid)
            }) {
                assertEquals("nosniff", reply.header("X-Content-Type-Options"), reply.toString());
                assertEquals("no-store", reply.header("Cache-Control"), reply.toString());
                assertEquals(
                        "default-src 'none'; frame-ancestors 'none'",
                        reply.header("Content-Security-Policy"),
                        reply.toString());
            }
            Api.Reply page = nobody.get("");
            assertEquals("nosniff", page.header("X-Content-Type-Options"));
            assertTrue(page.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
        }
    }
}
