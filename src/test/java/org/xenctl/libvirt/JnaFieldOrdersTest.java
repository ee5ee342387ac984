package org.xenctl.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.sun.jna.Structure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xenctl.testing.ChildJvm;
import org.xenctl.testing.Cli.Result;

class JnaFieldOrdersTest {
    /** How -Xlog:class+load names a class the JDK made for java.lang.reflect.Proxy. */
    private static final String PROXY = "source: __dynamic_proxy__";

    @Test
    void the_order_given_is_the_one_jna_declares() throws Exception {
        Class<?> ffiType = Class.forName(JnaFieldOrders.FFI_TYPE);

        assertThat(ffiType.getAnnotation(Structure.FieldOrder.class).value())
                .containsExactlyElementsOf(JnaFieldOrders.FFI_TYPE_FIELDS);
    }

    @Test
    void jna_keeps_its_field_orders_where_they_are_given() {
        assertThat(JnaFieldOrders.give()).isTrue();
    }

    @Test
    @Timeout(120)
    void a_listing_makes_no_annotation_proxy() throws Exception {
        Result run = ChildJvm.run(List.of("-Xlog:class+load=info:stdout"), DirectCallPathsTest.Verbs.class,
                "list --all");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).as("JNA is loaded and its first structure made").contains("com.sun.jna.Structure$FFIType ")
                .doesNotContain(PROXY);
    }

    @Test
    @Timeout(120)
    void reading_the_annotation_would_make_one() throws Exception {
        // The control: the same log shows the proxy when JNA's annotation is read.
        Result run = ChildJvm.run(List.of("-Xlog:class+load=info:stdout"), ReadsTheAnnotation.class);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains(PROXY);
    }

    public static final class ReadsTheAnnotation {
        public static void main(String[] args) throws Exception {
            Class.forName(JnaFieldOrders.FFI_TYPE, false, ReadsTheAnnotation.class.getClassLoader())
                    .getAnnotation(Structure.FieldOrder.class);
        }
    }
}
