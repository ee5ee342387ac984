package org.xenctl.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/** What host-info reads of libvirt's capabilities XML (HostFacts.Capabilities). */
class HostCapabilitiesTest {

    /** The shape of a Xen host's capabilities (libvirt's libxl driver), shortened. */
    @Test
    void guest_types_features_and_numa_cells() {
        HostFacts.Capabilities capabilities = HostFacts.Capabilities.read("""
                <capabilities>
                  <host>
                    <iommu support='yes'/>
                    <topology><cells num='1'><cell id='0'><memory unit='KiB'>3145728</memory>
                      <cpus num='2'><cpu id='0'/><cpu id='1'/></cpus></cell></cells></topology>
                  </host>
                  <guest><os_type>xen</os_type></guest>
                  <guest><os_type>xenpvh</os_type></guest>
                  <guest><os_type>hvm</os_type><arch name='x86_64'/><features><hap default='on' toggle='yes'/>
                    </features></guest>
                </capabilities>""");

        assertThat(capabilities.guestTypes()).containsExactly("pv", "pvh", "hvm");
        assertThat(capabilities.features()).containsExactly("hap", "iommu");
        assertThat(capabilities.cells()).containsExactly(new HostFacts.Capabilities.Cell(0, 3145728, "0,1"));
    }

    /** A remote host of another libvirt version, or a broken one: its answer, exit 1, not xenctl's bug (exit 70). */
    @Test
    void what_libvirt_never_writes_is_a_failed_answer_not_an_internal_error() {
        for (String xml : List.of("capabilities, not XML",
                "<capabilities><host><topology><cells><cell id='zero'/></cells></topology></host></capabilities>",
                "<capabilities><host><topology><cells><cell id='0'><memory>99999999999999999999</memory></cell>"
                        + "</cells></topology></host></capabilities>")) {
            assertThatThrownBy(() -> HostFacts.Capabilities.read(xml))
                    .as(xml)
                    .isInstanceOfSatisfying(XenctlException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.OPERATION_FAILED))
                    .hasMessageStartingWith("libvirt described the host's capabilities in XML xenctl cannot read");
        }
    }
}
