package htm.page.boundary;

import htm.problem.entity.HtmException;
import htm.security.boundary.Public;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The worklist page and its files (src/main/webapp/ui), served from the WAR. The REST application owns every
 * path of the WAR, so it serves them itself; nothing comes from elsewhere (no CDN).
 */
@Path("/")
@Public
@Tag(name = "Worklist page")
public class WorklistPage {

    private static final Map<String, String> TYPES = Map.of(
            "html",
            "text/html; charset=UTF-8",
            "js",
            "text/javascript; charset=UTF-8",
            "css",
            "text/css; charset=UTF-8");

    @Context
    ServletContext files;

    @GET
    @Operation(operationId = "getWorklistPage", summary = "The worklist page, for people in a browser")
    public Response page() {
        return file("index.html");
    }

    @GET
    @Path("ui/{file: [a-z0-9-]+\\.(html|js|css)}")
    @Operation(operationId = "getWorklistPageFile", summary = "A file of the worklist page")
    public Response file(@PathParam("file") String file) {
        InputStream content = files.getResourceAsStream("/ui/" + file);
        if (content == null) {
            throw HtmException.notFound("File", file);
        }
        CacheControl revalidate = new CacheControl();
        revalidate.setNoCache(true);
        return Response.ok(content, TYPES.get(file.substring(file.lastIndexOf('.') + 1)))
                .cacheControl(revalidate)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'")
                .build();
    }
}
