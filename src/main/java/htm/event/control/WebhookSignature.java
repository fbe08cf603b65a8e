package htm.event.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook-signature header of the Standard Webhooks spec: "v1," and the base64 HMAC-SHA256 of
 * "id.timestamp.body", keyed by the base64 part of a whsec_ secret; one such entry per secret, space-separated.
 */
public final class WebhookSignature {

    private static final String PREFIX = "whsec_";

    private WebhookSignature() {}

    public static String header(List<String> secrets, String id, long timestampSeconds, String body) {
        String signed = id + "." + timestampSeconds + "." + body;
        return secrets.stream().map(secret -> "v1," + sign(secret, signed)).collect(Collectors.joining(" "));
    }

    private static String sign(String secret, String content) {
        if (!secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("A webhook secret starts with " + PREFIX);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(PREFIX.length())), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
