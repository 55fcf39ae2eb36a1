package org.galvani.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.galvani.kernel.spi.DriverRegistry;
import org.galvani.opcua.GatewayUser;
import org.galvani.opcua.PasswordHash;
import org.galvani.opcua.Role;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The configuration file's opcua: section: endpoint, security switches, users with stored hashes, identity. */
class OpcUaConfigTest {

    private static final DriverRegistry DRIVERS = DriverRegistry.load(OpcUaConfigTest.class.getClassLoader());
    /** One hash for all tests: hashing is slow on purpose. */
    private static final PasswordHash DORA = PasswordHash.of("correct horse battery staple");

    private static GalvaniConfig parse(String yaml) {
        return ConfigFile.parse("galvani.yaml", yaml, DRIVERS);
    }

    @Test
    @Verifies("SRS-APP-060")
    void withoutASectionTheGatewayIsSecureAndHasNoUsers() {
        OpcUaSettings opcua = parse("driver: sim").opcua();
        assertEquals(OpcUaSettings.defaults(), opcua);
        assertEquals("0.0.0.0", opcua.host());
        assertEquals(4840, opcua.port());
        assertFalse(opcua.insecure(), "None only when asked for");
        assertFalse(opcua.anonymous(), "anonymous refused unless configured");
        assertNull(opcua.pkiDir(), "the data directory's pki folder");
        assertEquals(List.of(), opcua.users());
        assertEquals(OpcUaSettings.defaults(), GalvaniConfig.defaults().withDriver("wire").opcua());
    }

    @Test
    @Verifies("SRS-APP-060")
    void readsEndpointSwitchesUsersAndIdentity() {
        OpcUaSettings opcua = parse("""
                opcua:
                  host: 127.0.0.1
                  port: 4841
                  insecure: true
                  anonymous: true
                  pkiDir: /var/lib/galvani/pki
                  users:
                    - {name: dora, role: clinician, passwordHash: "%s"}
                    - name: sam
                      role: SERVICE
                      passwordHash: "%s"
                  device: {manufacturer: Acme, model: IontoPatch 3, serialNumber: SN-0001}
                """.formatted(DORA.encoded(), DORA.encoded())).opcua();
        assertEquals("127.0.0.1", opcua.host());
        assertEquals(4841, opcua.port());
        assertTrue(opcua.insecure());
        assertTrue(opcua.anonymous());
        assertEquals("/var/lib/galvani/pki", opcua.pkiDir());
        assertEquals(List.of("dora", "sam"), opcua.users().stream().map(GatewayUser::name).toList());
        assertEquals(List.of(Role.CLINICIAN, Role.SERVICE), opcua.users().stream().map(GatewayUser::role).toList());
        assertTrue(opcua.users().get(0).password().matches("correct horse battery staple"));
        assertFalse(opcua.users().get(0).password().matches("correct horse"));
        assertEquals(List.of("Acme", "IontoPatch 3", "SN-0001"),
                List.of(opcua.manufacturer(), opcua.model(), opcua.serialNumber()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown key        | opcua: {prot: 1}                                   | galvani.yaml:1:9: unknown key 'prot' in opcua; known: [anonymous, device, host, insecure, pkiDir, port, users]
            port zero          | opcua: {port: 0}                                   | galvani.yaml:1:15: opcua.port must be 1 to 65535, was 0
            port too large     | opcua: {port: 65536}                               | galvani.yaml:1:15: opcua.port must be 1 to 65535, was 65536
            port not a number  | opcua: {port: high}                                | galvani.yaml:1:15: port must be an integer, was 'high'
            insecure not bool  | opcua: {insecure: yes please}                      | galvani.yaml:1:19: insecure must be true or false, was 'yes please'
            blank host         | opcua: {host: ''}                                  | galvani.yaml:1:15: opcua.host must not be blank
            blank pkiDir       | opcua: {pkiDir: ' '}                               | galvani.yaml:1:17: opcua.pkiDir must not be blank
            users not a list   | opcua: {users: dora}                               | galvani.yaml:1:16: opcua.users must be a list of {name, role, passwordHash}, was 'dora'
            user without hash  | opcua: {users: [{name: dora, role: clinician}]}    | galvani.yaml:1:17: opcua.users[0] needs passwordHash (keys: name, role, passwordHash)
            unknown user key   | opcua: {users: [{name: dora, password: x}]}        | galvani.yaml:1:30: unknown key 'password' in opcua.users[0]; known: [name, passwordHash, role]
            plain password     | opcua: {users: [{name: d, role: observer, passwordHash: hunter22}]} | galvani.yaml:1:57: opcua.users[0].passwordHash is not a password hash (pbkdf2-sha256$<iterations>$<salt>$<hash>); make one with 'galvani hash-password', never write the password
            weak hash          | opcua: {users: [{name: d, role: observer, passwordHash: 'pbkdf2-sha256$1$AAAAAAAAAAA=$AA=='}]} | galvani.yaml:1:57: opcua.users[0].passwordHash: password hash: at least 10000 iterations, an 8-byte salt and a 32-byte hash are required
            unknown device key | opcua: {device: {vendor: Acme}}                     | galvani.yaml:1:18: unknown key 'vendor' in opcua.device; known: [manufacturer, model, serialNumber]
            """)
    @Verifies("SRS-APP-060")
    void aWrongSectionIsRefusedWithFileLineAndColumn(String name, String yaml, String expected) {
        assertEquals(expected, assertThrows(ConfigException.class, () -> parse(yaml)).getMessage());
    }

    @Test
    @Verifies("SRS-APP-060")
    void aWrongUserIsRefusedWhereItIs() {
        String hash = DORA.encoded();
        assertEquals("galvani.yaml:3:26: opcua.users[0]: unknown role 'nurse'; roles are observer, clinician, service",
                assertThrows(ConfigException.class, () -> parse("""
                        opcua:
                          users:
                            - {name: dora, role: nurse, passwordHash: "%s"}
                        """.formatted(hash))).getMessage());
        assertEquals("galvani.yaml:4:14: opcua.users[1]: user 'dora' is configured twice",
                assertThrows(ConfigException.class, () -> parse("""
                        opcua:
                          users:
                            - {name: dora, role: clinician, passwordHash: "%s"}
                            - {name: dora, role: observer, passwordHash: "%s"}
                        """.formatted(hash, hash))).getMessage());
        String tooLong = "x".repeat(65);
        String message = assertThrows(ConfigException.class, () -> parse("""
                opcua:
                  users:
                    - {name: %s, role: observer, passwordHash: "%s"}
                """.formatted(tooLong, hash))).getMessage();
        assertTrue(message.startsWith("galvani.yaml:3:14: opcua.users[0]: user name must be"), message);
    }
}
