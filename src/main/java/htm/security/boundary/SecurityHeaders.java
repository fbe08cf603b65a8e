package htm.security.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Every answer of HTM's: the browser must not guess a type other than the one given (nosniff), must not frame
 * it, and must not keep task data in a cache. An answer that sets its own policy or caching keeps it.
 */
@Provider
public class SecurityHeaders implements ContainerResponseFilter {

    public static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        if (!headers.containsKey(CONTENT_SECURITY_POLICY)) {
            headers.putSingle(CONTENT_SECURITY_POLICY, API_POLICY);
        }
        if (!headers.containsKey(HttpHeaders.CACHE_CONTROL)) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
