package htm.security.boundary;

import htm.security.control.BearerTokens;
import htm.security.control.BearerTokens.TokenCaller;
import htm.security.control.FailedSignIns;
import htm.security.control.InvalidTokenException;
import htm.security.control.SigningKeys;
import htm.security.control.VerifiedCredentials;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.security.auth.message.callback.PasswordValidationCallback;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Hashtable;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who a request comes from: Basic credentials checked against the server's user registry (demo users, LDAP),
 * or a bearer token from the identity provider (single sign-on). Credentials that do not check out are not
 * answered here but noted on the request, so that the refusal leaves as the HTM error body like every other
 * error ({@link AuthenticationRequired}); Liberty's own mechanisms would answer 401 with an empty body.
 * The worklist page's cookie (LtpaToken2) is honoured by Liberty before this mechanism is asked. A credential
 * that checked out is remembered for htm.auth.cache.seconds (default 120; 0 turns it off), at most
 * htm.auth.cache.size of them ({@link VerifiedCredentials}): the next request with it costs no registry lookup
 * and no signature check.
 */
@ApplicationScoped
public class CallerAuthentication implements HttpAuthenticationMechanism {

    /** Request attribute: why the credentials a request carried were refused. */
    public static final String REFUSAL = "htm.authentication.refusal";
    /** Request attribute: after how many seconds a refused sign-in may be tried again (too many failures). */
    public static final String RETRY_AFTER = "htm.authentication.retryAfter";

    private static final Logger LOG = Logger.getLogger(CallerAuthentication.class.getName());
    private static final String CREDENTIAL = "com.ibm.wsspi.security.cred.";

    @Inject
    @ConfigProperty(name = "htm.jwt.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "htm.jwt.audiences", defaultValue = "htm")
    String audiences;

    @Inject
    @ConfigProperty(name = "htm.jwt.user.claim", defaultValue = "upn")
    String userClaim;

    @Inject
    @ConfigProperty(name = "htm.jwt.groups.claim", defaultValue = "groups")
    String groupsClaim;

    /**
     * How a token's group names are read: "as-is" (a group "/contractors/managers" is that group, not "managers"),
     * or "leaf" (the last part of a path, for an identity provider that sends full group paths).
     */
    @Inject
    @ConfigProperty(name = "htm.jwt.groups.path", defaultValue = "as-is")
    String groupsPath;

    @Inject
    @ConfigProperty(name = "htm.jwt.clock.skew.seconds", defaultValue = "60")
    long clockSkewSeconds;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey")
    Optional<String> publicKey;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> publicKeyLocation;

    private BearerTokens tokens;

    @Inject
    @ConfigProperty(name = "htm.auth.cache.seconds", defaultValue = "120")
    long cacheSeconds;

    @Inject
    @ConfigProperty(name = "htm.auth.cache.size", defaultValue = "10000")
    int cacheSize;

    private VerifiedCredentials<Hashtable<String, Object>> verified;

    @Inject
    AcceptedUsers acceptedUsers;

    private final FailedSignIns failedSignIns = new FailedSignIns(100_000, Clock.systemUTC());

    @PostConstruct
    void configure() {
        verified =
                new VerifiedCredentials<>(Duration.ofSeconds(Math.max(0, cacheSeconds)), cacheSize, Clock.systemUTC());
        Set<String> audienceSet = Arrays.stream(audiences.split(","))
                .map(String::strip)
                .filter(a -> !a.isEmpty())
                .collect(Collectors.toSet());
        tokens = new BearerTokens(
                new BearerTokens.Rules(
                        issuer.orElse("").strip(),
                        audienceSet,
                        userClaim,
                        groupsClaim,
                        Duration.ofSeconds(clockSkewSeconds)),
                SigningKeys.of(publicKey.orElse(""), publicKeyLocation.orElse(""), Clock.systemUTC()),
                Clock.systemUTC());
    }

    /** Says at start-up whom this server accepts. */
    void announce(@Observes @Initialized(ApplicationScoped.class) Object started) {
        acceptedUsers.passwordsAccepted();
        if (publicKey.isPresent() || publicKeyLocation.isPresent()) {
            LOG.info(() ->
                    "HTM accepts bearer tokens from issuer " + tokens.rules().issuer());
        } else {
            LOG.info("HTM accepts no bearer token: no signing key is configured (mp.jwt.verify.publickey.location)");
        }
    }

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        // any type but Liberty's "BASIC": for that one Liberty parses the Basic header itself and fails with
        // a 500 on a malformed one
        note(context, "http.authType", "HTM");
        if (context.getAuthParameters().getCredential() instanceof UsernamePasswordCredential signIn) {
            return signIn(signIn, context);
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null) {
            return context.doNothing();
        }
        String[] scheme = authorization.strip().split("\\s+", 2);
        String value = scheme.length > 1 ? scheme[1] : "";
        if ("Basic".equalsIgnoreCase(scheme[0])) {
            return basic(value, request, context);
        }
        if ("Bearer".equalsIgnoreCase(scheme[0])) {
            return bearer(value, request, context);
        }
        return refuse(
                request,
                context,
                "Authentication failed: the Authorization scheme '" + scheme[0]
                        + "' is not supported (send Basic credentials or a Bearer token).");
    }

