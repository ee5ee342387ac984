package org.xenctl.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SaveImageFormatTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void libvirts_and_xls_headers_are_told_apart_from_anything_else() {
        assertThat(SaveImageFormat.of(bytes("libvirt-xml\n \0 \r\2\0\0\0<domain"))).isEqualTo(SaveImageFormat.LIBVIRT);
        assertThat(SaveImageFormat.of(bytes("Xen saved domain, xl format\n \0 \r"))).isEqualTo(SaveImageFormat.XL);
        assertThat(SaveImageFormat.of(bytes("libvirt-xml\n"))).isEqualTo(SaveImageFormat.OTHER);
        assertThat(SaveImageFormat.of(bytes("<domain type='xen'>"))).isEqualTo(SaveImageFormat.OTHER);
        assertThat(SaveImageFormat.of(new byte[0])).isEqualTo(SaveImageFormat.OTHER);
        assertThat(SaveImageFormat.HEADER_BYTES).isEqualTo(32);
    }
}
