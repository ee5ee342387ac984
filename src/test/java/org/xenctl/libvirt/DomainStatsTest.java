package org.xenctl.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.xenctl.domain.DomainState;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.DomainSummary.Detail;

/**
 * The one-by-one path (for drivers without bulk stats, such as libxl) must tell what the bulk path tells. Both run
 * on libvirt's test driver, which has both; the Xen lab runs the one-by-one path on libxl itself.
 */
class DomainStatsTest {
    private Connect connect;

    @BeforeEach
    void open() throws LibvirtException {
        LibvirtSilencer.install();
        connect = new Connect("test:///default");
        connect.domainDefineXML("<domain type='test'><name>off</name><memory>262144</memory>"
                + "<currentMemory>131072</currentMemory><vcpu>3</vcpu><os><type>hvm</type></os></domain>");
    }

    @AfterEach
    void close() throws LibvirtException {
        // test:///default is one host for the whole test JVM: leave it as found.
        connect.domainLookupByName("off").undefine();
        connect.close();
    }

    @Test
    void listingOneByOneTellsWhatTheBulkCallTells() {
        DomainStats bulk = new DomainStats(NativeHandles.of(connect), true);
        DomainStats oneByOne = new DomainStats(NativeHandles.of(connect), false);

        for (boolean includeInactive : new boolean[] {false, true}) {
            assertThat(comparable(oneByOne.all(includeInactive, Detail.RESOURCES)))
                    .isEqualTo(comparable(bulk.all(includeInactive, Detail.RESOURCES)))
                    .isNotEmpty();
            assertThat(sorted(oneByOne.all(includeInactive, Detail.STATE)))
                    .isEqualTo(sorted(bulk.all(includeInactive, Detail.STATE)))
                    .isEqualTo(withoutResources(bulk.all(includeInactive, Detail.RESOURCES)));
        }
        assertThat(comparable(oneByOne.all(false, Detail.RESOURCES))).extracting(DomainSummary::name)
                .containsExactly("test");
        DomainSummary off = comparable(oneByOne.all(true, Detail.RESOURCES)).get(0);
        assertThat(off.name()).isEqualTo("off");
        assertThat(off.vcpus()).isEqualTo(3);
        assertThat(off.memoryKiB()).isEqualTo(131072);
        assertThat(off.maxMemoryKiB()).isEqualTo(262144);
    }

    @Test
    void readingGivenDomainsOneByOneTellsWhatTheBulkCallTells() throws LibvirtException {
        Domain test = connect.domainLookupByName("test");
        Domain off = connect.domainLookupByName("off");
        List<com.sun.jna.Pointer> domains = List.of(NativeHandles.of(off), NativeHandles.of(test));

        DomainStats oneByOne = new DomainStats(NativeHandles.of(connect), false);
        DomainStats bulk = new DomainStats(NativeHandles.of(connect), true);

        assertThat(comparable(oneByOne.of(domains, Detail.RESOURCES)))
                .isEqualTo(comparable(bulk.of(domains, Detail.RESOURCES)));
        assertThat(oneByOne.of(domains, Detail.RESOURCES)).extracting(DomainSummary::name)
                .containsExactly("off", "test");
        assertThat(oneByOne.of(domains, Detail.STATE)).isEqualTo(bulk.of(domains, Detail.STATE))
                .extracting(DomainSummary::name, DomainSummary::state)
                .containsExactly(tuple("off", DomainState.SHUTOFF), tuple("test", DomainState.RUNNING));
    }

    @Test
    void aListingOfStatesReadsNoResources() {
        for (boolean bulk : new boolean[] {false, true}) {
            List<DomainSummary> states = new DomainStats(NativeHandles.of(connect), bulk).all(true, Detail.STATE);

            assertThat(states).isNotEmpty().noneMatch(DomainSummary::hasResources);
            assertThatThrownBy(() -> states.get(0).memoryKiB()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("were not read");
        }
    }

    private static List<DomainSummary> sorted(List<DomainSummary> summaries) {
        return summaries.stream().sorted(java.util.Comparator.comparing(DomainSummary::name)).toList();
    }

    private static List<DomainSummary> withoutResources(List<DomainSummary> summaries) {
        return sorted(summaries.stream()
                .map(s -> new DomainSummary(s.id(), s.name(), s.uuid(), s.state(), s.reason(), null))
                .toList());
    }

    /** CPU time moves between two calls and the listing order is the driver's; everything else must match. */
    private static List<DomainSummary> comparable(List<DomainSummary> summaries) {
        return summaries.stream()
                .map(s -> new DomainSummary(s.id(), s.name(), s.uuid(), s.state(), s.reason(), s.memoryKiB(),
                        s.maxMemoryKiB(), s.vcpus(), 0))
                .sorted(java.util.Comparator.comparing(DomainSummary::name))
                .toList();
    }
}
