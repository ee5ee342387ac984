package org.xenctl.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.xenctl.libvirt.LibvirtHypervisor;
import org.xenctl.testing.TestDriver;

/**
 * Domain-0 is refused by every lifecycle verb that would stop, freeze or suspend it, before the hypervisor is asked.
 * libvirt's test driver has no Domain-0 (its ids start at 1), so Domain-0 is the summary a Xen host lists (id 0,
 * running) handed to the real test driver's lifecycle; that it is refused on Xen itself, and the dom0 lives on, is
 * Dom0XenLabIT's.
 */
class ControlDomainTest {
    private static final DomainSummary DOMAIN_0 = new DomainSummary(0, "Domain-0",
            "00000000-0000-0000-0000-000000000000", DomainState.RUNNING, "unknown", 1048576, 1048576, 2, 1);

    private LibvirtHypervisor host;

    @BeforeEach
    void open() {
        host = TestDriver.keep();
    }

    @AfterEach
    void close() {
        host.close();
    }

    @Test
    void every_verb_that_would_take_the_host_down_refuses_domain_0() {
        Lifecycle lifecycle = new Lifecycle(host);
        refused(() -> lifecycle.pause(DOMAIN_0), "refusing to pause Domain-0, the host's control domain: it would "
                + "freeze the host, and nothing would be left to unpause it");
        refused(() -> lifecycle.suspend(DOMAIN_0, true, Duration.ofSeconds(1)), "refusing to suspend Domain-0");
        refused(() -> lifecycle.destroy(DOMAIN_0, null), "refusing to destroy Domain-0");
        refused(() -> lifecycle.reboot(DOMAIN_0, true, Duration.ofSeconds(1)), "refusing to reboot Domain-0");
        refused(() -> lifecycle.shutdown(DOMAIN_0, Hypervisor.ShutdownRequest.DEFAULT, true, Duration.ofSeconds(1),
                true), "refusing to shut down Domain-0");
    }

    @Test
    void a_guest_and_a_shut_off_domain_are_not_the_control_domain() {
        DomainSummary guest = new DomainSummary(3, "web", "00000000-0000-0000-0000-000000000003",
                DomainState.RUNNING, "booted", 1024, 1024, 1, 1);
        DomainSummary off = new DomainSummary(-1, "web", "00000000-0000-0000-0000-000000000003",
                DomainState.SHUTOFF, "shutdown", 1024, 1024, 1, 0);
        assertThatCode(() -> ControlDomain.refuse(guest, "pause", "", null)).doesNotThrowAnyException();
        assertThatCode(() -> ControlDomain.refuse(off, "pause", "", null)).doesNotThrowAnyException();
    }

    private static void refused(Executable verb, String message) {
        assertThatThrownBy(verb::execute).isInstanceOfSatisfying(XenctlException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CONTROL_DOMAIN);
            assertThat(e.getMessage()).startsWith(message);
        });
    }
}
