package org.xenctl.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Our own logic around the per-domain calls: order kept, several threads for many items, failures not lost. */
class ConcurrentCallsTest {

    @Test
    void results_keep_the_items_order_and_many_items_use_several_threads() {
        List<Integer> items = IntStream.range(0, 1000).boxed().toList();
        Set<String> threads = ConcurrentHashMap.newKeySet();

        List<Integer> squares = ConcurrentCalls.map(items, i -> {
            threads.add(Thread.currentThread().getName());
            sleepAMoment();
            return i * i;
        });

        assertThat(squares).isEqualTo(items.stream().map(i -> i * i).toList());
        assertThat(threads).hasSizeGreaterThan(1).hasSizeLessThanOrEqualTo(ConcurrentCalls.IN_FLIGHT);
    }

    @Test
    void few_items_are_called_in_order_on_the_callers_thread() {
        Set<String> threads = ConcurrentHashMap.newKeySet();

        ConcurrentCalls.map(List.of(1, 2, 3), i -> threads.add(Thread.currentThread().getName()));

        assertThat(threads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void a_failure_in_any_thread_is_thrown_to_the_caller() {
        List<Integer> items = IntStream.range(0, 200).boxed().toList();

        assertThatThrownBy(() -> ConcurrentCalls.map(items, i -> {
            if (i == 137) {
                throw new IllegalStateException("domain 137 went away");
            }
            return i;
        })).isInstanceOf(IllegalStateException.class).hasMessage("domain 137 went away");
    }

    private static void sleepAMoment() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
