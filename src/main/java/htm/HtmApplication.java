package htm;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The resources carry their full paths (/rest/bpm/htm/v1/..., and the seed systems' paths later). */
@ApplicationPath("/")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "HTM human task manager",
                        version = "1",
                        description =
                                "Work items for people, on the WebSphere Human Task Manager REST interface. "
                                        + "Errors answer {errorNumber, errorMessage, errorMessageParameters, programmersDetails}."),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class HtmApplication extends Application {}
