package org.xenctl.render.view;

import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/**
 * What mem-set, mem-max, vcpu-set or vcpu-pin did. {@code setting} is "memory", "max_memory", "vcpus" or
 * "affinity"; {@code value} what it was set to (KiB, a count, a CPU list); {@code live} and {@code config} where it
 * was changed; both false with {@code changed} false: it was so already.
 */
public record ResourceChangeView(String domain, String setting, String value, boolean changed, boolean live,
                                 boolean config, String message) implements View {

    @Override
    public void writeText(TextOutput out) {
        out.note(message);
    }
}
