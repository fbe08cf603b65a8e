package htm.security.boundary;

import htm.problem.entity.HtmException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * No request body is read past its limit: htm.limits.body.bytes, or htm.limits.binary.bytes for a binary custom
 * property. A declared Content-Length over it is refused before anything is read, a chunked body the moment it
 * passes it — before the caller's rights are looked at, so that no one can make the server buffer gigabytes.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public class RequestLimits implements ContainerRequestFilter {

    private static final String BINARY_PROPERTY = "/binaryCustomProperty/";

    @Inject
    @ConfigProperty(name = "htm.limits.body.bytes", defaultValue = "1048576")
    long bodyBytes;

    @Inject
    @ConfigProperty(name = "htm.limits.binary.bytes", defaultValue = "1048576")
    long binaryBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        boolean binary = request.getUriInfo().getPath().contains(BINARY_PROPERTY);
        long limit = binary ? binaryBytes : bodyBytes;
        String setting = binary ? "htm.limits.binary.bytes" : "htm.limits.body.bytes";
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && isOver(declared.strip(), limit)) {
            throw tooLarge(limit, setting);
        }
        if (!request.hasEntity()) {
            return;
        }
        // the web container reads a form itself, not from the entity stream: it must say how long it is
        if (MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(request.getMediaType())) {
            if (declared == null) {
                throw new HtmException(411, "HTM0400E", "A form must declare its Content-Length.");
            }
            return;
        }
        request.setEntityStream(new Bounded(request.getEntityStream(), limit, setting));
    }

    private static boolean isOver(String declared, long limit) {
        try {
            return Long.parseLong(declared) > limit;
        } catch (NumberFormatException e) {
            return declared.chars().allMatch(Character::isDigit);
        }
    }

    static HtmException tooLarge(long limit, String setting) {
        return new HtmException(
                413,
                "HTM0413E",
                "The request body is larger than " + limit + " bytes, the limit (" + setting + ").",
                String.valueOf(limit));
    }

    /** A body that fails with 413 as soon as more than limit bytes have been read from it. */
    private static final class Bounded extends FilterInputStream {

        private final long limit;
        private final String setting;
        private long read;

        Bounded(InputStream body, long limit, String setting) {
            super(body);
            this.limit = limit;
            this.setting = setting;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            read += n;
            if (read > limit) {
                throw tooLarge(limit, setting);
            }
        }
    }
}
