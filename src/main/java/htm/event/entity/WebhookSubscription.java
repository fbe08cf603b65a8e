package htm.event.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A target that hears the events it wants (API.md §7): its URL, the event types (none named: every type), and
 * filters on the task's namespace, name and template. It signs what it sends with a secret (Standard
 * Webhooks, whsec_ and 24 random bytes in base64); after a rotation the previous secret signs too, for a while,
 * so a receiver can switch without losing a delivery.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

    private static final String SECRET_PREFIX = "whsec_";
    private static final String EVERY_TYPE = "*";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @Column(length = 36)
    private String id;

    @Column(length = 2000, nullable = false, updatable = false)
    private String url;

    @Column(length = 2000, nullable = false, updatable = false)
    private String types;

    @Column(length = 255, updatable = false)
    private String namespace;

    @Column(name = "name_prefix", length = 255, updatable = false)
    private String namePrefix;

    @Column(name = "task_template_id", length = 36, updatable = false)
    private String taskTemplateID;

    @Column(length = 100, nullable = false)
    private String secret;

    @Column(name = "previous_secret", length = 100)
    private String previousSecret;

    @Column(name = "previous_secret_until")
    private Instant previousSecretUntil;

    /** The one task a push to an agent hears of; null for a subscription to every task its filters admit. */
    @Column(name = "task_id", length = 36, updatable = false)
    private String taskId;

    @Column(name = "config_id", length = 100, updatable = false)
    private String configId;

    /** What is sent: null for the event (CloudEvents), A2A for the task as A2A's Task. */
    @Column(length = 10, updatable = false)
    private String format;

    @Column(length = 1000, updatable = false)
    private String token;

    @Column(name = "auth_header", length = 2100, updatable = false)
    private String authHeader;

    @Column(name = "created_by", length = 255, nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "creation_time", nullable = false, updatable = false)
    private Instant creationTime;

    protected WebhookSubscription() {}

    public WebhookSubscription(
            String url,
            List<String> types,
            String namespace,
            String namePrefix,
            String taskTemplateID,
            String createdBy,
            Instant now) {
        this.id = UUID.randomUUID().toString();
        this.url = url;
        // stored between commas, so that the outbox can match a type with LIKE '%,type,%'
        this.types = types.isEmpty() ? EVERY_TYPE : "," + String.join(",", types) + ",";
        this.namespace = namespace;
        this.namePrefix = namePrefix;
        this.taskTemplateID = taskTemplateID;
        this.secret = newSecret();
        this.createdBy = createdBy;
        this.creationTime = now;
    }

    /** The subscription through which a message broker hears every event: fixed id, every type, no filter. */
    public static WebhookSubscription everyEvent(String id, String url, Instant now) {
        WebhookSubscription subscription = new WebhookSubscription(url, List.of(), null, null, null, "system", now);
        subscription.id = id;
        return subscription;
    }

    /**
     * A push of one task's changes to an agent (A2A's push notification configuration): sent in the given format,
     * with the agent's token (X-A2A-Notification-Token) and Authorization header value, each null for none.
     */
    public static WebhookSubscription pushOfTask(
            String taskId,
            String configId,
            String format,
            String url,
            String token,
            String authHeader,
            String createdBy,
            Instant now) {
        WebhookSubscription push = new WebhookSubscription(url, List.of(), null, null, null, createdBy, now);
        push.taskId = taskId;
        push.configId = configId;
        push.format = format;
        push.token = token;
        push.authHeader = authHeader;
        return push;
    }

    /** A new secret signs from now on; the one before keeps signing for the overlap, then stops. */
    public void rotateSecret(Instant now, Duration overlap) {
        previousSecret = secret;
        previousSecretUntil = now.plus(overlap);
        secret = newSecret();
    }

    /** The secrets that sign a delivery sent now: the current one, and the previous one during its overlap. */
    public List<String> signingSecrets(Instant now) {
        return previousSecret != null && now.isBefore(previousSecretUntil)
                ? List.of(secret, previousSecret)
                : List.of(secret);
    }

    private static String newSecret() {
        byte[] key = new byte[24];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    public String id() {
        return id;
    }

    public String url() {
        return url;
    }

    /** The event types wanted; empty for every type. */
    public List<String> types() {
        return types.equals(EVERY_TYPE)
                ? List.of()
                : Arrays.stream(types.split(","))
                        .filter(type -> !type.isEmpty())
                        .toList();
    }

    public String namespace() {
        return namespace;
    }

    public String namePrefix() {
        return namePrefix;
    }

    public String taskTemplateID() {
        return taskTemplateID;
    }

    public String secret() {
        return secret;
    }

    public Instant previousSecretUntil() {
        return previousSecretUntil;
    }

    public String taskId() {
        return taskId;
    }

    public String configId() {
        return configId;
    }

    public String format() {
        return format;
    }

    public String token() {
        return token;
    }

    /** The headers a delivery carries besides the signature: the agent's token and Authorization. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (token != null) {
            headers.put("X-A2A-Notification-Token", token);
        }
        if (authHeader != null) {
            headers.put("Authorization", authHeader);
        }
        return headers;
    }

    /** The scheme of the Authorization header a delivery carries; null for none. */
    public String authScheme() {
        return authHeader == null ? null : authHeader.substring(0, authHeader.indexOf(' '));
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant creationTime() {
        return creationTime;
    }
}
