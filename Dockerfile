# HTM on the official Open Liberty image. Build the WAR and the server's libraries first:
#   mvn package liberty:create   (copies Hibernate and the JDBC drivers into target/liberty/.../defaultServer/lib)
#   docker build -t htm .
# Docker cannot run on our development machines, so this file is not exercised by the tests.
FROM icr.io/appcafe/open-liberty:26.0.0.5-full-java17-openj9-ubi-minimal

COPY --chown=1001:0 liberty/config/ /config/
COPY --chown=1001:0 target/liberty/wlp/usr/servers/defaultServer/lib/ /config/lib/
COPY --chown=1001:0 target/htm.war /config/apps/htm.war

# Point HTM_DB_* at PostgreSQL and HTM_USERS_FILE at your user registry (see README). The image refuses the demo
# users of demo-users.xml unless HTM_DEMO_USERS=true. HTTPS on 9443: mount your PKCS12 keystore and set
# HTM_TLS_KEYSTORE_LOCATION and HTM_TLS_KEYSTORE_PASSWORD (and HTM_SSO_REQUIRES_SSL=true).
EXPOSE 9080 9443

RUN configure.sh