    /** The worklist page's sign-in: on success Liberty keeps the browser signed in with its cookie (LtpaToken2). */
    private AuthenticationStatus signIn(UsernamePasswordCredential signIn, HttpMessageContext context) {
        if (!passwordMatches(signIn.getCaller(), signIn.getPasswordAsString(), context)) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        note(context, "http.registerSession", Boolean.TRUE.toString());
        return AuthenticationStatus.SUCCESS;
    }

    private AuthenticationStatus basic(String value, HttpServletRequest request, HttpMessageContext context) {
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return refuse(request, context, "Authentication failed: the Basic credentials are not base64.");
        }
        int colon = pair.indexOf(':');
        if (colon < 0) {
            return refuse(request, context, "Authentication failed: the Basic credentials are not user:password.");
        }
        String credential = "basic\0" + pair;
        Optional<Hashtable<String, Object>> known = verified.verified(credential);
        if (known.isPresent()) {
            context.getClientSubject().getPrivateCredentials().add(copy(known.get()));
            return AuthenticationStatus.SUCCESS;
        }
        if (!passwordMatches(pair.substring(0, colon), pair.substring(colon + 1), context)) {
            return request.getAttribute(RETRY_AFTER) != null
                    ? context.doNothing()
                    : refuse(request, context, "Authentication failed: the user name or the password is wrong.");
        }
        registryCredential(context).ifPresent(established -> verified.remember(credential, copy(established), null));
        return AuthenticationStatus.SUCCESS;
    }

    /** What the registry's password check put on the subject: the user, realm and groups, for a hashtable login. */
    @SuppressWarnings("unchecked")
    private static Optional<Hashtable<String, Object>> registryCredential(HttpMessageContext context) {
        return context.getClientSubject().getPrivateCredentials(Hashtable.class).stream()
                .filter(h -> h.containsKey(CREDENTIAL + "userId"))
                .findFirst()
                .map(h -> (Hashtable<String, Object>) h);
    }

    /** Each request gets its own credential, with its own list of groups, as if freshly verified. */
    private static Hashtable<String, Object> copy(Hashtable<String, Object> credential) {
        Hashtable<String, Object> copy = new Hashtable<>(credential);
        if (copy.get(CREDENTIAL + "groups") instanceof List<?> groups) {
            copy.put(CREDENTIAL + "groups", new ArrayList<>(groups));
        }
        return copy;
    }

    /**
     * The registry checks the password and, when it matches, puts the user and its groups on the subject; a server
     * that refuses its demo registry checks none ({@link AcceptedUsers}). After too many failures no password is
     * checked for a while ({@link FailedSignIns}): the request is refused, saying when to try again.
     */
    private boolean passwordMatches(String user, String password, HttpMessageContext context) {
        HttpServletRequest request = context.getRequest();
        String address = request.getRemoteAddr();
        Duration wait = failedSignIns.waitBefore(user, address);
        if (!wait.isZero()) {
            long seconds = (wait.toMillis() + 999) / 1000;
            LOG.warning(() -> "HTM refused a sign-in of user '" + printable(user) + "' from " + address
                    + " after repeated wrong passwords; it may try again in " + seconds + " s");
            request.setAttribute(RETRY_AFTER, seconds);
            request.setAttribute(REFUSAL, "Too many failed sign-ins: try again in " + seconds + " s.");
            return false;
        }
        boolean matches = acceptedUsers.passwordsAccepted() && registryAccepts(user, password, context);
        if (matches) {
            failedSignIns.succeeded(user, address);
        } else {
            failedSignIns.failed(user, address);
        }
        return matches;
    }

    private static boolean registryAccepts(String user, String password, HttpMessageContext context) {
        PasswordValidationCallback check =
                new PasswordValidationCallback(context.getClientSubject(), user, password.toCharArray());
        try {
            context.getHandler().handle(new Callback[] {check});
        } catch (IOException | UnsupportedCallbackException e) {
            return false;
        }
        return check.getResult();
    }

    /** A caller's text for the log: no line breaks or other control characters of theirs. */
    private static String printable(String text) {
        return text.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    private AuthenticationStatus bearer(String token, HttpServletRequest request, HttpMessageContext context) {
        String credential = "bearer\0" + token;
        Optional<Hashtable<String, Object>> known = verified.verified(credential);
        if (known.isPresent()) {
            context.getClientSubject().getPrivateCredentials().add(copy(known.get()));
            return AuthenticationStatus.SUCCESS;
        }
        TokenCaller caller;
        try {
            caller = tokens.verify(token);
        } catch (InvalidTokenException e) {
            e.detail()
                    .ifPresent(detail ->
                            LOG.warning(() -> "HTM refused a bearer token: " + e.getMessage() + ": " + detail));
            return refuse(
                    request,
                    context,
                    "Authentication failed: the bearer token is not accepted: " + e.getMessage() + ".");
        }
        Hashtable<String, Object> established = credential(caller);
        verified.remember(credential, copy(established), caller.expires());
        context.getClientSubject().getPrivateCredentials().add(established);
        return AuthenticationStatus.SUCCESS;
    }

    /**
     * Liberty's hashtable login: the token's user and groups as they are, in the issuer's realm, never looked up
     * in the user registry. Groups become "group:issuer/name", the access ids the role mapping binds.
     */
    private Hashtable<String, Object> credential(TokenCaller caller) {
        String realm =
                tokens.rules().issuer().isEmpty() ? "htm-sso" : tokens.rules().issuer();
        List<String> groups = new ArrayList<>();
        boolean leaf = "leaf".equalsIgnoreCase(groupsPath.strip());
        caller.groups().stream()
                .map(group -> BearerTokens.groupName(group, leaf))
                .filter(group -> !group.isEmpty())
                .forEach(group -> groups.add("group:" + realm + "/" + group));
        String uniqueId = "user:" + realm + "/" + caller.name();
        Hashtable<String, Object> credential = new Hashtable<>();
        credential.put("com.ibm.ws.authentication.internal.assertion", Boolean.TRUE);
        credential.put(CREDENTIAL + "realm", realm);
        credential.put(CREDENTIAL + "userId", caller.name());
        credential.put(CREDENTIAL + "securityName", caller.name());
        credential.put(CREDENTIAL + "uniqueId", uniqueId);
        credential.put(CREDENTIAL + "groups", groups);
        credential.put(CREDENTIAL + "cacheKey", "htm-jwt:" + sha256(uniqueId + "\n" + String.join("\n", groups)));
        return credential;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JASPIC message property; Liberty's Jakarta runtime reads them as "jakarta.servlet.*", not "javax.servlet.*". */
    @SuppressWarnings("unchecked")
    private static void note(HttpMessageContext context, String key, String value) {
        context.getMessageInfo().getMap().put("jakarta.servlet." + key, value);
    }

    private static AuthenticationStatus refuse(HttpServletRequest request, HttpMessageContext context, String reason) {
        request.setAttribute(REFUSAL, reason);
        return context.doNothing();
    }
}
