package org.xenctl.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.libvirt.Error.ErrorNumber;
import org.xenctl.domain.ErrorCode;

class LibvirtErrorsTest {
    @Test
    void maps_libvirt_numbers_to_codes() {
        assertThat(LibvirtErrors.codeOf(ErrorNumber.VIR_ERR_NO_DOMAIN)).isEqualTo(ErrorCode.DOMAIN_NOT_FOUND);
        assertThat(LibvirtErrors.codeOf(ErrorNumber.VIR_ERR_OPERATION_INVALID)).isEqualTo(ErrorCode.WRONG_STATE);
        assertThat(LibvirtErrors.codeOf(ErrorNumber.VIR_ERR_XML_ERROR)).isEqualTo(ErrorCode.INVALID_CONFIG);
        assertThat(LibvirtErrors.codeOf(ErrorNumber.VIR_ERR_NO_SUPPORT)).isEqualTo(ErrorCode.UNSUPPORTED);
        assertThat(LibvirtErrors.codeOf(ErrorNumber.VIR_ERR_ACCESS_DENIED)).isEqualTo(ErrorCode.PERMISSION_DENIED);
        assertThat(LibvirtErrors.codeOf(ErrorNumber.VIR_ERR_RPC)).isEqualTo(ErrorCode.CONNECTION_LOST);
        assertThat(LibvirtErrors.codeOf(ErrorNumber.VIR_ERR_DOM_EXIST)).isEqualTo(ErrorCode.DOMAIN_EXISTS);
        assertThat(LibvirtErrors.codeOf(ErrorNumber.VIR_ERR_INTERNAL_ERROR)).isEqualTo(ErrorCode.OPERATION_FAILED);
        assertThat(LibvirtErrors.codeOf(null)).isEqualTo(ErrorCode.OPERATION_FAILED);
    }

    @Test
    void keeps_messages_on_one_line() {
        assertThat(LibvirtErrors.oneLine(" a\n  b \n")).isEqualTo("a; b");
    }
}
