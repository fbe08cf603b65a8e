package htm.event.control;

import htm.problem.entity.HtmException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where webhooks may go: http or https URLs whose host the administrator allows (HTM_WEBHOOK_ALLOWED_HOSTS,
 * comma-separated host names, "*.example.com" for a domain's subdomains). Nothing is allowed until hosts are
 * named, so a subscription cannot make HTM call into the network it runs in (no open SSRF).
 */
public final class WebhookTargets {

    private static final int MAX_URL = 2000;

    private final List<String> allowed;

    public WebhookTargets(String allowedHosts) {
        this.allowed = Arrays.stream(allowedHosts == null ? new String[0] : allowedHosts.split(","))
                .map(host -> host.trim().toLowerCase(Locale.ROOT))
                .filter(host -> !host.isEmpty())
                .toList();
    }

    /** The URL as a target, or a 400 saying why it cannot be one. */
    public URI check(String url) {
        if (url == null || url.isBlank()) {
            throw HtmException.invalidInput("url", "a target URL is required");
        }
        if (url.length() > MAX_URL) {
            throw HtmException.invalidInput("url", "longer than " + MAX_URL + " characters");
        }
        URI target;
        try {
            target = new URI(url);
        } catch (URISyntaxException e) {
            throw HtmException.invalidInput("url", "not a URL (" + e.getReason() + ")");
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw HtmException.invalidInput("url", "must be an absolute http or https URL");
        }
        if (target.getRawUserInfo() != null || target.getRawFragment() != null) {
            throw HtmException.invalidInput("url", "must not carry user information or a fragment");
        }
        if (target.getHost() == null || !allows(target.getHost())) {
            throw HtmException.invalidInput(
                    "url", "its host is not one the administrator allows (HTM_WEBHOOK_ALLOWED_HOSTS)");
        }
        return target;
    }

    public boolean allows(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return allowed.stream()
                .anyMatch(pattern -> pattern.startsWith("*.")
                        ? name.endsWith(pattern.substring(1)) && name.length() > pattern.length() - 1
                        : name.equals(pattern));
    }
}
