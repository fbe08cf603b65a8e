package htm.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CurrentCallerTest {

    @Test
    void aGroupIsNamedWithoutItsRealmAndKeepsItsPath() {
        assertEquals("managers", CurrentCaller.groupName("group:BasicRealm/managers", "BasicRealm"));
        String issuer = "https://idp.example/realms/htm";
        assertEquals("managers", CurrentCaller.groupName("group:" + issuer + "/managers", issuer));
        assertEquals(
                "/contractors/managers",
                CurrentCaller.groupName("group:" + issuer + "//contractors/managers", issuer),
                "a nested group of the identity provider is not the registry's managers");
    }
}
