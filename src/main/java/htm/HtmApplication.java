package htm;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
        security = @SecurityRequirement(name = "basic"),
        tags = {
            @Tag(name = "Task", description = "One task and its actions, data, people and comments (WebSphere HTM)"),
            @Tag(name = "Task template", description = "Templates that tasks are made from"),
            @Tag(name = "Escalation", description = "A task's escalations"),
            @Tag(name = "Events", description = "Webhook subscriptions and the live stream of task events"),
            @Tag(name = "Job", description = "Itential's jobs"),
            @Tag(name = "Itential", description = "Itential's task endpoints, drop-in"),
            @Tag(name = "Alfresco", description = "Alfresco's workflow task endpoints, drop-in"),
            @Tag(name = "Oracle BPM", description = "Oracle BPM's task action endpoint, drop-in"),
            @Tag(name = "A2A", description = "HTM as an A2A server, for AI agents"),
            @Tag(name = "Worklist page", description = "The worklist page, its files and its sign-in")
        })
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class HtmApplication extends Application {}
