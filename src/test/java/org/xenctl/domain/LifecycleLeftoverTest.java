package org.xenctl.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenctl.libvirt.LibvirtHypervisor;
import org.xenctl.testing.TestDriver;

/**
 * A transient domain that libvirt's libxl driver keeps shut off after failing to restart it (on the lab: a reboot
 * whose vif's bridge has gone, GuestLifecycleXenLabIT). The test driver removes every transient domain that stops,
 * so here its answer for one defined, shut-off domain is changed to "transient" (the one thing the libxl driver
 * says differently); defining, undefining and the domain's going are the test driver's own.
 */
class LifecycleLeftoverTest {
    private static final String XML = """
            <domain type='test'><name>left</name><uuid>7d0b5a6e-1111-4c2e-9a4b-0123456789ab</uuid>
              <memory unit='MiB'>64</memory><os><type>xen</type></os></domain>
            """;

    private LibvirtHypervisor real;
    private Hypervisor libxlLike;

    @BeforeEach
    void aLeftover() {
        real = TestDriver.keep();
        real.define(XML);
        libxlLike = (Hypervisor) Proxy.newProxyInstance(Hypervisor.class.getClassLoader(),
                new Class<?>[] {Hypervisor.class}, (proxy, method, args) -> {
                    try {
                        Object answer = method.invoke(real, args);
                        if (answer instanceof DomainDetails d && d.summary().name().equals("left")) {
                            return new DomainDetails(d.summary(), d.osType(), false, d.autostart(), d.disks(),
                                    d.nics(), d.pciDevices());
                        }
                        return answer;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @AfterEach
    void close() {
        real.refresh("7d0b5a6e-1111-4c2e-9a4b-0123456789ab").ifPresent(d -> real.undefine(d.uuid()));
        real.close();
    }

    private static Lifecycle lifecycle(Hypervisor hypervisor) {
        return new Lifecycle(hypervisor, Duration.ofMillis(200), Duration.ofMillis(200));
    }

    private DomainSummary left() {
        return real.lookup(DomainRef.of("left"));
    }

    @Test
    void undefine_removes_it_without_starting_it() {
        Outcome removed = lifecycle(libxlLike).undefine(left());

        assertThat(removed.changed()).isTrue();
        assertThat(removed.message()).startsWith("Domain left removed: libvirt had kept it shut off, transient, "
                + "after failing to restart it");
        assertThat(real.refresh("7d0b5a6e-1111-4c2e-9a4b-0123456789ab")).isEmpty();
    }

    @Test
    void destroy_removes_it_too_but_leaves_a_defined_domain_that_is_shut_off() {
        Outcome defined = lifecycle(real).destroy(left(), null);
        assertThat(defined.changed()).isFalse();
        assertThat(defined.message()).isEqualTo("Domain left is already shut off.");
        assertThat(real.refresh("7d0b5a6e-1111-4c2e-9a4b-0123456789ab")).isPresent();

        Outcome removed = lifecycle(libxlLike).destroy(left(), null);

        assertThat(removed.changed()).isTrue();
        assertThat(real.refresh("7d0b5a6e-1111-4c2e-9a4b-0123456789ab")).isEmpty();
    }
}
