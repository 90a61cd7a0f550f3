package org.centinela.alerts.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookUrlPolicyTest {

    /** DNS as these tests see it: each name's answers. */
    private static final Map<String, String[]> DNS = Map.of(
            "hooks.brigada.example", new String[] {"93.184.215.14", "2606:2800:21f:cb07::1"},
            "rebinding.example", new String[] {"93.184.215.14", "127.0.0.1"},
            "metadata.example", new String[] {"169.254.169.254"},
            "internal.example", new String[] {"fd12:3456::1"});

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String[] answers = DNS.get(host);
        if (answers == null) {
            if (host.startsWith("[") || Character.isDigit(host.charAt(0))) {
                return InetAddress.getAllByName(host); // a literal: parsed, never looked up
            }
            throw new UnknownHostException(host);
        }
        InetAddress[] addresses = new InetAddress[answers.length];
        for (int i = 0; i < answers.length; i++) {
            addresses[i] = InetAddress.getByName(answers[i]);
        }
        return addresses;
    }

    private static final WebhookUrlPolicy PRODUCTION = new WebhookUrlPolicy(false, WebhookUrlPolicyTest::resolve);
    private static final WebhookUrlPolicy LOCAL_RECEIVERS_ALLOWED = new WebhookUrlPolicy(true, WebhookUrlPolicyTest::resolve);

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "https://hooks.brigada.example/centinela      | ",
            "http://93.184.215.14:8080/hook               | ",
            "https://[2606:2800:21f:cb07::1]/hook         | ",
            "https://not-yet-registered.example/hook      | ",
            "ftp://hooks.brigada.example/                 | must be an absolute http or https URL",
            "file:///etc/passwd                           | must be an absolute http or https URL",
            "/relative/hook                               | must be an absolute http or https URL",
            "http://127.0.0.1:8081/api/v1/organisations   | resolves to 127.0.0.1 (loopback)",
            "http://127.1.2.3/                            | resolves to 127.1.2.3 (loopback)",
            "http://0.0.0.0:8083/                         | resolves to 0.0.0.0 (this-network)",
            "http://10.0.0.7/                             | resolves to 10.0.0.7 (private)",
            "http://172.31.255.1/                         | resolves to 172.31.255.1 (private)",
            "http://192.168.0.10/                         | resolves to 192.168.0.10 (private)",
            "http://100.100.100.200/                      | resolves to 100.100.100.200 (shared (carrier-grade NAT))",
            "http://169.254.169.254/latest/meta-data/     | resolves to 169.254.169.254 (link-local)",
            "http://224.0.0.251/                          | resolves to 224.0.0.251 (multicast)",
            "http://255.255.255.255/                      | resolves to 255.255.255.255 (reserved or broadcast)",
            "http://[::1]:8082/                           | resolves to 0:0:0:0:0:0:0:1 (loopback)",
            "http://[::]/                                 | resolves to 0:0:0:0:0:0:0:0 (unspecified)",
            "http://[fe80::1]/                            | resolves to fe80:0:0:0:0:0:0:1 (link-local)",
            "http://[fd00:ec2::254]/                      | resolves to fd00:ec2:0:0:0:0:0:254 (unique local (private))",
            "http://[ff02::1]/                            | resolves to ff02:0:0:0:0:0:0:1 (multicast)",
            "http://[::ffff:10.0.0.1]/                    | resolves to 10.0.0.1 (private)",
            "http://[::127.0.0.1]/                        | (loopback)",
            "http://[64:ff9b::a9fe:a9fe]/                 | (link-local)",
            "http://[2002:c0a8:0101::1]/                  | (private)",
            "http://metadata.example/                     | resolves to 169.254.169.254 (link-local)",
            "http://rebinding.example/                    | resolves to 127.0.0.1 (loopback)",
            "http://internal.example/                     | (unique local (private))",
    })
    void aWebhookMayPointOnlyAtPublicAddresses(String url, String refusal) {
        if (refusal == null) {
            assertThat(PRODUCTION.refusal(url)).isEmpty();
        } else {
            assertThat(PRODUCTION.refusal(url)).hasValueSatisfying(reason -> assertThat(reason).contains(refusal));
        }
    }

    @Test
    void anOperatorMayAllowPrivateTargetsButNeverAnotherScheme() {
        assertThat(LOCAL_RECEIVERS_ALLOWED.refusal("http://127.0.0.1:9000/hook")).isEmpty();
        assertThat(LOCAL_RECEIVERS_ALLOWED.refusal("http://10.0.0.7/hook")).isEmpty();
        assertThat(LOCAL_RECEIVERS_ALLOWED.refusal("gopher://127.0.0.1:25/")).isPresent();
    }

    @Test
    void atSendTimeANameResolvingToAPrivateAddressIsRefusedAndAnUnresolvableOneMayPassLater() throws Exception {
        PRODUCTION.checkBeforeSending(URI.create("https://hooks.brigada.example/centinela"));

        assertThatThrownBy(() -> PRODUCTION.checkBeforeSending(URI.create("http://rebinding.example/hook")))
                .isInstanceOf(RefusedWebhookAddressException.class)
                .hasMessageContaining("rebinding.example resolves to 127.0.0.1 (loopback)");
        assertThatThrownBy(() -> PRODUCTION.checkBeforeSending(URI.create("https://gone.example/hook")))
                .isInstanceOf(UnknownHostException.class);
        LOCAL_RECEIVERS_ALLOWED.checkBeforeSending(URI.create("http://rebinding.example/hook"));
    }
}
