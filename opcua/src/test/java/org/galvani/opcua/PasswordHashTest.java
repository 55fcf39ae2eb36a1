package org.galvani.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    @Verifies("SRS-OPC-011")
    void aHashIsSaltedAndMatchesOnlyItsPassword() {
        PasswordHash first = PasswordHash.of("s3cret");
        PasswordHash second = PasswordHash.of("s3cret");
        assertNotEquals(first.encoded(), second.encoded(), "a fresh salt each time");
        assertTrue(first.matches("s3cret"));
        assertFalse(first.matches("s3cret "));
        assertFalse(first.matches(""));
        assertFalse(first.matches(null));
        assertFalse(first.encoded().contains("s3cret"));
        assertFalse(first.toString().contains(first.encoded().split("\\$")[3]), "no hash in logs");
        assertTrue(first.encoded().startsWith("pbkdf2-sha256$" + PasswordHash.DEFAULT_ITERATIONS + "$"));
    }

    @Test
    @Verifies("SRS-OPC-011")
    void theStoredFormReadsBack() {
        PasswordHash stored = PasswordHash.parse(PasswordHash.of("clinic").encoded());
        assertTrue(stored.matches("clinic"));
        assertFalse(stored.matches("Clinic"));
    }

    @Test
    @Verifies("SRS-OPC-011")
    void badStoredFormsAreRefusedSayingWhy() {
        for (String bad : List.of("", "plain", "md5$1$aa$bb", "pbkdf2-sha256$x$AAAAAAAAAAA=$AAAA",
                "pbkdf2-sha256$100$AAAAAAAAAAAAAAAAAAAAAA==$" + "A".repeat(44),
                "pbkdf2-sha256$100000$AAAA$" + "A".repeat(44), "pbkdf2-sha256$100000$!!$??")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse(bad),
                    bad);
            assertTrue(e.getMessage().startsWith("password hash"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse(null));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.of(""));
    }

    @Test
    @Verifies("SRS-OPC-011")
    void usersComeFromTheConfigurationAndTheEnvironment() {
        UserDirectory users = UserDirectory.empty()
                .with(new GatewayUser("dora", Role.CLINICIAN, PasswordHash.parse(PasswordHash.of("pw").encoded())))
                .withEnvironment(Map.of("GALVANI_SERVICE_PASSWORD", "svc", "GALVANI_OBSERVER_PASSWORD", "",
                        "OTHER", "x"));
        assertEquals(Role.CLINICIAN, users.authenticate("dora", "pw").orElseThrow().role());
        assertEquals(Role.SERVICE, users.authenticate("service", "svc").orElseThrow().role());
        assertTrue(users.authenticate("observer", "").isEmpty(), "an empty variable creates no user");
        assertTrue(users.authenticate("dora", "wrong").isEmpty());
        assertTrue(users.authenticate("nobody", "pw").isEmpty());
        assertTrue(users.authenticate(null, null).isEmpty());
        assertEquals(2, users.users().size());
        assertFalse(users.anonymousAllowed());
        assertTrue(users.allowingAnonymous(true).anonymousAllowed());
        assertThrows(IllegalArgumentException.class, () -> users.with("dora", Role.OBSERVER, "x"));
        assertThrows(IllegalArgumentException.class, () -> new GatewayUser(" dora", Role.OBSERVER,
                PasswordHash.of("x")));
    }
}
